// Overlay on the generated 10,000-row ES-003 report in real Chromium: time until every badge shows, the longest main-thread
// task after the page's own load, next to the page's own render time, measured in the same run.
import { pathToFileURL } from 'node:url';
import { serveMockAce } from '../e2e/ace-routes';
import { backgroundWorker, extensionIdOf, launchWithExtension } from '../e2e/chromium-launch';

export interface OverlayBenchFigures {
  rows: number;
  pageRenderMs: number;
  badgesShownMs: number;
  badgesShownAfterLoadMs: number;
  badgeCount: number;
  longestTaskAfterLoadMs: number;
  tasksOver50msAfterLoad: number;
  longestTaskDuringLoadMs: number;
}

export async function runOverlayBench(rows = 10_000): Promise<OverlayBenchFigures> {
  const context = await launchWithExtension();
  try {
    const mockAce = await serveMockAce(context);
    const extensionId = await extensionIdOf(context);
    const background = await backgroundWorker(context, extensionId);
    await background.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({ checkAsOfDate: '2026-11-23' }));
    await context.addInitScript(() => {
      const tasks: { start: number; duration: number }[] = [];
      (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const url = mockAce.url(`/reports/es003-large.html?rows=${rows}&seed=11`);
    const truth = mockAce.generatedReport(url);
    const expectedEntries = truth.validEntries.length + truth.invalidEntries.length;
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(
      (expected) => {
        const hosts = document.querySelectorAll('[data-cape-verdict]');
        const entries = new Set<string>();
        for (const host of hosts) entries.add(host.getAttribute('data-cape-entry')!);
        if (entries.size < expected) return false;
        (window as unknown as { __badgesShownAt: number }).__badgesShownAt ??= performance.now();
        return true;
      },
      expectedEntries,
      { timeout: 180_000, polling: 50 },
    );
    // Let the last chunk's task finish before reading the long tasks.
    await page.waitForTimeout(500);
    const figures = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const loadEnd = navigation.loadEventEnd;
      const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
      const after = tasks.filter((task) => task.start >= loadEnd);
      const during = tasks.filter((task) => task.start < loadEnd);
      const shownAt = (window as unknown as { __badgesShownAt: number }).__badgesShownAt;
      return {
        pageRenderMs: loadEnd,
        badgesShownMs: shownAt,
        badgesShownAfterLoadMs: shownAt - loadEnd,
        badgeCount: document.querySelectorAll('[data-cape-entry]').length,
        longestTaskAfterLoadMs: Math.max(0, ...after.map((task) => task.duration)),
        tasksOver50msAfterLoad: after.filter((task) => task.duration > 50).length,
        longestTaskDuringLoadMs: Math.max(0, ...during.map((task) => task.duration)),
      };
    });
    return { rows, ...figures };
  } finally {
    await context.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = Number(process.argv[2] ?? 10_000);
  runOverlayBench(rows).then((figures) => {
    for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(26)} ${typeof value === 'number' ? Math.round(value * 10) / 10 : value}`);
  });
}
