import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from '@playwright/test';
import { readMockAceClaims } from './ace-routes';
import { expect, setSettings, test } from './extension-test';
import { aceCsvFixture, enterClaimByHand, importAceFiles, lookUp, readSetting } from './history-surfaces';

async function seriousViolations(page: Page, scheme: 'light' | 'dark'): Promise<string[]> {
  await page.emulateMedia({ colorScheme: scheme });
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${scheme}: ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

async function seedTwoClaims(openExtensionPage: (path: string) => Promise<Page>): Promise<void> {
  const options = await openExtensionPage('options.html');
  await importAceFiles(options, [aceCsvFixture('claim-details-messy.csv')]);
  await enterClaimByHand(options, { claimNumber: 'CAPE-26-7000001', entries: 'ABC-1234570-0 accepted\nW5R49379302' });
  await options.close();
}

/** Tabs (or shift-tabs) until `target` has focus; fails if it takes more than `limit` presses. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 30): Promise<void> {
  for (let press = 0; press < limit; press++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

test('keyboard only: search, move through results, read the details, follow a claim, clear', async ({ openExtensionPage }) => {
  await seedTwoClaims(openExtensionPage);
  const popup = await openExtensionPage('popup.html');
  const box = popup.getByRole('combobox', { name: 'Entry or claim number' });
  await expect(box).toBeFocused();
  await expect(popup.getByRole('listbox', { name: 'Recent claims' }).getByRole('option')).toHaveText([/CAPE-26-7000001/, /C20260421-0007/]);

  await popup.keyboard.type('abc-12345');
  const options = popup.getByRole('listbox', { name: 'Matches' }).getByRole('option');
  await expect(options).toHaveCount(6);
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', 'lookup-hit-0');
  await expect(popup.locator('[data-detail="entry"]')).toHaveAttribute('data-entry-number', 'ABC12345676');

  await popup.keyboard.press('ArrowDown');
  await popup.keyboard.press('ArrowDown');
  await expect(options.nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', 'lookup-hit-2');
  await expect(popup.locator('[data-detail="entry"]')).toHaveAttribute('data-entry-number', 'ABC12345692');
  await popup.keyboard.press('ArrowUp');
  await expect(popup.locator('[data-detail="entry"]')).toHaveAttribute('data-entry-number', 'ABC12345684');

  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('heading', { name: 'Entry ABC-1234568-4' })).toBeFocused();
  const claimButton = popup.locator('[data-detail="entry"]').getByRole('button', { name: 'C20260421-0007' });
  await tabTo(popup, claimButton);
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('heading', { name: 'Claim C20260421-0007' })).toBeFocused();
  await expect(box).toHaveValue('C20260421-0007');
  const entryButton = popup.locator('[data-detail="claim"]').getByRole('button', { name: 'ABC-1234570-0' });
  await tabTo(popup, entryButton);
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('heading', { name: 'Entry ABC-1234570-0' })).toBeFocused();
  // This entry is rejected on one claim and accepted on the other.
  await expect(popup.locator('[data-detail="entry"] .verdict-pill')).toHaveAttribute('data-verdict', 'claimed');

  await tabTo(popup, box, 'Shift+Tab');
  await popup.keyboard.press('Escape');
  await expect(box).toHaveValue('');
  await expect(popup.getByRole('listbox', { name: 'Recent claims' })).toBeVisible();
  await popup.keyboard.press('ArrowDown');
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('heading', { name: 'Claim CAPE-26-7000001' })).toBeFocused();
});

test('a wrong check digit is named, and the entry it was meant to be is offered', async ({ openExtensionPage }) => {
  await seedTwoClaims(openExtensionPage);
  const popup = await openExtensionPage('popup.html');
  await popup.getByRole('combobox').fill('ABC-1234568-0');
  await expect(popup.locator('#lookup-note')).toHaveText(/ABC-1234568-0 is not a valid entry number: its last digit should be 4/);
  await expect(popup.locator('[data-detail="entry"]')).toHaveAttribute('data-entry-number', 'ABC12345684');
});

test('the overlay switch writes the setting', async ({ background, openExtensionPage }) => {
  const popup = await openExtensionPage('popup.html');
  const overlaySwitch = popup.getByRole('switch', { name: /Badges on ACE pages/ });
  await expect(overlaySwitch).toBeChecked();
  await overlaySwitch.focus();
  await popup.keyboard.press('Space');
  await expect(overlaySwitch).not.toBeChecked();
  await expect.poll(() => readSetting(background, 'overlayEnabled')).toBe(false);
  await expect(popup.getByText('Badges on ACE pages: off')).toBeVisible();
  await overlaySwitch.click();
  await expect.poll(() => readSetting(background, 'overlayEnabled')).toBe(true);

  // A change made elsewhere shows in an open popup.
  await setSettings(background, { overlayEnabled: false });
  await expect(overlaySwitch).not.toBeChecked();
});

test('"Re-stage rejected" opens the side panel page for that claim, without throwing', async ({ context, background, openExtensionPage }) => {
  await seedTwoClaims(openExtensionPage);
  const popup = await openExtensionPage('popup.html');
  const errors: string[] = [];
  popup.on('pageerror', (error) => errors.push(error.message));
  await lookUp(popup, 'C20260421-0007', { claim: 'C20260421-0007' });
  await popup.getByRole('button', { name: 'Re-stage rejected in the side panel' }).click();
  const restagePath = 'sidepanel.html?restage=C20260421-0007';
  // Chrome opens its side panel; where that API refuses (headless), the same page opens in a tab.
  await expect
    .poll(async () => {
      if (context.pages().some((page) => page.url().endsWith(restagePath))) return 'tab';
      const options = await background.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: { sidePanel: { getOptions(options: object): Promise<{ path?: string }> } } }).chrome;
        return api.sidePanel.getOptions({});
      });
      return options.path === restagePath ? 'side-panel' : 'none';
    })
    .not.toBe('none');
  expect(errors).toEqual([]);
  await expect(popup.getByRole('combobox')).toBeVisible();
});

test('axe: no serious or critical violations on the popup and the options page, light and dark', async ({ openExtensionPage }) => {
  await seedTwoClaims(openExtensionPage);
  const popup = await openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 380, height: 600 });
  await expect(popup.getByRole('listbox', { name: 'Recent claims' })).toBeVisible();
  const violations = [...(await seriousViolations(popup, 'light')), ...(await seriousViolations(popup, 'dark'))];
  await lookUp(popup, 'ABC-1234568-4', { entry: 'ABC12345684' });
  violations.push(...(await seriousViolations(popup, 'light')), ...(await seriousViolations(popup, 'dark')));
  await lookUp(popup, 'C20260421-0007', { claim: 'C20260421-0007' });
  violations.push(...(await seriousViolations(popup, 'light')), ...(await seriousViolations(popup, 'dark')));

  const options = await openExtensionPage('options.html');
  await options.getByLabel('CSV files from ACE').setInputFiles([aceCsvFixture('validation-result.csv'), aceCsvFixture('claim-status-list.csv')]);
  await expect(options.getByRole('region', { name: 'What will be saved' })).toBeVisible();
  await options.getByRole('button', { name: 'Erase all history…' }).click();
  violations.push(...(await seriousViolations(options, 'light')), ...(await seriousViolations(options, 'dark')));
  expect(violations).toEqual([]);
});

test('claims captured on the mock CAPE pages are found from the popup', async ({ context, mockAce, openExtensionPage }) => {
  const expectedClaims = await readMockAceClaims();
  const [claimNumber, claim] = Object.entries(expectedClaims).find(([, each]) => Object.values(each.entries).some((entry) => entry.error))!;
  const page = await context.newPage();
  await page.goto(mockAce.url('/cape/claim-status.html'));
  await page.goto(mockAce.url(`/cape/claim-details.html?claim=${claimNumber}`));
  await expect(page.locator('[data-cape-notice] [role="status"]')).toContainText('entry result');

  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByRole('listbox', { name: 'Recent claims' })).toContainText(claimNumber);
  await lookUp(popup, claimNumber.toLowerCase(), { claim: claimNumber });
  const entries = Object.entries(claim.entries);
  const rejected = entries.filter(([, entry]) => entry.outcome === 'Rejected');
  const accepted = entries.filter(([, entry]) => entry.outcome === 'Accepted');
  await expect(popup.locator('[data-detail="claim"] [data-counts]')).toHaveAttribute('data-counts', `${entries.length}/${accepted.length}/${rejected.length}/0`);
  await expect(popup.locator('[data-detail="claim"]')).toContainText(claim.status);

  const [rejectedEntry, result] = rejected[0]!;
  await lookUp(popup, rejectedEntry, { entry: rejectedEntry });
  await expect(popup.locator('[data-detail="entry"]')).toContainText('this entry: Rejected');
  await expect(popup.locator('[data-detail="entry"]')).toContainText(result.error!);
});

/** Writes ledger records straight into the extension's IndexedDB from the background, as the overlay would have learned them. */
async function seedLedger(background: Worker, records: Array<{ entryNumber: string; liquidationDate: string }>): Promise<void> {
  await background.evaluate(async (items) => {
    // Open only once the extension has made its database: opening it first would create an empty one at version 1.
    for (let attempt = 0; attempt < 100; attempt++) {
      const made = (await indexedDB.databases()).find((database) => database.name === 'cape-companion');
      if (made?.version && made.version >= 2) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('cape-companion');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const transaction = db.transaction('entryLedger', 'readwrite');
    for (const item of items) {
      const learned = (value: unknown) => ({ value, source: 'page', learnedOn: item.liquidationDate });
      transaction.objectStore('entryLedger').put({
        entryNumber: item.entryNumber,
        facts: {
          entryType: learned('01'),
          liquidationStatus: learned('liquidated'),
          liquidationDate: learned(item.liquidationDate),
          tariffLines: learned([{ htsNumber: '9903.01.25', dutyAmount: 100 }]),
        },
        updatedAt: new Date().toISOString(),
      });
    }
    await new Promise((resolve, reject) => {
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
    });
    db.close();
  }, records);
}

function localDateDaysAgo(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() - days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

test('the toolbar badge counts remembered entries leaving the 80-day window within 7 days, when switched on', async ({ background, openExtensionPage }) => {
  const badgeText = () =>
    background.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(details: object): Promise<string> } } }).chrome.action.getBadgeText({}));
  const options = await openExtensionPage('options.html');
  await seedLedger(background, [
    { entryNumber: 'ABC12345676', liquidationDate: localDateDaysAgo(75) },
    { entryNumber: 'ABC12345684', liquidationDate: localDateDaysAgo(78) },
    { entryNumber: 'ABC12345692', liquidationDate: localDateDaysAgo(60) },
    { entryNumber: 'ABC12345700', liquidationDate: localDateDaysAgo(85) },
  ]);
  await setSettings(background, { historyRevision: 1 });
  expect(await badgeText()).toBe('');

  await options.getByRole('switch', { name: /Deadline count on the toolbar icon/ }).click();
  await expect.poll(badgeText).toBe('2');
  await enterClaimByHand(options, { claimNumber: 'CAPE-26-7000009', entries: 'ABC-1234567-6' });
  await expect.poll(badgeText).toBe('1');

  const popup = await openExtensionPage('popup.html');
  await lookUp(popup, 'ABC-1234568-4', { entry: 'ABC12345684' });
  await expect(popup.locator('[data-detail="entry"]')).toContainText('Last day CAPE accepts this liquidated entry');
  await expect(popup.locator('[data-detail="entry"]')).toContainText('from an ACE page');

  await options.getByRole('switch', { name: /Deadline count on the toolbar icon/ }).click();
  await expect.poll(badgeText).toBe('');
});
