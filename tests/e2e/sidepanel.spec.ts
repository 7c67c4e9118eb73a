import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { writeCapeFiles } from '../../utils/cape-file';
import { checkDeclaration } from '../../utils/check-declaration';
import { formatEntryNumber } from '../../utils/entry-number';
import { writeExclusionsReport } from '../../utils/exclusions-report';
import { readInputText } from '../../utils/read-input';
import { statusOptionsFrom } from '../../utils/status-options';
import { readMockAceExpectations } from './ace-routes';
import { expect, mockAceToday, test, useFixtureToday } from './extension-test';
import { settledBadges } from './support/badges';
import { readHistoryStore } from './support/history-reader';
import { csvFile, downloadedText, dropFiles, expectCounts, notice, pickFiles, seedClaim, validEntry, waitForPanel } from './sidepanel-helpers';

const today = mockAceToday;
/** The check options the panel uses with the fixtures' date pinned and the default "missing flags are No". */
const checkOptions = statusOptionsFrom({ checkAsOfDate: today, assumeMissingFlagsAreNo: true }, today);

const clean = validEntry('ABC', 1234567);
const dashedLower = validEntry('XYZ', 7654321);
const quoted = validEntry('316', 17);
const zeros = validEntry('001', 2345678);
const claimed = validEntry('AB1', 2345678);
const badCheckDigit = `${validEntry('QRS', 1111111).slice(0, 10)}${(Number(validEntry('QRS', 1111111)[10]) + 1) % 10}`;
const claimNumber = 'CAPE-26-0000777';

/** A file as spreadsheets and people leave them: BOM, CRLF, dashes, lower case, quotes, lost zeros, scientific notation, repeats. */
const messyText = [
  '\uFEFFEntry Number,Client,Notes',
  `${clean},ACME,clean`,
  `${formatEntryNumber(dashedLower).toLowerCase()},ACME,dashed and lower case`,
  `" ${formatEntryNumber(quoted)} ",ACME,quoted with spaces`,
  `${zeros.replace(/^0+/, '')},ACME,leading zeros lost`,
  '1.23457E+10,ACME,scientific notation',
  `${formatEntryNumber(clean)},ACME,same entry again`,
  `${badCheckDigit},ACME,typo`,
  `${claimed},ACME,already filed`,
  'N/A,ACME,not a number',
  '',
].join('\r\n');

function expectedCheck(text: string, source: string) {
  return checkDeclaration(readInputText(text, { source }).entries, { ...checkOptions, knownClaims: new Map([[claimed, [claimNumber]]]) });
}

async function openPanel(openExtensionPage: (path: string) => Promise<Page>, path = 'sidepanel.html'): Promise<Page> {
  const panel = await openExtensionPage(path);
  await waitForPanel(panel);
  return panel;
}

/** Every row of the grid (it renders only what is visible), scrolling it from top to bottom. */
async function allGridRows(panel: Page): Promise<Array<{ entryNumber: string; status: string; verdict: string; text: string }>> {
  const grid = panel.getByRole('grid', { name: 'Staged entries' });
  const seen = new Map<string, { entryNumber: string; status: string; verdict: string; text: string }>();
  await grid.evaluate((element) => (element.scrollTop = 0));
  for (;;) {
    await expect(panel.locator('.sp-row--placeholder')).toHaveCount(0);
    const rows = await grid.locator('[role="row"][id]').evaluateAll((elements) =>
      elements.map((element) => ({
        id: element.id,
        entryNumber: element.getAttribute('data-entry-number') ?? '',
        status: element.getAttribute('data-status') ?? '',
        verdict: element.getAttribute('data-row-verdict') ?? '',
        text: (element as HTMLElement).innerText,
      })),
    );
    for (const row of rows) seen.set(row.id, row);
    const atEnd = await grid.evaluate((element) => {
      const before = element.scrollTop;
      element.scrollTop += element.clientHeight - 60;
      return element.scrollTop === before;
    });
    if (atEnd) break;
  }
  return [...seen.values()];
}

