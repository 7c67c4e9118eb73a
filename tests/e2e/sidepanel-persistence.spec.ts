import { serveMockAce } from './ace-routes';
import { extensionIdOf, launchWithExtension } from './chromium-launch';
import { expect, test, useFixtureToday } from './extension-test';
import { csvFile, expectCounts, pickFiles, validEntry, waitForPanel } from './sidepanel-helpers';
import { readHistoryStore } from './support/history-reader';

test('staged rows, removals and fixes survive a reload of the panel and a browser restart on the same profile', async ({ context, profileDir, background, openExtensionPage }) => {
  await useFixtureToday(background);
  const panel = await openExtensionPage('sidepanel.html');
  await waitForPanel(panel);
  const damaged = validEntry('001', 2345678).replace(/^0+/, '');
  const rows = [validEntry('PER', 1), validEntry('PER', 2), validEntry('PER', 3), damaged, 'junk'];
  await pickFiles(panel, [csvFile('keep.csv', `Entry Number\n${rows.join('\n')}\n`)]);
  await expectCounts(panel, { ready: 4, excluded: 1 });

  const grid = panel.getByRole('grid', { name: 'Staged entries' });
  await grid.focus();
  await panel.keyboard.press('Delete');
  await expectCounts(panel, { ready: 3, removed: 1 });
  await panel.getByRole('button', { name: 'Accept all 1 restored number' }).click();
  await expect(panel.locator('.sp-summary')).not.toContainText('Leading zeros restored');
  // The panel's worker saves right after a change; the reload must find the fix in the saved list, not race the write.
  await expect
    .poll(async () => (await readHistoryStore<{ rows: { fixAccepted?: boolean }[] }>(panel, 'stagedBatches')).some((batch) => batch.rows.some((row) => row.fixAccepted)))
    .toBe(true);

  await panel.reload();
  await waitForPanel(panel);
  await expectCounts(panel, { ready: 3, excluded: 1, removed: 1 });
  await expect(panel.locator('.sp-header [role="status"]')).toHaveText('5 rows staged, saved in this browser.');
  await expect(panel.locator('.sp-summary')).not.toContainText('Leading zeros restored');

  // Close the browser and start it again on the same profile.
  await context.close();
  const restarted = await launchWithExtension({ profileDir });
  try {
    const mockAce = await serveMockAce(restarted);
    const again = await restarted.newPage();
    await again.goto(`chrome-extension://${await extensionIdOf(restarted)}/sidepanel.html`);
    await waitForPanel(again);
    await expectCounts(again, { ready: 3, excluded: 1, removed: 1 });
    await again.getByRole('combobox', { name: 'Show' }).selectOption('removed');
    await expect(again.locator('[role="row"][data-status="removed"]')).toHaveCount(1);
    await expect(again.locator('[role="row"][data-status="removed"]')).toContainText(rows[0]!.slice(0, 3));
    expect(mockAce.unexpectedRequests).toEqual([]);
  } finally {
    await restarted.close();
  }
});
