import { CAPE_WINDOW_WARNING_DAYS } from './cape-window-closing';
import type { CheckedEntry } from './check-declaration';
import type { StagedEntryRow } from './staging-rows';

export interface StagingUrgency {
  /** Ready entries whose CAPE window closes within the horizon (last day today included). */
  leavingSoon: number;
  withinDays: number;
  /** The ready entry whose CAPE window closes first. */
  mostUrgent: { entryNumber: string; lastDay: string; daysLeft: number } | null;
  /** The ready entries with a window already come first, soonest first. */
  urgentFirst: boolean;
}

type ResultOf = (id: number) => CheckedEntry | undefined;

/** Days left in the CAPE window of a ready entry, null when it has none (unliquidated) or is not ready. */
function windowDaysLeft(row: StagedEntryRow, resultOf: ResultOf): number | null {
  if (row.removed) return null;
  const result = resultOf(row.id);
  if (!result || result.status !== 'ready') return null;
  return result.deadlines.capeWindowEnd?.daysLeft ?? null;
}

/** Ready entries with a closing CAPE window first, soonest first (stable); everything else after, in list order. */
export function urgentFirstOrder(rows: readonly StagedEntryRow[], resultOf: ResultOf): number[] {
  const urgent: Array<{ id: number; daysLeft: number; position: number }> = [];
  const rest: number[] = [];
  rows.forEach((row, position) => {
    const daysLeft = windowDaysLeft(row, resultOf);
    if (daysLeft === null) rest.push(row.id);
    else urgent.push({ id: row.id, daysLeft, position });
  });
  urgent.sort((a, b) => a.daysLeft - b.daysLeft || a.position - b.position);
  return [...urgent.map((item) => item.id), ...rest];
}

export function stagingUrgency(rows: readonly StagedEntryRow[], resultOf: ResultOf, withinDays = CAPE_WINDOW_WARNING_DAYS): StagingUrgency {
  let leavingSoon = 0;
  let mostUrgent: StagingUrgency['mostUrgent'] = null;
  let urgentFirst = true;
  let seenOther = false;
  let previousDaysLeft = -Infinity;
  for (const row of rows) {
    const daysLeft = windowDaysLeft(row, resultOf);
    if (daysLeft === null) {
      seenOther = true;
      continue;
    }
    if (seenOther || daysLeft < previousDaysLeft) urgentFirst = false;
    previousDaysLeft = daysLeft;
    if (daysLeft >= 0 && daysLeft < withinDays) leavingSoon++;
    if (!mostUrgent || daysLeft < mostUrgent.daysLeft) {
      const result = resultOf(row.id)!;
      mostUrgent = { entryNumber: result.entryNumber!, lastDay: result.deadlines.capeWindowEnd!.date, daysLeft };
    }
  }
  return { leavingSoon, withinDays, mostUrgent, urgentFirst };
}
