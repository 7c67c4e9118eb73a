import { readMockAceClaims } from './ace-routes';
import { expect, setSettings, test, useFixtureToday } from './extension-test';
import { readHistoryStore } from './support/history-reader';

interface StoredClaim {
  claimNumber: string;
  aceStatus: string;
  source: string;
}
interface StoredClaimEntry {
  claimNumber: string;
  entryNumber: string;
  outcome: string;
  aceErrorText?: string;
  reasonCode?: string;
}

test('claims shown on the CAPE pages end up in history, with a notice saying so', async ({ context, background, mockAce, openExtensionPage }) => {
  await useFixtureToday(background);
  const expectedClaims = await readMockAceClaims();
  const page = await context.newPage();
  await page.goto(mockAce.url('/cape/claim-status.html'));
  const notice = page.locator('[data-cape-notice] [role="status"]');
  await expect(notice).toContainText(/saved \d+ claims/);

  for (const claimNumber of Object.keys(expectedClaims)) {
    await page.goto(mockAce.url(`/cape/claim-details.html?claim=${claimNumber}`));
    await expect(notice).toContainText('entry result');
  }

  // The upload list says only that each file became a claim: it must not undo the statuses read above.
  await page.goto(mockAce.url('/cape/file-uploads.html'));
  await page.waitForTimeout(1500);

  const extensionPage = await openExtensionPage('popup.html');
  await expect
    .poll(async () => (await readHistoryStore<StoredClaimEntry>(extensionPage, 'claimEntries')).length)
    .toBe(Object.values(expectedClaims).reduce((sum, claim) => sum + Object.keys(claim.entries).length, 0));
  const claims = await readHistoryStore<StoredClaim>(extensionPage, 'claims');
  const claimEntries = await readHistoryStore<StoredClaimEntry>(extensionPage, 'claimEntries');
  const statusWords: Record<string, string> = { Accepted: 'accepted', 'Accepted with Error(s)': 'accepted-with-errors', Rejected: 'rejected' };
  for (const [claimNumber, expected] of Object.entries(expectedClaims)) {
    expect(claims.find((claim) => claim.claimNumber === claimNumber)).toMatchObject({ aceStatus: statusWords[expected.status], source: 'captured' });
    for (const [entryNumber, result] of Object.entries(expected.entries)) {
      const stored = claimEntries.find((entry) => entry.claimNumber === claimNumber && entry.entryNumber === entryNumber);
      expect(stored, `${claimNumber} ${entryNumber}`).toMatchObject({ outcome: result.outcome.toLowerCase() });
      if (result.error) expect(stored?.aceErrorText).toBe(result.error);
    }
  }

  // The badges on the claim page now say which claim holds each accepted entry.
  const [claimNumber, claim] = Object.entries(expectedClaims)[0]!;
  await page.goto(mockAce.url(`/cape/claim-details.html?claim=${claimNumber}`));
  const accepted = Object.entries(claim.entries).find(([, result]) => result.outcome === 'Accepted')![0];
  await expect(page.locator(`[data-cape-entry="${accepted}"]`).first()).toHaveAttribute('data-cape-verdict', 'claimed');
});

test('claim capture can be turned off', async ({ context, background, mockAce, openExtensionPage }) => {
  await setSettings(background, { captureClaimsEnabled: false });
  const page = await context.newPage();
  await page.goto(mockAce.url('/cape/claim-status.html'));
  await page.goto(mockAce.url('/cape/claim-details.html'));
  await expect(page.locator('[data-cape-entry]').first()).toHaveAttribute('data-cape-verdict', /.+/);
  const extensionPage = await openExtensionPage('popup.html');
  expect(await readHistoryStore(extensionPage, 'claims')).toEqual([]);
  await expect(page.locator('[data-cape-notice]')).toHaveCount(0);
});

test('a claim of 9,999 entries on one claim-details page ends up in history whole, with its rejected entries and reasons', async ({ context, background, mockAce, openExtensionPage }) => {
  test.setTimeout(120_000);
  await useFixtureToday(background);
  const url = mockAce.url('/cape/claim-details-large.html?entries=9999&seed=3');
  const truth = mockAce.generatedClaim(url);
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.locator('[data-cape-notice] [role="status"]')).toContainText('saved 1 claim and 9999 entry results', { timeout: 60_000 });

  const extensionPage = await openExtensionPage('popup.html');
  const stored = (await readHistoryStore<StoredClaimEntry>(extensionPage, 'claimEntries')).filter((entry) => entry.claimNumber === truth.claimNumber);
  expect(stored).toHaveLength(9_999);
  const byEntry = new Map(stored.map((entry) => [entry.entryNumber, entry]));
  for (const entry of truth.entries) {
    const saved = byEntry.get(entry.entryNumber);
    expect.soft(saved?.outcome, entry.entryNumber).toBe(entry.outcome);
    if (entry.error) expect.soft(saved?.aceErrorText, entry.entryNumber).toBe(entry.error);
  }
  const claims = await readHistoryStore<StoredClaim>(extensionPage, 'claims');
  expect(claims.find((claim) => claim.claimNumber === truth.claimNumber)).toMatchObject({ aceStatus: 'accepted-with-errors', source: 'captured' });
});
