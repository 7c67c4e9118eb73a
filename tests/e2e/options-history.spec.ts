import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './extension-test';
import { aceCsvFixture, claimDetailsFixture, enterClaimByHand, historyCounts, importAceFiles, lookUp } from './history-surfaces';

test('ACE files imported on the options page are found from the popup by entry number in any form and by claim number', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  const saved = await importAceFiles(
    options,
    [aceCsvFixture('claim-details-messy.csv'), aceCsvFixture('claim-status-list.csv'), claimDetailsFixture('CAPE-26-0000418')],
    { 'CAPE-26-0000418.csv': 'CAPE-26-0000418' },
  );
  expect(saved).toContain('Claims: 4 added');

  const popup = await openExtensionPage('popup.html');
  await lookUp(popup, 'abc-1234568-4', { entry: 'ABC12345684' });
  const entry = popup.locator('[data-detail="entry"]');
  await expect(entry.getByRole('button', { name: 'C20260421-0007' })).toBeVisible();
  await expect(entry).toContainText('this entry: Rejected');
  await expect(entry).toContainText('ENTRY ON DRAWBACK');
  await expect(entry).toContainText('CAPE rejected the entry because it is on drawback.');

  // Any form: spaces, lower case, no dashes.
  await lookUp(popup, ' abc 1234567 6 ', { entry: 'ABC12345676' });
  await expect(popup.locator('[data-detail="entry"]')).toContainText('this entry: Accepted');
  await expect(popup.locator('[data-detail="entry"] .verdict-pill')).toHaveAttribute('data-verdict', 'claimed');
  await lookUp(popup, 'W5R08303111', { entry: 'W5R08303111' });
  await expect(popup.locator('[data-detail="entry"]')).toContainText('ENTRY SUMMARY IS CANCELLED/REJECTED');

  await lookUp(popup, 'c20260421-0007', { claim: 'C20260421-0007' });
  const claim = popup.locator('[data-detail="claim"]');
  await expect(claim).toContainText('Accepted with Error(s)');
  await expect(claim.locator('[data-counts]')).toHaveAttribute('data-counts', '6/2/3/1');
  await expect(claim.getByRole('heading', { name: 'Rejected entries (3)' })).toBeVisible();
  await expect(claim.getByRole('button', { name: 'Re-stage rejected in the side panel' })).toBeVisible();
  await expect(claim.getByRole('button', { name: 'ABC-1234569-2' })).toBeVisible();

  // A claim from the claim list, found by the start of its number.
  await popup.getByRole('combobox', { name: 'Entry or claim number' }).fill('cape-900');
  await expect(popup.getByRole('option')).toHaveCount(2);
  await expect(popup.locator('[data-detail="claim"][data-claim-number="CAPE-9001"]')).toBeVisible();
});

test('a claim entered by hand is found from the popup', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await enterClaimByHand(options, {
    claimNumber: 'cape-26-7000001',
    filedDate: '2026-11-20',
    entries: 'ABC-1234567-6\nabc12345684 rejected ENTRY ON DRAWBACK\n316-0000017-3 accepted',
  });
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByRole('listbox', { name: 'Recent claims' }).getByRole('option')).toHaveText([/CAPE-26-7000001/]);
  await lookUp(popup, '31600000173', { entry: '31600000173' });
  await expect(popup.locator('[data-detail="entry"]')).toContainText('this entry: Accepted');
  await lookUp(popup, 'CAPE-26-7000001', { claim: 'CAPE-26-7000001' });
  await expect(popup.locator('[data-detail="claim"] [data-counts]')).toHaveAttribute('data-counts', '3/1/1/1');
  await expect(popup.locator('[data-detail="claim"]')).toContainText('Filed2026-11-20');
});

test('a bad claim number typed by hand saves nothing and says why', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await options.getByLabel('Claim number', { exact: true }).fill('BAD CLAIM!');
  await options.getByLabel('Entry numbers').fill('ABC-1234567-6');
  await options.getByRole('button', { name: 'Save claim' }).click();
  await expect(options.locator('#hand-entry [role="status"]')).toContainText('Nothing was saved');
  await expect(options.locator('#hand-entry')).toContainText('may have only letters, digits and dashes');
  await expect(options.getByLabel('Entry numbers')).toHaveValue('ABC-1234567-6');
  await expect.poll(() => historyCounts(options)).toBe('0/0/0/0');
});

