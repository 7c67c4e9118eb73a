// Overlay on the generated 10,000-row ES-003 report in real Chromium, read off a Chromium trace of the page's main thread:
// time until every badge shows; the overlay's longest task; the browser's layout frames the badges cause, next to the page's
// own first layout and its relayout after a one-cell change, all in the same run.
import type { BrowserContext, CDPSession } from '@playwright/test';
import { pathToFileURL } from 'node:url';
import { serveMockAce } from '../e2e/ace-routes';
import { backgroundWorker, extensionIdOf, launchWithExtension } from '../e2e/chromium-launch';
import { captureClaimFor } from '../e2e/support/capture-claim';

export interface OverlayBenchFigures {
  rows: number;
  badgeCount: number;
  pageRenderMs: number;
  /** The page's own longest task while loading: its first layout of the table. */
  pageOwnLongestTaskMs: number;
  /** The page alone (overlay off): its longest task or frame after load. */
  pageAloneLongestTaskAfterLoadMs: number;
  /** What the page pays whenever one of its cells changes, badges or not: the floor of any change to the table. */
  pageOneCellRelayoutMs: number;
  badgesShownAfterLoadMs: number;
  /** Tasks after load that are not the browser's rendering frames: the overlay's own work (scan, lookup, placing). */
  longestOverlayTaskAfterLoadMs: number;
  overlayTasksOver50msAfterLoad: number;
  /** Of the longest overlay task, the time V8 spent collecting garbage in it, and the overlay's own time in its longest task. */
  longestOverlayTaskGcMs: number;
  longestOverlayTaskOwnMs: number;
  /** V8's garbage collector in a task of its own, after load: mostly collecting what the overlay allocated. */
  longestGcTaskAfterLoadMs: number;
  /** Rendering frames (style, layout, paint) after load: the browser laying the table out again around the badges. */
  longestRelayoutFrameAfterLoadMs: number;
  relayoutFramesOver50msAfterLoad: number;
  /** Every badge drawn again after a settings change (the "check as of" date moves a day): the overlay's tasks and the frames. */
  redrawLongestOverlayTaskMs: number;
  redrawLongestFrameMs: number;
  redrawFramesOver50msCount: number;
  /** History learns one claim holding one entry of the report (as when a CAPE page is read): the one badge changes. */
  oneClaimLongestOverlayTaskMs: number;
  oneClaimLongestFrameMs: number;
  /** A CAPE claim-details page of 9,999 entries: its badges, and the claim captured into history (read, parsed, sent). */
  claimPageCapturedAfterLoadMs: number;
  claimPageLongestOverlayTaskMs: number;
  claimPageLongestOverlayTaskOwnMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; src_func?: string; data?: { type?: string; url?: string }; chrome_mojo_event_info?: { mojo_interface_tag?: string } };
}

async function collectTrace(cdp: CDPSession, during: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = (batch: { value: object[] }) => {
    for (const event of batch.value as TraceEvent[]) events.push(event);
  };
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: `toplevel,devtools.timeline,blink.user_timing,cppgc,disabled-by-default-cppgc${process.env.DEBUG_TASKS ? ',disabled-by-default-v8.cpu_profiler' : ''}`, transferMode: 'ReportEvents' });
  await during();
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  return events;
}

type TaskKind = 'overlay' | 'frame' | 'gc' | 'devtools';

interface MainThreadTask {
  start: number;
  end: number;
  durationMs: number;
  /**
   * `frame`: Chromium's rendering frame (style, layout, paint); `gc`: V8's garbage collector alone; `devtools`: the benchmark's
   * own Playwright traffic; `overlay`: anything else after load, which on this page (no script of its own) is the overlay.
   */
  kind: TaskKind;
  /** Garbage collection inside the task (collections V8 runs in whatever task allocates, or in tasks of their own). */
  gcMs: number;
}