test.describe('side panel', () => {
  test.beforeEach(async ({ background }) => {
    await useFixtureToday(background);
  });

  test('a messy file: counts and messages are right, and the downloads are byte for byte what the core writes', async ({ openExtensionPage }) => {
    const panel = await openPanel(openExtensionPage);
    await seedClaim(panel, { claimNumber, entryNumbers: [claimed], outcome: 'accepted' });
    const expected = expectedCheck(messyText, 'messy.csv');
    expect(expected.summary).toMatchObject({ ready: 4, excluded: 5 });

    await pickFiles(panel, [csvFile('messy.csv', messyText)]);
    await expect(notice(panel)).toContainText('Added 9 rows from messy.csv.');
    await expectCounts(panel, { ready: expected.summary.ready, excluded: expected.summary.excluded, removed: 0, files: 1 });
    const reasons = panel.locator('.sp-summary .sp-reasons').first();
    for (const label of ['Duplicate 1', 'Check digit fails 1', 'Already claimed 1', 'Spreadsheet damage 1']) await expect(reasons).toContainText(label);
    await expect(panel.locator('.sp-summary')).toContainText('Leading zeros restored 1');

    // Each left-out row explains itself in the core's words, naming the row and the fix.
    const rows = await allGridRows(panel);
    expect(rows).toHaveLength(9);
    for (const entry of expected.entries.filter((each) => each.exclusion)) {
      const row = rows.find((each) => each.text.includes(`row ${entry.row}`))!;
      expect(row.status).toBe('excluded');
      expect(row.text.replace(/\s+/g, ' ')).toContain(entry.exclusion!.message.slice(0, 40));
    }
    await panel.getByRole('button', { name: /left out: Already claimed/ }).click();
    await expect(panel.locator('.sp-shown')).toContainText('Showing 1 of 9 rows.');
    await expect(panel.locator(`[role="row"][data-entry-number="${claimed}"]`)).toContainText(`already on CAPE claim ${claimNumber}`);
    await panel.getByRole('grid', { name: 'Staged entries' }).focus();
    await expect(panel.locator('.sp-details')).toContainText(`Already on claim ${claimNumber}.`);
    await panel.getByLabel('Reason').selectOption('');

    const capeDownload = panel.waitForEvent('download');
    await panel.getByRole('button', { name: 'Download the CAPE file' }).click();
    const capeFile = await capeDownload;
    const [written] = writeCapeFiles(expected.readyEntryNumbers, { date: today });
    expect(capeFile.suggestedFilename()).toBe(written!.name);
    expect((await downloadedText(capeFile)).equals(Buffer.from(written!.content, 'ascii'))).toBe(true);

    const reportDownload = panel.waitForEvent('download');
    await panel.getByRole('button', { name: 'Download the exclusions report' }).click();
    const report = await reportDownload;
    const expectedReport = writeExclusionsReport(
      expected.entries
        .filter((entry) => entry.exclusion)
        .map((entry) => ({ row: entry.row, input: entry.input, entryNumber: entry.entryNumber, code: entry.exclusion!.code, message: entry.exclusion!.message, source: 'messy.csv' })),
    );
    expect(report.suggestedFilename()).toBe(`cape-exclusions-${today}.csv`);
    expect((await downloadedText(report)).equals(Buffer.from(expectedReport, 'utf8'))).toBe(true);

    // Exported, not yet recorded, until the claim number is typed; then the entries are in history under it.
    const record = panel.locator('.sp-record');
    await expect(record).toContainText('Exported, not yet recorded.');
    await panel.getByLabel(`CAPE claim number for ${written!.name}`).fill('cape-26-0000901');
    await record.getByRole('button', { name: 'Record' }).click();
    await expect(notice(panel)).toContainText(`Recorded ${written!.name} under claim CAPE-26-0000901: 4 entries saved to history.`);
    await expect(record).not.toContainText('Exported, not yet recorded.');
    await expect(record).toContainText('recorded under claim CAPE-26-0000901');
    const claimEntries = await readHistoryStore<{ claimNumber: string; entryNumber: string; outcome: string }>(panel, 'claimEntries');
    expect(claimEntries.filter((each) => each.claimNumber === 'CAPE-26-0000901').map((each) => each.entryNumber).sort()).toEqual([...expected.readyEntryNumbers].sort());
    // Recorded entries are now claimed: staging them again would be a duplicate claim.
    await expectCounts(panel, { ready: 0, excluded: 9 });
  });

  test('25,000 ready entries export as three files of 9,999, 9,999 and 5,002, dropped on the panel', async ({ openExtensionPage }) => {
    const panel = await openPanel(openExtensionPage);
    const entries = Array.from({ length: 25_000 }, (_, index) => validEntry('B7X', 1_000_000 + index));
    await dropFiles(panel, [csvFile('big.csv', `Entry Number\r\n${entries.join('\r\n')}\r\n`)]);
    await expectCounts(panel, { ready: 25_000, excluded: 0, files: 3 });
    const downloads: Array<Promise<import('@playwright/test').Download>> = [];
    const all = new Promise<void>((resolve) => {
      panel.on('download', (download) => {
        downloads.push(Promise.resolve(download));
        if (downloads.length === 3) resolve();
      });
    });
    await panel.getByRole('button', { name: 'Download 3 CAPE files' }).click();
    await all;
    const files = await Promise.all(downloads);
    const expected = writeCapeFiles(entries, { date: today });
    expect(files.map((file) => file.suggestedFilename())).toEqual(expected.map((file) => file.name));
    const contents = await Promise.all(files.map(downloadedText));
    expect(contents.map((content) => content.toString('ascii').split('\r\n').length - 2)).toEqual([9_999, 9_999, 5_002]);
    contents.forEach((content, index) => expect(content.equals(Buffer.from(expected[index]!.content, 'ascii'))).toBe(true));
    await expect(panel.locator('.sp-record li.sp-unrecorded')).toHaveCount(3);
  });

  test('entries from the ACE page carry the overlay’s facts and get the overlay’s verdicts; no ACE tab gets a message', async ({ context, openExtensionPage, mockAce }) => {
    const panel = await openPanel(openExtensionPage);
    await panel.getByRole('button', { name: 'Add entries from this page' }).click();
    await expect(notice(panel)).toContainText('No ACE Portal page is open.');
    await expectCounts(panel, { ready: 0, excluded: 0 });

    const path = '/reports/es003-thead.html';
    const expected = (await readMockAceExpectations())[path]!;
    const ace = await context.newPage();
    await ace.goto(mockAce.url(path));
    await settledBadges(ace, Object.keys(expected).length);
    await panel.bringToFront();
    await panel.getByRole('button', { name: 'Add entries from this page' }).click();
    // The overlay hands over the entry numbers it found valid, with the facts it read in their rows.
    const valid = Object.entries(expected).filter(([, want]) => want.verdict !== 'invalid');
    await expect(notice(panel)).toContainText(`Added ${valid.length} rows from ACE page "ES-003`);
    const rows = await allGridRows(panel);
    expect(new Set(rows.map((row) => row.entryNumber))).toEqual(new Set(valid.map(([entryNumber]) => entryNumber)));
    for (const [entryNumber, want] of valid) {
      if (want.verdict === 'any') continue;
      const row = rows.find((each) => each.entryNumber === entryNumber);
      expect.soft(row?.verdict, `verdict of ${entryNumber}`).toBe(want.verdict);
      expect.soft(row?.status, `status of ${entryNumber}`).toBe(want.verdict === 'not-eligible' ? 'excluded' : 'ready');
    }
  });

  test('keyboard only: move, select, remove, undo, accept a restored number; paste text; copy the ready numbers', async ({ openExtensionPage }) => {
    const panel = await openPanel(openExtensionPage);
    await panel.getByLabel('Paste entry numbers or a copied table').fill(`${clean}\n${zeros.replace(/^0+/, '')}\n${dashedLower}\n`);
    await panel.getByRole('button', { name: 'Add pasted entries' }).press('Enter');
    await expect(notice(panel)).toContainText('Added 3 rows from pasted text.');
    await expectCounts(panel, { ready: 3 });

    const grid = panel.getByRole('grid', { name: 'Staged entries' });
    await grid.focus();
    await expect(grid).toHaveAttribute('aria-rowcount', '4');
    await panel.keyboard.press('ArrowDown');
    await expect(panel.locator('.sp-details h2')).toHaveText('Row 2 of pasted text');
    await panel.keyboard.press('Enter');
    await expect(notice(panel)).toContainText('Accepted 1 restored number.');
    await expect(panel.locator('.sp-details')).toContainText(`Fix accepted: ${formatEntryNumber(zeros)}.`);
    await expect(panel.locator('.sp-summary')).not.toContainText('Leading zeros restored');

    await panel.keyboard.press('ArrowDown');
    await panel.keyboard.press('Space');
    await expect(grid.locator('[aria-selected="true"]')).toHaveCount(1);
    await panel.keyboard.press('Delete');
    await expectCounts(panel, { ready: 2, removed: 1 });
    await expect(grid).toBeFocused();
    await panel.keyboard.press('Control+z');
    await expectCounts(panel, { ready: 3, removed: 0 });
    await expect(notice(panel)).toContainText('Undone: remove 1 row.');

    // Tab order: the grid's controls come before it, the row details after.
    await grid.focus();
    await panel.keyboard.press('Shift+Tab');
    await expect(panel.getByRole('button', { name: 'Clear the list' })).toBeFocused();

    // Copy the ready numbers (dashed when the setting says so), one a line.
    // Reading the clipboard back needs a permission extension pages cannot be granted: note what the real write was given.
    await panel.evaluate(() => {
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (text: string) => write(text).then(() => void ((window as unknown as { copied: string }).copied = text));
    });
    await panel.getByLabel('Write entry numbers with dashes (ABC-1234567-6)').check();
    await panel.getByRole('button', { name: 'Copy ready entry numbers' }).press('Enter');
    await expect(notice(panel)).toContainText('Copied 3 ready entry numbers to the clipboard, one a line.');
    expect(await panel.evaluate(() => (window as unknown as { copied: string }).copied)).toBe(`${[clean, zeros, dashedLower].map(formatEntryNumber).join('\n')}\n`);
  });

  test('re-stages the rejected entries of a past claim from sidepanel.html?restage=', async ({ openExtensionPage }) => {
    const setup = await openPanel(openExtensionPage);
    const rejected = validEntry('RJT', 4242);
    await seedClaim(setup, { claimNumber: 'CAPE-26-0001733', entryNumbers: [rejected], outcome: 'rejected', aceErrorText: 'UNABLE TO CALCULATE DUTY' });
    await setup.close();
    const panel = await openPanel(openExtensionPage, 'sidepanel.html?restage=CAPE-26-0001733');
    await expect(notice(panel)).toContainText('Added 1 row from claim CAPE-26-0001733.');
    await expect(panel).toHaveURL(/sidepanel\.html$/);
    await panel.getByRole('grid', { name: 'Staged entries' }).focus();
    await expect(panel.locator('.sp-details')).toContainText('Rejected on claim CAPE-26-0001733: UNABLE TO CALCULATE DUTY');
    await panel.reload();
    await waitForPanel(panel);
    await expectCounts(panel, { ready: 1 });
  });

  test('axe finds no serious or critical violation, in light and dark', async ({ openExtensionPage }) => {
    const panel = await openPanel(openExtensionPage);
    await pickFiles(panel, [csvFile('messy.csv', messyText)]);
    await expectCounts(panel, { ready: 5, excluded: 4 });
    await panel.getByRole('grid', { name: 'Staged entries' }).focus();
    await panel.keyboard.press('ArrowDown');
    for (const colorScheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page: panel }).analyze();
      const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`), colorScheme).toEqual([]);
    }
  });
});
