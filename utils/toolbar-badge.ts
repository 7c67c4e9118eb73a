import { browser } from '#imports';
import { localToday } from './calendar-date';
import { CAPE_WINDOW_WARNING_DAYS, entriesLeavingCapeWindow, toolbarBadgeText, type RememberedEntry } from './cape-window-closing';
import type { AssessmentOptions } from './entry-assessment';
import type { HistoryDb } from './history-db';
import { factValues, knownClaimsForEntries } from './history-store';
import { assumeMissingFlagsAreNo, checkAsOfDate, historyRevision, toolbarDeadlineBadgeEnabled } from './settings';
import { statusOptionsFrom } from './status-options';
import { readStatusSettings } from './status-settings';

/** Ledger records read per request: large enough to be quick, small enough to keep the worker's memory low. */
const ledgerPageSize = 5000;

/** How many remembered entries leave the CAPE window soon: facts from the ledger first, then claims for those few only. */
export async function countEntriesLeavingCapeWindow(db: HistoryDb, options: AssessmentOptions, withinDays = CAPE_WINDOW_WARNING_DAYS): Promise<number> {
  const candidates: RememberedEntry[] = [];
  let after: string | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const page = await db.getAll('entryLedger', range, ledgerPageSize);
    for (const record of page) {
      // Only a liquidation date starts the CAPE window clock.
      if (record.facts.liquidationDate) candidates.push({ entryNumber: record.entryNumber, facts: factValues(record.facts), claims: [] });
    }
    if (page.length < ledgerPageSize) break;
    after = page[page.length - 1]!.entryNumber;
  }
  const soon = new Set(entriesLeavingCapeWindow(candidates, options, withinDays));
  if (soon.size === 0) return 0;
  const claims = await knownClaimsForEntries(db, soon);
  const withClaims = candidates.filter((entry) => soon.has(entry.entryNumber)).map((entry) => ({ ...entry, claims: claims.get(entry.entryNumber) ?? [] }));
  return entriesLeavingCapeWindow(withClaims, options, withinDays).length;
}

function badgeTitle(count: number, asOf: string | null): string {
  const name = browser.runtime.getManifest().action?.default_title ?? 'CAPE Companion';
  const when = asOf === null ? '' : ` (as of ${asOf})`;
  const entries = count === 1 ? '1 remembered entry leaves' : `${count} remembered entries leave`;
  return `${name}: ${entries} the 80-day CAPE window within ${CAPE_WINDOW_WARNING_DAYS} days${when}`;
}

/** Sets (or clears) the toolbar badge from the history and settings now. */
export async function updateToolbarBadge(openDb: () => Promise<HistoryDb>): Promise<void> {
  const name = browser.runtime.getManifest().action?.default_title ?? 'CAPE Companion';
  if (!(await toolbarDeadlineBadgeEnabled.getValue())) {
    await Promise.all([browser.action.setBadgeText({ text: '' }), browser.action.setTitle({ title: name })]);
    return;
  }
  const settings = await readStatusSettings();
  const count = await countEntriesLeavingCapeWindow(await openDb(), statusOptionsFrom(settings, localToday()));
  await Promise.all([
    browser.action.setBadgeBackgroundColor({ color: '#9a3412' }),
    browser.action.setBadgeText({ text: toolbarBadgeText(count) }),
    browser.action.setTitle({ title: count > 0 ? badgeTitle(count, settings.checkAsOfDate) : name }),
  ]);
}

function msUntilNextLocalDay(now = new Date()): number {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 1);
  return next.getTime() - now.getTime();
}

/**
 * Keeps the toolbar badge current: on worker start, when history or the settings it depends on change, and at the next
 * local day while the worker lives (no alarms permission; every later start recomputes). Returns a stop function.
 */
export function startToolbarBadge(openDb: () => Promise<HistoryDb>, onError: (error: unknown) => void = (error) => console.warn('CAPE Companion badge:', error)): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dayTimer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = (delay = 300) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(() => updateToolbarBadge(openDb)).catch(onError);
    }, delay);
    clearTimeout(dayTimer);
    dayTimer = setTimeout(() => schedule(0), msUntilNextLocalDay());
  };
  const stops = [toolbarDeadlineBadgeEnabled, historyRevision, checkAsOfDate, assumeMissingFlagsAreNo].map((item) => item.watch(() => schedule()));
  schedule(0);
  return () => {
    clearTimeout(timer);
    clearTimeout(dayTimer);
    stops.forEach((stop) => stop());
  };
}