/** The page renderer's main thread: the one that dispatched the load event. */
function mainThreadOf(events: TraceEvent[]): TraceEvent {
  const threadNames = new Map<string, string>();
  for (const event of events) if (event.ph === 'M' && event.name === 'thread_name') threadNames.set(`${event.pid}:${event.tid}`, event.args?.name ?? '');
  const loads = events.filter((event) => event.name === 'EventDispatch' && event.args?.data?.type === 'load' && threadNames.get(`${event.pid}:${event.tid}`) === 'CrRendererMain');
  const load = loads.at(-1);
  if (!load) throw new Error('the trace holds no load event');
  return load;
}

/** The page's main-thread tasks, and when its load event ended. */
function mainThreadTasks(events: TraceEvent[]): { tasks: MainThreadTask[]; loadEnd: number } {
  const load = mainThreadOf(events);
  return { tasks: threadTasks(events, load), loadEnd: load.ts + (load.dur ?? 0) };
}

/** V8's collections, and Oilpan's (Blink's heap: the DOM, styles, layout) marking and sweeping steps on the main thread. */
const collectorEvent = /^(MajorGC|MinorGC|V8\.GC_MC_INCREMENTAL|V8\.GC_HEAP_ENSURE_SWEEPING|BlinkGC|CppGC\.(IncrementalMark|IncrementalSweep|MarkOnAllocation|SweepOnAllocation|SweepInLowPriorityTask|SweepInTask|AtomicMark|AtomicSweep))/;

function threadTasks(events: TraceEvent[], thread: Pick<TraceEvent, 'pid' | 'tid'>): MainThreadTask[] {
  // An event before those it holds: by start, the longer first.
  const onThread = events.filter((event) => event.pid === thread.pid && event.tid === thread.tid && event.ph === 'X').sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks: MainThreadTask[] = [];
  let current: MainThreadTask | null = null;
  let longestGcMs = 0;
  let gcEnd = 0;
  // A task is the collector's when one collection fills most of it.
  let playwright = false;
  let overlayScript = false;
  const close = () => {
    if (!current || current.kind !== 'overlay') return;
    if (longestGcMs >= current.durationMs * 0.8) current.kind = 'gc';
    else if (playwright && !overlayScript) current.kind = 'devtools';
  };
  for (const event of onThread) {
    const end = event.ts + (event.dur ?? 0);
    if (event.name === 'ThreadControllerImpl::RunTask' && (!current || event.ts >= current.end)) {
      close();
      // Chromium runs style, layout and paint in the frame task its compositor schedules.
      const source = event.args?.src_func ?? '';
      const kind: TaskKind = source === 'ScheduledActionSendBeginMainFrame' ? 'frame' : /cppgc|v8::internal|Sweeper/.test(source) ? 'gc' : 'overlay';
      current = { start: event.ts, end, durationMs: (event.dur ?? 0) / 1000, kind, gcMs: 0 };
      tasks.push(current);
      longestGcMs = 0;
      playwright = false;
      overlayScript = false;
      continue;
    }
    // The microtasks a task leaves run right after it, outside its trace event: scheduler.yield continuations (the overlay's
    // chunks) run there. They belong to the task: the thread is busy for both.
    if (current && event.name === 'BlinkScheduler_PerformMicrotaskCheckpoint' && event.ts <= current.end + 50 && end > current.end) {
      current.end = end;
      current.durationMs = (end - current.start) / 1000;
    }
    if (!current || event.ts >= current.end || event.name === 'ThreadControllerImpl::RunTask') continue;
    // The report runs no script: a task running only scripts without an address is Playwright's (waiting, evaluating).
    if (event.args?.chrome_mojo_event_info?.mojo_interface_tag === 'blink.mojom.DevToolsSession') playwright = true;
    else if (event.name === 'FunctionCall') {
      if (event.args?.data?.url) overlayScript = true;
      else playwright = true;
    }
    else if (collectorEvent.test(event.name)) {
      longestGcMs = Math.max(longestGcMs, (event.dur ?? 0) / 1000);
      // Collections nest their phases: only the outermost counts.
      if (event.ts >= gcEnd) {
        current.gcMs += (event.dur ?? 0) / 1000;
        gcEnd = end;
      }
    }
  }
  close();
  return tasks;
}