test('backup export, wipe and import restore everything; a corrupt backup changes nothing and says why', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await importAceFiles(options, [aceCsvFixture('claim-details-messy.csv'), aceCsvFixture('claim-status-list.csv')]);
  await enterClaimByHand(options, { claimNumber: 'CAPE-26-7000002', entries: 'W5R49379302 accepted\nW5R26708895' });
  await expect.poll(() => historyCounts(options)).toBe('4/8/0/0');
  const before = await historyCounts(options);

  const downloading = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export backup' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^cape-companion-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backupPath = join(tmpdir(), `cape-backup-${Date.now()}.json`);
  await download.saveAs(backupPath);
  const backup = JSON.parse(readFileSync(backupPath, 'utf8')) as { counts: Record<string, number> };
  expect(backup.counts).toEqual({ claims: 4, claimEntries: 8, entryLedger: 0, stagedBatches: 0 });
  await expect(options.locator('#backup [role="status"]').first()).toContainText('4 claims, 8 entries on claims');

  await options.getByRole('button', { name: 'Erase all history…' }).click();
  await expect(options.locator('#erase-confirm')).toContainText('Erase 4 claims, 8 entries on claims');
  await options.getByRole('button', { name: 'Yes, erase everything' }).click();
  await expect(options.locator('#erase [role="status"]')).toContainText('erased');
  await expect.poll(() => historyCounts(options)).toBe('0/0/0/0');

  await options.getByLabel('Backup file to import').setInputFiles(backupPath);
  await expect(options.locator('[data-import-changes] [data-store="claims"]')).toHaveAttribute('aria-label', 'Claims: 4 added, 0 updated, 0 unchanged');
  await expect(options.locator('[data-import-changes] [data-store="claimEntries"]')).toHaveAttribute('aria-label', 'Entries on claims: 8 added, 0 updated, 0 unchanged');
  await expect.poll(() => historyCounts(options)).toBe(before);

  const popup = await openExtensionPage('popup.html');
  await lookUp(popup, 'ABC-1234568-4', { entry: 'ABC12345684' });
  await expect(popup.locator('[data-detail="entry"]')).toContainText('ENTRY ON DRAWBACK');
  await lookUp(popup, 'CAPE-26-7000002', { claim: 'CAPE-26-7000002' });
  await expect(popup.locator('[data-detail="claim"] [data-counts]')).toHaveAttribute('data-counts', '2/1/0/1');

  // Importing the same file again changes nothing.
  await options.getByLabel('Backup file to import').setInputFiles(backupPath);
  await expect(options.locator('[data-import-changes] [data-store="claims"]')).toHaveAttribute('aria-label', 'Claims: 0 added, 0 updated, 4 unchanged');

  const text = readFileSync(backupPath, 'utf8');
  const corrupt: Array<[string, string, RegExp]> = [
    ['edited.json', text.replace('ENTRY ON DRAWBACK', 'ENTRY ON DRAWBACK!'), /changed after it was exported/],
    ['truncated.json', text.slice(0, Math.floor(text.length / 2)), /incomplete/],
    ['foreign.json', JSON.stringify({ hello: 'world' }), /not a CAPE Companion backup/],
  ];
  await options.getByRole('button', { name: 'Erase all history…' }).click();
  await options.getByRole('button', { name: 'Yes, erase everything' }).click();
  await enterClaimByHand(options, { claimNumber: 'CAPE-26-7000003', entries: 'W5R79364315' });
  await expect.poll(() => historyCounts(options)).toBe('1/1/0/0');
  const kept = await historyCounts(options);
  for (const [name, content, reason] of corrupt) {
    const path = join(tmpdir(), `cape-${Date.now()}-${name}`);
    writeFileSync(path, content);
    await options.getByLabel('Backup file to import').setInputFiles(path);
    const status = options.locator('#backup [role="status"]').last();
    await expect(status).toContainText(reason);
    await expect(status).toContainText('Nothing was changed');
    await expect(options.locator('[data-import-changes]')).toHaveCount(0);
    expect(await historyCounts(options)).toBe(kept);
  }
});
