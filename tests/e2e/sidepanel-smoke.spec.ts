import { test, expect } from './extension-test';
import { csvFile, pickFiles, validEntry, waitForPanel, expectCounts } from './sidepanel-helpers';

test('smoke', async ({ openExtensionPage }) => {
  const panel = await openExtensionPage('sidepanel.html');
  panel.on('console', (m) => console.log('console', m.type(), m.text()));
  panel.on('pageerror', (e) => console.log('pageerror', e.message));
  await waitForPanel(panel);
  const a = validEntry('ABC', 1234567);
  await pickFiles(panel, [csvFile('list.csv', `Entry Number\r\n${a}\r\n${a}\r\nxyz\r\n`)]);
  await expectCounts(panel, { ready: 1, excluded: 2 });
  await panel.screenshot({ path: '/tmp/sp/smoke.png', fullPage: true });
});
