import { addDays, daysBetween, fromDayNumber, toDayNumber, type CalendarDate } from './calendar-date';
import type { EntryFacts } from './entry-facts';
import {
  PROTEST_PERIOD_DAYS,
  PSC_DAYS_AFTER_ENTRY,
  PSC_DAYS_BEFORE_LIQUIDATION,
  USUAL_LIQUIDATION_DAYS,
  VOLUNTARY_RELIQUIDATION_DAYS,
} from './liquidation-clocks';
import { liquidationState } from './liquidation-state';
import { readableFacts } from './well-formed-facts';

/**
 * Last day CAPE accepts a liquidated entry, in days after the liquidation date (domain.md §6, counting [open]).
 * Conservative reading of "80 days": filing allowed while filing − liquidation < 80, so the last day is liquidation + 79;
 * a filer told "last day" never misses the window.
 */
export const CAPE_WINDOW_LAST_DAY_OFFSET = 79;

export function capeWindowLastDay(liquidationDate: CalendarDate, lastDayOffset: number = CAPE_WINDOW_LAST_DAY_OFFSET): CalendarDate {
  return addDays(liquidationDate, lastDayOffset);
}

/** True while a filing on `filingDate` is inside the window of an entry liquidated on `liquidationDate`. */
export function isWithinCapeWindow(
  liquidationDate: CalendarDate,
  filingDate: CalendarDate,
  lastDayOffset: number = CAPE_WINDOW_LAST_DAY_OFFSET,
): boolean {
  return daysBetween(liquidationDate, filingDate) <= lastDayOffset;
}

export type DeadlineName =
  | 'capeWindowEnd'
  | 'voluntaryReliquidationEnd'
  | 'protestDeadline'
  | 'finalLiquidation'
  | 'estimatedLiquidation'
  | 'pscWindowEnd';

export interface Deadline {
  name: DeadlineName;
  date: CalendarDate;
  /** Days from today to the date: 0 on the day itself, negative once passed. */
  daysLeft: number;
  /** Plain words, e.g. "Last day CAPE accepts this liquidated entry". */
  label: string;
  /** What the date rests on when a fact had to stand in for a missing one. */
  note?: string;
}

export interface EntryDeadlines {
  capeWindowEnd?: Deadline;
  voluntaryReliquidationEnd?: Deadline;
  protestDeadline?: Deadline;
  finalLiquidation?: Deadline;
  estimatedLiquidation?: Deadline;
  pscWindowEnd?: Deadline;
  /** The one that matters now: the CAPE window while open, else the earliest still ahead (today counts). */
  nextDeadline?: Deadline;
}

export interface DeadlineOptions {
  /** The CAPE window's last day after liquidation; pass the rule set's value when it differs from the built-in one. */
  capeWindowLastDayOffset?: number;
}

/** When two deadlines fall on the same day, the one the user can act on comes first. */
const tieOrder: DeadlineName[] = ['capeWindowEnd', 'pscWindowEnd', 'voluntaryReliquidationEnd', 'protestDeadline', 'finalLiquidation', 'estimatedLiquidation'];

/** Every clock of domain.md §6 that applies to the entry, with days left from `today`. */
export function computeDeadlines(facts: EntryFacts, today: CalendarDate, options: DeadlineOptions = {}): EntryDeadlines {
  return deadlinesOfReadableFacts(readableFacts(facts), today, options);
}

