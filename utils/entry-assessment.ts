import type { CalendarDate } from './calendar-date';
import { computeDeadlines, type EntryDeadlines } from './deadlines';
import { evaluateEligibility, type EligibilityOptions, type EligibilityResult, type Verdict } from './eligibility';
import type { EntryFacts } from './entry-facts';
import type { KnownClaim } from './history-store';

/** What a badge or the popup says of one entry: CAPE's predicted verdict, or that a claim already holds it. */
export type EntryVerdict = Verdict | 'claimed' | 'invalid';

export interface EntryAssessment {
  entryNumber: string;
  verdict: EntryVerdict;
  eligibility: EligibilityResult;
  deadlines: EntryDeadlines;
  /** The claim that holds the entry (accepted or still pending), which makes a new claim a duplicate (domain.md §1). */
  holdingClaim?: KnownClaim;
  /** Every claim the entry was on, rejected ones included. */
  claims: readonly KnownClaim[];
}

export interface AssessmentOptions {
  today: CalendarDate;
  filingDate?: CalendarDate;
  eligibility?: Omit<EligibilityOptions, 'filingDate'>;
}

/** A rejected entry may be claimed again once fixed; an accepted or pending one may not (domain.md §1). */
export function holdingClaimOf(claims: readonly KnownClaim[]): KnownClaim | undefined {
  return claims.find((claim) => claim.outcome === 'accepted') ?? claims.find((claim) => claim.outcome === 'pending');
}

/** Verdict, deadlines and claims of one entry: what the overlay badge, the popup and the side panel say of it. */
export function assessEntry(entryNumber: string, facts: EntryFacts, claims: readonly KnownClaim[], options: AssessmentOptions): EntryAssessment {
  const filingDate = options.filingDate ?? options.today;
  const eligibility = evaluateEligibility(facts, { ...options.eligibility, filingDate });
  const deadlines = computeDeadlines(facts, options.today);
  const holdingClaim = holdingClaimOf(claims);
  return {
    entryNumber,
    verdict: holdingClaim ? 'claimed' : eligibility.verdict,
    eligibility,
    deadlines,
    ...(holdingClaim ? { holdingClaim } : {}),
    claims,
  };
}
