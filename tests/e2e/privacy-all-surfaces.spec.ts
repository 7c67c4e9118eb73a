import type { Request, Worker } from '@playwright/test';
import { expect, test, useFixtureToday } from './extension-test';
import { settledBadges } from './support/badges';

/** Network APIs in the background worker, wrapped so any use by the extension is recorded: a second net beside Playwright's own request events. */
async function spyOnWorkerNetwork(background: Worker): Promise<void> {
  await background.evaluate(() => {
    const scope = globalThis as unknown as Record<string, unknown> & { __capeNetworkCalls: string[] };
    scope.__capeNetworkCalls = [];
    const record = (what: string) => scope.__capeNetworkCalls.push(what);
    const realFetch = scope.fetch as typeof fetch;
    scope.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      record(`fetch ${String(input instanceof Request ? input.url : input)}`);
      return realFetch(input, init);
    }) as typeof fetch;
    for (const name of ['XMLHttpRequest', 'WebSocket', 'EventSource']) {
      const Real = scope[name] as (new (...args: unknown[]) => object) | undefined;
      if (!Real) continue;
      scope[name] = class extends Real {
        constructor(...args: unknown[]) {
          record(`${name} ${String(args[0] ?? '')}`);
          super(...args);
        }
      };
    }
  });
}

test('every surface through its main flow: no request leaves for anywhere but the ACE pages the test opened', async ({
  context,
  background,
  mockAce,
  extensionId,
  openExtensionPage,
}) => {
  test.setTimeout(120_000);
  await useFixtureToday(background);
  await spyOnWorkerNetwork(background);
  const opened = new Set<string>();
  const seen: Request[] = [];
  context.on('request', (request) => seen.push(request));

  // Overlay and claim capture on ACE pages.
  const page = await context.newPage();
  for (const path of ['/reports/es003-iframe.html', '/cape/claim-status.html', '/cape/claim-details.html?claim=CAPE-26-0001733']) {
    opened.add(mockAce.url(path));
    await page.goto(mockAce.url(path));
  }
  opened.add(mockAce.url('/reports/es003-frame.html?viewer=1&report=ES-003'));
  await settledBadges(page, 6);

  // Side panel: paste, check, take the page's entries, export.
  const panel = await openExtensionPage('sidepanel.html');
  await panel.getByLabel('Paste entry numbers or a copied table').fill('EQ700564782\neq7-7648019-4\n');
  await panel.getByRole('button', { name: 'Add pasted entries' }).click();
  await expect(panel.getByRole('grid', { name: 'Staged entries' })).toContainText('EQ7-0056478-2');
  const download = panel.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download the CAPE file' }).click();
  await download;

  // Popup: look up the captured claim.
  const popup = await openExtensionPage('popup.html');
  await popup.getByRole('combobox', { name: 'Entry or claim number' }).fill('CAPE-26-0001733');
  await expect(popup.getByRole('heading', { name: 'Claim CAPE-26-0001733' })).toBeVisible();

  // Options: export a backup.
  const options = await openExtensionPage('options.html');
  const backup = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export backup' }).click();
  await backup;

  const ours = `chrome-extension://${extensionId}/`;
  const strays = seen
    .map((request) => request.url())
    .filter((url) => !url.startsWith(ours) && !url.startsWith('data:') && !url.startsWith('blob:') && !opened.has(url));
  expect(strays, 'requests the extension made').toEqual([]);
  expect(await background.evaluate(() => (globalThis as unknown as { __capeNetworkCalls: string[] }).__capeNetworkCalls)).toEqual([]);
  expect(mockAce.unexpectedRequests).toEqual([]);
});
