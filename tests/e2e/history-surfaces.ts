import { expect, type Page, type Worker } from '@playwright/test';
import { resolve } from 'node:path';

export const aceCsvFixture = (name: string) => resolve('tests/fixtures/ace-csv', name);
export const claimDetailsFixture = (claimNumber: string) => resolve('tests/fixtures/ace/cape/claim-details-files', `${claimNumber}.csv`);

/** Imports ACE CSV downloads on the options page, giving claim numbers for files that name none; returns the saved message. */
export async function importAceFiles(options: Page, paths: string[], claimNumbers: Record<string, string> = {}): Promise<string> {
  await options.getByLabel('CSV files from ACE').setInputFiles(paths);
  for (const [fileName, claimNumber] of Object.entries(claimNumbers)) {
    const field = options.locator(`[id="claim-for-${fileName}"]`);
    await field.fill(claimNumber);
    await field.press('Tab');
  }
  await options.getByRole('button', { name: /^Save \d+ claims? to history$/ }).click();
  const status = options.locator('#import-ace-files [role="status"]');
  await expect(status).toContainText('Saved to history');
  return (await status.textContent()) ?? '';
}

/** Types a claim by hand on the options page and saves it. */
export async function enterClaimByHand(options: Page, claim: { claimNumber: string; entries: string; filedDate?: string; outcome?: 'pending' | 'accepted' | 'rejected' }): Promise<void> {
  await options.getByLabel('Claim number', { exact: true }).fill(claim.claimNumber);
  await options.getByLabel('Entry numbers').fill(claim.entries);
  if (claim.filedDate) await options.getByLabel('Filed on (optional)').fill(claim.filedDate);
  if (claim.outcome) await options.getByLabel('Outcome of entries whose line does not say').selectOption(claim.outcome);
  await options.getByRole('button', { name: 'Save claim' }).click();
  await expect(options.locator('#hand-entry [role="status"]')).toContainText(`Saved claim ${claim.claimNumber.toUpperCase()}`);
}

/** Types into the popup's lookup box and waits for the details of `detail` (an entry's normal form or a claim number). */
export async function lookUp(popup: Page, text: string, detail: { entry: string } | { claim: string }): Promise<void> {
  await popup.getByRole('combobox', { name: 'Entry or claim number' }).fill(text);
  const selector = 'entry' in detail ? `[data-detail="entry"][data-entry-number="${detail.entry}"]` : `[data-detail="claim"][data-claim-number="${detail.claim}"]`;
  await expect(popup.locator(selector)).toBeVisible();
}

/** The history's record counts as the options page shows them: claims/claimEntries/entryLedger/stagedBatches. */
export async function historyCounts(options: Page): Promise<string> {
  const counts = options.locator('[data-history-counts]');
  await expect(counts).toBeVisible();
  return (await counts.getAttribute('data-history-counts')) ?? '';
}

/** Reads an extension setting (local storage) from the background. */
export async function readSetting(background: Worker, key: string): Promise<unknown> {
  return background.evaluate(async (name) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } }).chrome;
    return (await api.storage.local.get(name))[name];
  }, key);
}