type ExtensionStorage = { chrome: { storage: { local: { set(items: object): Promise<void> } } } };

interface TracedLoad {
  tasksAfterLoad: MainThreadTask[];
  tasksDuringLoad: MainThreadTask[];
  pageRenderMs: number;
  badgesShownMs: number | null;
  badgeCount: number;
}

/** A change made once every badge shows (a setting, a claim learned), traced on its own until `done` holds. */
interface FollowUp {
  prepare: string;
  change: () => Promise<unknown>;
  done: string;
}

/** Loads the report in a new tab under a trace; with badges expected, waits until all of them are revealed and painted. */
/** `until`: a further condition the page must meet, once its badges show (a claim saved); `untilMs` is when it held. */
async function tracedLoad(
  context: BrowserContext,
  url: string,
  expectedEntries: number | null,
  followUps: FollowUp[] = [],
  until?: () => boolean,
): Promise<TracedLoad & { followUpTasks: MainThreadTask[][]; untilMs: number | null }> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    let badgesShownMs: number | null = null;
    let untilMs: number | null = null;
    const events = await collectTrace(cdp, async () => {
      await page.goto(url, { waitUntil: 'load' });
      if (expectedEntries !== null) {
        // Polled from outside: no observer of the benchmark runs inside the overlay's tasks.
        await page.waitForFunction(
          (expected) => {
            if (document.querySelector('[data-cape-hidden]')) return false;
            const hosts = document.querySelectorAll('[data-cape-verdict]');
            if (hosts.length < expected) return false;
            const entries = new Set<string | null>();
            for (const host of hosts) entries.add(host.getAttribute('data-cape-entry'));
            return entries.size >= expected;
          },
          expectedEntries,
          { timeout: 180_000, polling: 100 },
        );
        // Shown means painted: after the next frame, the one that lays the revealed badges out.
        badgesShownMs = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now())))));
        if (until) {
          await page.waitForFunction(until, null, { timeout: 180_000, polling: 100 });
          untilMs = await page.evaluate(() => performance.now());
        }
      } else {
        await page.waitForTimeout(5_000);
      }
      await page.waitForTimeout(500);
    });
    const measured = await page.evaluate(() => ({
      badgeCount: document.querySelectorAll('[data-cape-entry]:not([data-cape-hidden])').length,
      pageRenderMs: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
    }));
    const followUpTasks: MainThreadTask[][] = [];
    const followUpEvents: TraceEvent[][] = [];
    for (const followUp of followUps) {
      const traced = await collectTrace(cdp, async () => {
        await page.evaluate(followUp.prepare);
        await followUp.change();
        await page.waitForFunction(followUp.done, null, { timeout: 120_000, polling: 200 });
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 500))));
      });
      followUpEvents.push(traced);
      followUpTasks.push(threadTasks(traced, mainThreadOf(events)));
    }
    const { tasks, loadEnd } = mainThreadTasks(events);
    if (process.env.DEBUG_TASKS && expectedEntries !== null) {
      const { mkdirSync, writeFileSync } = await import('node:fs');
      mkdirSync('/tmp/trace', { recursive: true });
      // One file per page: the report's trace and the claim page's.
      const page = new URL(url).pathname.split('/').pop()!.replace(/\.html$/, '');
      writeFileSync(`/tmp/trace/${page}.trace.json`, JSON.stringify({ traceEvents: events, loadEnd, followUpEvents: followUpEvents[0] ?? [], oneClaimEvents: followUpEvents[1] ?? [] }));
    }
    return { ...measured, badgesShownMs, untilMs, followUpTasks, tasksDuringLoad: tasks.filter((task) => task.start < loadEnd), tasksAfterLoad: tasks.filter((task) => task.start >= loadEnd) };
  } finally {
    await page.close();
  }
}