/** computeDeadlines for facts that already went through readableFacts: the check pipeline reads each entry's facts once. */
export function deadlinesOfReadableFacts(known: EntryFacts, today: CalendarDate, options: DeadlineOptions = {}): EntryDeadlines {
  const state = liquidationState(known, today);
  const deadlines: EntryDeadlines = {};

  if (state.kind === 'cancelled') return deadlines;

  if (state.kind === 'liquidated') {
    if (state.date === undefined) return deadlines;
    const lastDayOffset = options.capeWindowLastDayOffset ?? CAPE_WINDOW_LAST_DAY_OFFSET;
    // The liquidation date read once for its three clocks (addDays would read it each time).
    const liquidationDay = toDayNumber(state.date);
    // domain.md §6: 80-day CAPE window (conservative last day), 90-day voluntary reliquidation, 180-day protest
    deadlines.capeWindowEnd = deadline('capeWindowEnd', fromDayNumber(liquidationDay + lastDayOffset), today, 'Last day CAPE accepts this liquidated entry');
    deadlines.voluntaryReliquidationEnd = deadline(
      'voluntaryReliquidationEnd',
      fromDayNumber(liquidationDay + VOLUNTARY_RELIQUIDATION_DAYS),
      today,
      'Last day CBP can reliquidate on its own (90 days after liquidation)',
    );
    const protestDeadline = fromDayNumber(liquidationDay + PROTEST_PERIOD_DAYS);
    deadlines.protestDeadline = deadline('protestDeadline', protestDeadline, today, 'Last day to file a protest (180 days after liquidation)');
    if (known.protestOpen !== true) {
      deadlines.finalLiquidation = deadline('finalLiquidation', protestDeadline, today, 'Liquidation becomes final unless protested by this day');
    }
  } else {
    const unknownNote = state.kind === 'unknown' ? 'Assumes the entry is not yet liquidated: its liquidation status is not known.' : undefined;
    const scheduled = known.liquidationDate !== undefined && known.liquidationDate > today ? known.liquidationDate : undefined;
    const waitsForLiquidation = state.kind === 'not-liquidated' && state.status !== 'unliquidated';
    if (!waitsForLiquidation) {
      // domain.md §6: usual scheduled liquidation 314 days after the entry summary date
      if (scheduled !== undefined) {
        deadlines.estimatedLiquidation = deadline('estimatedLiquidation', scheduled, today, 'Scheduled liquidation', unknownNote);
      } else if (known.entrySummaryDate !== undefined) {
        deadlines.estimatedLiquidation = deadline(
          'estimatedLiquidation',
          addDays(known.entrySummaryDate, USUAL_LIQUIDATION_DAYS),
          today,
          'Estimated liquidation (314 days after the entry summary date, unless extended or suspended)',
          unknownNote,
        );
      }
    }
    const psc = pscWindowEnd(known, deadlines.estimatedLiquidation?.date ?? (waitsForLiquidation ? scheduled : undefined));
    if (psc !== undefined) {
      deadlines.pscWindowEnd = deadline('pscWindowEnd', psc.date, today, 'Last day for a Post Summary Correction', bothNotes(psc.note, unknownNote));
    }
  }

  const next = nextDeadline(deadlines);
  if (next !== undefined) deadlines.nextDeadline = next;
  return deadlines;
}

/** A module-level function, not a closure per call: this runs for every deadline of every entry checked. */
function deadline(name: DeadlineName, date: CalendarDate, today: CalendarDate, label: string, note?: string): Deadline {
  const daysLeft = daysBetween(today, date);
  return note === undefined ? { name, date, daysLeft, label } : { name, date, daysLeft, label, note };
}

function bothNotes(first: string | undefined, second: string | undefined): string | undefined {
  if (first === undefined || second === undefined) return first ?? second;
  return `${first} ${second}`;
}

/**
 * domain.md §6: PSC allowed within 300 days of entry and up to 15 days before scheduled liquidation, whichever ends first.
 * The entry (release) date is not among the known facts, so the 300 days count from the entry summary date, and the note says so.
 */
function pscWindowEnd(facts: EntryFacts, liquidation: CalendarDate | undefined): { date: CalendarDate; note?: string } | undefined {
  const fromEntry = facts.entrySummaryDate === undefined ? undefined : addDays(facts.entrySummaryDate, PSC_DAYS_AFTER_ENTRY);
  const beforeLiquidation = liquidation === undefined ? undefined : addDays(liquidation, -PSC_DAYS_BEFORE_LIQUIDATION);
  if (fromEntry !== undefined && (beforeLiquidation === undefined || fromEntry <= beforeLiquidation)) {
    return {
      date: fromEntry,
      note: 'Counted from the entry summary date because the entry date is not known; the entry date is usually earlier, so the real last day may be earlier.',
    };
  }
  return beforeLiquidation === undefined ? undefined : { date: beforeLiquidation };
}

function nextDeadline(deadlines: EntryDeadlines): Deadline | undefined {
  if (deadlines.capeWindowEnd !== undefined && deadlines.capeWindowEnd.daysLeft >= 0) return deadlines.capeWindowEnd;
  let next: Deadline | undefined;
  for (const name of tieOrder) {
    const candidate = deadlines[name];
    if (candidate === undefined || candidate.daysLeft < 0) continue;
    if (next === undefined || candidate.daysLeft < next.daysLeft) next = candidate;
  }
  return next;
}
