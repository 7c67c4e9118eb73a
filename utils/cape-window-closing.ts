import type { EntryFacts } from './entry-facts';
import { assessEntry, type AssessmentOptions } from './entry-assessment';
import type { KnownClaim } from './history-store';

/** The toolbar badge and the side panel's summary warn about entries whose CAPE window closes within this many days, today included. */
export const CAPE_WINDOW_WARNING_DAYS = 7;

export interface RememberedEntry {
  entryNumber: string;
  facts: EntryFacts;
  claims: readonly KnownClaim[];
}

/**
 * True when CAPE's last day for the entry (domain.md §6) is today or one of the next `withinDays - 1` days and the entry
 * could still be filed: no claim holds it and no known fact rules it out.
 */
export function leavesCapeWindowSoon(entry: RememberedEntry, options: AssessmentOptions, withinDays: number = CAPE_WINDOW_WARNING_DAYS): boolean {
  const assessment = assessEntry(entry.entryNumber, entry.facts, entry.claims, options);
  if (assessment.verdict === 'claimed' || assessment.verdict === 'not-eligible' || assessment.verdict === 'invalid') return false;
  const lastDay = assessment.deadlines.capeWindowEnd;
  return lastDay !== undefined && lastDay.daysLeft >= 0 && lastDay.daysLeft < withinDays;
}

/** Entry numbers among `entries` that leave the CAPE window soon (see leavesCapeWindowSoon). */
export function entriesLeavingCapeWindow(
  entries: Iterable<RememberedEntry>,
  options: AssessmentOptions,
  withinDays: number = CAPE_WINDOW_WARNING_DAYS,
): string[] {
  const leaving: string[] = [];
  for (const entry of entries) if (leavesCapeWindowSoon(entry, options, withinDays)) leaving.push(entry.entryNumber);
  return leaving;
}

/** Text on the toolbar icon: the count, empty for none; more than fits shows as "999+". */
export function toolbarBadgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}
