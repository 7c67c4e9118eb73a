import type { CalendarDate } from './calendar-date';
import type { AssumedFacts } from './eligibility';
import type { AssessmentOptions } from './entry-assessment';

/**
 * What "no" means for each flag a report may lack (the user's setting; domain.md §5 rejects on each flag when set).
 * Whether a type 09 was filed is never assumed: for a flagged entry it decides Phase 2 (domain.md §5), so it stays "Check data".
 */
export const flagsAssumedAbsent: AssumedFacts = {
  reconciliationFlag: false,
  drawbackFlag: false,
  protestOpen: false,
  adcvdStatus: 'none',
};

export interface StatusSettings {
  /** Verdicts and countdowns as of this date instead of today (planning a filing day). */
  checkAsOfDate: CalendarDate | null;
  assumeMissingFlagsAreNo: boolean;
}

export function statusOptionsFrom(settings: StatusSettings, today: CalendarDate): AssessmentOptions {
  const asOf = settings.checkAsOfDate ?? today;
  return {
    today: asOf,
    filingDate: asOf,
    eligibility: settings.assumeMissingFlagsAreNo ? { assumeWhenMissing: flagsAssumedAbsent } : {},
  };
}
