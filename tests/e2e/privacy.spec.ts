/**
 * Privacy (issue 7 §3), alongside privacy-all-surfaces.spec.ts (the main flow of every surface): first proof that the
 * request net catches every way out of the extension, then the flows that test does not drive, judged strictly:
 * only our own files, data: and blob: URLs, and ACE pages the test opened (with their own frames and files) may load.
 */
import type { BrowserContext, Page, Request } from '@playwright/test';
import { aceCsvFixture, claimDetailsFixture, enterClaimByHand, importAceFiles, lookUp } from './history-surfaces';
import { expect, test, useFixtureToday } from './extension-test';
import { waitForPanel } from './sidepanel-helpers';
import { allBadges } from './support/badges';

interface SeenRequest {
  url: string;
  resourceType: string;
  navigation: boolean;
  fromWorker: boolean;
  /** The frame that asked, when Playwright knows it (not for worker requests, nor some navigations). */
  frameUrl: string | null;
}

const aceAddress = /^https:\/\/([a-z0-9-]+\.)*cbp\.dhs\.gov\//;
/** What an ACE page loads for itself; fetch, XHR, beacons and sockets from an ACE frame could be a content script's. */
const pageOwnResourceTypes = new Set(['document', 'script', 'stylesheet', 'image', 'font', 'media']);

function seenRequest(request: Request): SeenRequest {
  let frameUrl: string | null = null;
  try {
    frameUrl = request.frame().url();
  } catch {
    frameUrl = null;
  }
  return { url: request.url(), resourceType: request.resourceType(), navigation: request.isNavigationRequest(), fromWorker: request.serviceWorker() !== null, frameUrl };
}

/** Every request any page, frame or worker of the context makes, from now on. */
function recordRequests(context: BrowserContext): SeenRequest[] {
  const seen: SeenRequest[] = [];
  context.on('request', (request) => seen.push(seenRequest(request)));
  return seen;
}

/** Why a request breaks the privacy promise, or null when it is ours, local, or the ACE page the test opened. */
function breach(request: SeenRequest, extensionOrigin: string, opened: ReadonlySet<string>): string | null {
  const { url } = request;
  if (url.startsWith(`${extensionOrigin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return null;
  if (request.fromWorker) return `the background worker asked for ${url}`;
  if (request.frameUrl?.startsWith('chrome-extension://')) return `an extension page asked for ${url}`;
  if (!aceAddress.test(url)) return `a ${request.resourceType} request to ${url}`;
  if (request.navigation) return opened.has(url) ? null : `a navigation to ${url}, which the test did not open`;
  const fromAcePage = request.frameUrl !== null && aceAddress.test(request.frameUrl);
  if (fromAcePage && pageOwnResourceTypes.has(request.resourceType)) return null;
  return `a ${request.resourceType} request to ${url} from ${request.frameUrl ?? 'an unknown frame'}`;
}

function breaches(seen: readonly SeenRequest[], extensionOrigin: string, opened: ReadonlySet<string>): string[] {
  return seen.map((request) => breach(request, extensionOrigin, opened)).filter((reason): reason is string => reason !== null);
}

/** Waits until the overlay has badged the page and every badge shows its verdict. */
async function badgesShown(page: Page): Promise<void> {
  await expect
    .poll(async () => {
      const badges = await allBadges(page);
      return badges.length > 0 && badges.every((badge) => badge.verdict !== null);
    })
    .toBe(true);
}

async function open(page: Page, url: string, opened: Set<string>): Promise<void> {
  opened.add(url);
  await page.goto(url);
}

test('the request net catches every way out: worker fetch, extension page fetch, beacon and image, and a fetch from an ACE page', async ({
  context,
  background,
  mockAce,
  extensionId,
  openExtensionPage,
}) => {
  const seen = recordRequests(context);
  const opened = new Set<string>();
  await background.evaluate(async () => {
    await fetch('https://canary.example/worker-fetch').catch(() => undefined);
  });
  const popup = await openExtensionPage('popup.html');
  await popup.evaluate(async () => {
    await fetch('https://canary.example/page-fetch').catch(() => undefined);
    navigator.sendBeacon('https://canary.example/page-beacon', 'x');
    new Image().src = 'https://canary.example/page-image.png';
    await fetch('https://ace.cbp.dhs.gov/reports/es003-thead.html').catch(() => undefined);
  });
  const page = await context.newPage();
  await open(page, mockAce.url('/reports/es003-thead.html'), opened);
  await page.evaluate(async () => {
    await fetch('/cape/claim-status.html').catch(() => undefined);
  });

  const expected = [
    'https://canary.example/worker-fetch',
    'https://canary.example/page-fetch',
    'https://canary.example/page-beacon',
    'https://canary.example/page-image.png',
    'https://ace.cbp.dhs.gov/reports/es003-thead.html',
    'https://ace.cbp.dhs.gov/cape/claim-status.html',
  ];
  // Both nets together: the route sees every request the browser would send, context events name who asked.
  await expect
    .poll(() => {
      const caught = new Set([...breaches(seen, `chrome-extension://${extensionId}`, opened), ...mockAce.unexpectedRequests.map((request) => request.url)].flatMap((text) => expected.filter((url) => text.includes(url))));
      return expected.filter((url) => !caught.has(url));
    }, { message: 'canary requests the nets missed' })
    .toEqual([]);
  expect(mockAce.unexpectedRequests.find((request) => request.url.endsWith('worker-fetch'))?.initiator).toBe('service-worker');
  // The canaries were sent on purpose: the fixture's own end-of-test check must not count them.
  mockAce.unexpectedRequests.length = 0;
});

