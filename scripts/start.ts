// npm start: builds the extension and opens it in Chromium on the bundled demo ACE pages (served at ACE's real addresses).
// Without a display it runs headless and writes screenshots of the overlay, the side panel and the popup to .output/demo/.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { mockAceToday, serveMockAce } from '../tests/e2e/ace-routes';
import { backgroundWorker, extensionIdOf, launchWithExtension } from '../tests/e2e/chromium-launch';
import { findChromium } from './find-chromium.mjs';

const demoDir = resolve('.output/demo');
const readmeScreenshots = resolve('docs/screenshots');
const headless = !process.env.DISPLAY || process.argv.includes('--headless');
const updateReadme = process.argv.includes('--update-readme-screenshots');

function build(): void {
  console.log('Building the extension (wxt build)…');
  const result = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The build failed; see the output above.');
}

async function settle(page: Page, selector: string, timeout = 20_000): Promise<void> {
  await page.waitForSelector(selector, { timeout }).catch(() => console.warn(`  (did not see ${selector} within ${timeout / 1000} s; screenshot taken anyway)`));
}

async function showOverlay(context: BrowserContext, url: (path: string) => string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url('/cape/claim-status.html'));
  await page.waitForTimeout(1500);
  await page.goto(url('/cape/claim-details.html?claim=CAPE-26-0001733'));
  await page.waitForTimeout(1500);
  await page.goto(url('/reports/es003-thead.html'));
  // The pill, not its host: the host draws no box (display: contents), so it never counts as visible.
  await settle(page, '[data-cape-verdict]:not([data-cape-hidden]) >> button');
  await page.waitForTimeout(1000);
  const pill = page.locator('[data-cape-verdict="eligible"] >> button').first();
  if (await pill.count()) await pill.focus();
  return page;
}

async function showSidePanel(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 480, height: 900 });
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const sample = readFileSync(resolve('tests/fixtures/demo/declaration-draft.csv'), 'utf8');
  const paste = page.getByRole('textbox').first();
  if (await paste.count()) {
    await paste.fill(sample);
    const add = page.getByRole('button', { name: /add|check|stage/i }).first();
    if (await add.count()) await add.click();
  }
  await page.waitForTimeout(2500);
  return page;
}

async function showPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.waitForTimeout(800);
  const search = page.getByRole('searchbox').or(page.getByRole('combobox')).or(page.getByRole('textbox')).first();
  if (await search.count()) await search.fill('CAPE-26-0001733');
  await page.waitForTimeout(1500);
  return page;
}

async function main(): Promise<void> {
  process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
  process.env.CHROMIUM_PATH = findChromium();
  build();
  const context = await launchWithExtension({ headless });
  const mockAce = await serveMockAce(context);
  const extensionId = await extensionIdOf(context);
  const background = await backgroundWorker(context, extensionId);
  // The demo pages are written for this date; the setting is visible and changeable in the options page.
  await background.evaluate((date) => (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({ checkAsOfDate: date }), mockAceToday);
  console.log(`Demo ACE Portal served at ${mockAce.url('/')} (checked as of ${mockAceToday}, the date the demo pages are written for).`);

  const overlay = await showOverlay(context, mockAce.url);
  const sidePanel = await showSidePanel(context, extensionId);
  const popup = await showPopup(context, extensionId);

  if (!headless) {
    await overlay.bringToFront();
    console.log('Chromium is open with CAPE Companion loaded. Close the browser window to stop.');
    await new Promise<void>((done) => context.on('close', () => done()));
    return;
  }
  mkdirSync(demoDir, { recursive: true });
  const shots: [Page, string][] = [
    [overlay, 'overlay-report.png'],
    [sidePanel, 'side-panel.png'],
    [popup, 'popup.png'],
  ];
  const written: string[] = [];
  for (const [page, name] of shots) {
    const path = join(demoDir, name);
    await page.bringToFront();
    await page.screenshot({ path });
    written.push(path);
    if (updateReadme) {
      mkdirSync(readmeScreenshots, { recursive: true });
      copyFileSync(path, join(readmeScreenshots, name));
    }
  }
  if (mockAce.unexpectedRequests.length) console.warn('Requests outside the demo portal were blocked:', mockAce.unexpectedRequests);
  await context.close();
  console.log(`\nNo display: ran headless. Screenshots:\n${written.map((path) => `  ${path}`).join('\n')}`);
  console.log(`The built extension is in ${resolve('.output/chrome-mv3')} (load it unpacked; see README.md).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