/** The page's own cost of any change to its table: one amount cell rewritten with text of the same length. */
async function oneCellRelayoutMs(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    return await page.evaluate(() => {
      const cell = document.querySelector('tbody tr:nth-child(5) td:last-child')!;
      void document.body.offsetHeight;
      cell.textContent = (cell.textContent ?? '').replace(/\d/, (digit) => String((Number(digit) + 1) % 10));
      const start = performance.now();
      void document.body.offsetHeight;
      return performance.now() - start;
    });
  } finally {
    await page.close();
  }
}

const longest = (tasks: MainThreadTask[]) => Math.max(0, ...tasks.map((task) => task.durationMs));

export async function runOverlayBench(rows = 10_000): Promise<OverlayBenchFigures> {
  const context = await launchWithExtension();
  try {
    const mockAce = await serveMockAce(context);
    const extensionId = await extensionIdOf(context);
    const background = await backgroundWorker(context, extensionId);
    const setStorage = (items: object) => background.evaluate((values) => (globalThis as unknown as ExtensionStorage).chrome.storage.local.set(values), items);
    const url = mockAce.url(`/reports/es003-large.html?rows=${rows}&seed=11`);
    const truth = mockAce.generatedReport(url);
    const expectedEntries = truth.validEntries.length + truth.invalidEntries.length;

    // The page alone (overlay switched off): its own tasks and frames after load, and its cost of a one-cell change.
    await setStorage({ checkAsOfDate: '2026-11-23', overlayEnabled: false });
    const alone = await tracedLoad(context, url, null);
    const pageOneCellRelayoutMs = await oneCellRelayoutMs(context, url);

    await setStorage({ overlayEnabled: true });
    // Then the "check as of" date moves a day: every countdown changes, so every badge with a deadline is drawn again.
    const claimedEntry = truth.validEntries[truth.validEntries.length >> 1]!;
    const extensionPage = await context.newPage();
    await extensionPage.goto(`chrome-extension://${extensionId}/popup.html`);
    const withBadges = await tracedLoad(context, url, expectedEntries, [{
      prepare: `(() => {
        // The countdown slot shown is the one the badges' shared sheet does not hide (read from the sheet: computing a style
        // would make the poll do the frame's work).
        window.__countdownShown = (host) => {
          const hiding = [...host.shadowRoot.adoptedStyleSheets[0].cssRules].find((rule) => /^\\.slot-[01]$/.test(rule.selectorText ?? '')).selectorText;
          return hiding.includes('.slot-1') ? '.slot-0 .countdown' : '.slot-1 .countdown';
        };
        const shown = window.__countdownShown(document.querySelector('[data-cape-entry]'));
        window.__countdownsBefore = [...document.querySelectorAll('[data-cape-entry][data-cape-deadline]')].map((host) => [host, host.shadowRoot.querySelector(shown)?.textContent ?? null]);
      })()`,
      change: () => setStorage({ checkAsOfDate: '2026-11-24' }),
      // The first and last badges first: reading all 10,000 at every poll made the poll itself a long task, and garbage for the overlay's.
      done: `(() => {
        const before = window.__countdownsBefore;
        const shown = window.__countdownShown(before[0][0]);
        const changed = ([host, countdown]) => (host.shadowRoot.querySelector(shown)?.textContent ?? null) !== countdown;
        return changed(before[0]) && changed(before.at(-1)) && before.every(changed);
      })()`,
    }, {
      // Then a CAPE page is read in another tab: history learns one claim, holding one entry of the report.
      prepare: '0',
      change: () => captureClaimFor(extensionPage, claimedEntry, 'BENCH-0000001'),
      done: `document.querySelector('[data-cape-entry="${claimedEntry}"]')?.getAttribute('data-cape-verdict') === 'claimed'`,
    }]);
    await extensionPage.close();
    const claimPageUrl = mockAce.url('/cape/claim-details-large.html?entries=9999&seed=3');
    // The capture notice is in an open shadow root the poll can read.
    const claimSaved = () => [...document.querySelectorAll('[data-cape-notice]')].some((host) => /saved/.test(host.shadowRoot?.textContent ?? ''));
    const claimPage = await tracedLoad(context, claimPageUrl, mockAce.generatedClaim(claimPageUrl).entries.length, [], claimSaved);
    const claimPageOverlayTasks = claimPage.tasksAfterLoad.filter((task) => task.kind === 'overlay');
    if (process.env.DEBUG_TASKS) {
      for (const task of [...withBadges.tasksAfterLoad, ...withBadges.followUpTasks.flat()]) if (task.durationMs > 20) console.error(`${task.durationMs.toFixed(0).padStart(6)} ms ${task.kind}${task.gcMs ? ` (gc ${task.gcMs.toFixed(0)} ms)` : ''}`);
    }
    const [redrawTasks = [], oneClaimTasks = []] = withBadges.followUpTasks;
    const overlayTasks = withBadges.tasksAfterLoad.filter((task) => task.kind === 'overlay');
    const gcTasks = withBadges.tasksAfterLoad.filter((task) => task.kind === 'gc');
    const frames = withBadges.tasksAfterLoad.filter((task) => task.kind === 'frame');
    return {
      rows,
      badgeCount: withBadges.badgeCount,
      pageRenderMs: withBadges.pageRenderMs,
      pageOwnLongestTaskMs: longest(withBadges.tasksDuringLoad),
      pageAloneLongestTaskAfterLoadMs: longest(alone.tasksAfterLoad),
      pageOneCellRelayoutMs,
      badgesShownAfterLoadMs: (withBadges.badgesShownMs ?? Number.NaN) - withBadges.pageRenderMs,
      longestOverlayTaskAfterLoadMs: longest(overlayTasks),
      overlayTasksOver50msAfterLoad: overlayTasks.filter((task) => task.durationMs > 50).length,
      longestOverlayTaskGcMs: overlayTasks.reduce((longestTask: MainThreadTask | null, task) => (longestTask && longestTask.durationMs >= task.durationMs ? longestTask : task), null)?.gcMs ?? 0,
      longestOverlayTaskOwnMs: Math.max(0, ...overlayTasks.map((task) => task.durationMs - task.gcMs)),
      longestGcTaskAfterLoadMs: longest(gcTasks),
      longestRelayoutFrameAfterLoadMs: longest(frames),
      relayoutFramesOver50msAfterLoad: frames.filter((task) => task.durationMs > 50).length,
      redrawLongestOverlayTaskMs: longest(redrawTasks.filter((task) => task.kind === 'overlay')),
      redrawLongestFrameMs: longest(redrawTasks.filter((task) => task.kind === 'frame')),
      redrawFramesOver50msCount: redrawTasks.filter((task) => task.kind === 'frame' && task.durationMs > 50).length,
      oneClaimLongestOverlayTaskMs: longest(oneClaimTasks.filter((task) => task.kind === 'overlay')),
      oneClaimLongestFrameMs: longest(oneClaimTasks.filter((task) => task.kind === 'frame')),
      claimPageCapturedAfterLoadMs: (claimPage.untilMs ?? Number.NaN) - claimPage.pageRenderMs,
      claimPageLongestOverlayTaskMs: longest(claimPageOverlayTasks),
      claimPageLongestOverlayTaskOwnMs: Math.max(0, ...claimPageOverlayTasks.map((task) => task.durationMs - task.gcMs)),
    };
  } finally {
    await context.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = Number(process.argv[2] ?? 10_000);
  runOverlayBench(rows).then((figures) => {
    for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(34)} ${typeof value === 'number' ? Math.round(value * 10) / 10 : value}`);
  });
}