test('the flows privacy-all-surfaces does not drive make no request either: ACE grid and SPA pages, uploads, options, popup, side panel file', async ({
  context,
  background,
  mockAce,
  extensionId,
  openExtensionPage,
}) => {
  test.setTimeout(120_000);
  await useFixtureToday(background);
  const seen = recordRequests(context);
  const opened = new Set<string>();

  // Overlay on the ARIA grid report, a report without thead, the single-page app (load more, a pushState route).
  const page = await context.newPage();
  await open(page, mockAce.url('/reports/es003-grid.html'), opened);
  await badgesShown(page);
  await open(page, mockAce.url('/reports/es003-no-thead.html'), opened);
  await badgesShown(page);
  await open(page, mockAce.url('/spa/'), opened);
  await badgesShown(page);
  await page.getByRole('button', { name: 'Load more' }).click();
  await page.getByRole('link', { name: 'Claims' }).click();
  await expect(page.locator('main#view')).toHaveAttribute('data-route', 'claims');
  await badgesShown(page);
  // Claim capture on the File Uploads page.
  await open(page, mockAce.url('/cape/file-uploads.html'), opened);
  await expect(page.locator('[data-cape-notice] [role="status"]')).toContainText(/saved \d+ claim/);

  // Options: import ACE downloads, type a claim, flip every setting there and back.
  const options = await openExtensionPage('options.html');
  await importAceFiles(options, [aceCsvFixture('claim-status-list.csv'), claimDetailsFixture('CAPE-26-0000418')], { 'CAPE-26-0000418.csv': 'CAPE-26-0000418' });
  await enterClaimByHand(options, { claimNumber: 'CAPE-26-7000009', entries: 'ABC12345676 accepted' });
  const switches = await options.getByRole('switch').all();
  expect(switches.length).toBeGreaterThan(0);
  for (const control of switches) {
    await control.click();
    await control.click();
  }

  // Popup: recent claims, a claim, an entry, the overlay switch off and on.
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByRole('listbox', { name: 'Recent claims' })).toBeVisible();
  await lookUp(popup, 'CAPE-26-7000009', { claim: 'CAPE-26-7000009' });
  await lookUp(popup, 'abc-1234567-6', { entry: 'ABC12345676' });
  const overlaySwitch = popup.getByRole('switch', { name: /Badges on ACE pages/ });
  await overlaySwitch.click();
  await overlaySwitch.click();

  // Side panel: a report file picked from disk, then the exclusions report downloaded.
  const panel = await openExtensionPage('sidepanel.html');
  await waitForPanel(panel);
  await panel.getByLabel('Choose files').setInputFiles('tests/fixtures/input/es003-multiline.csv');
  await expect(panel.getByRole('grid', { name: 'Staged entries' })).toBeVisible();
  const report = panel.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download the exclusions report' }).click();
  await report;

  expect(breaches(seen, `chrome-extension://${extensionId}`, opened), 'requests the extension made').toEqual([]);
  expect(seen.some((request) => request.url.startsWith(`chrome-extension://${extensionId}/`)), 'the net saw the extension load its own files').toBe(true);
});
