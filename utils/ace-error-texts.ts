import type { ReasonCode } from './eligibility';
import { builtInRuleSets, sortRuleSets } from './rule-sets';

export interface AceErrorReason {
  code: ReasonCode;
  /** What ACE's words mean, in plain words. */
  message: string;
  /** What the filer can do about it. */
  fix: string;
}

interface AceErrorText {
  /** ACE's words as seen in claim results, and shorter forms that still identify them. */
  texts: string[];
  code: ReasonCode;
  message: string;
  fix: string;
}

/** CBP's advice for rejections a corrected entry summary can cure (domain.md §5); an accepted declaration cannot be amended (§1). */
const correctThenRefile =
  'Correct the entry summary with a Post Summary Correction (reason code H99) first, as CBP advises, then put the entry on a new CAPE Declaration.';
const leaveOut = 'No fix through CAPE under the current phase: leave the entry out of future declarations.';

/** Points to the first phase that accepts reconciliation-flagged entries, read from the rule sets (domain.md §5 Phase 2). */
function reconciliationFix(): string {
  const phase = sortRuleSets(builtInRuleSets).find((ruleSet) => ruleSet.reconciliationFlaggedTypesAccepted.length > 0);
  if (phase === undefined) return leaveOut;
  const types = phase.reconciliationFlaggedTypesAccepted.join(', ');
  return `From ${phase.effectiveFrom} (${phase.name}) entry types ${types} flagged for reconciliation are accepted while no type 09 reconciliation summary has been filed: if that applies, put the entry on a new CAPE Declaration filed on or after that date.`;
}

/** ACE error texts seen on rejected entries (domain.md §5, CBP CSMS 69056483), most specific first. */
export const aceErrorTexts: readonly AceErrorText[] = [
  {
    texts: ['ENTRY ON DRAWBACK'],
    code: 'drawback',
    message: 'CAPE rejected the entry because it is on drawback.',
    fix: leaveOut,
  },
  {
    texts: ['ENTRY SUMMARY FLAGGED FOR RECON', 'FLAGGED FOR RECON'],
    code: 'reconciliation',
    message: 'CAPE rejected the entry because its entry summary is flagged for reconciliation.',
    fix: reconciliationFix(),
  },
  {
    texts: ['ENTRY SUMMARY IS CANCELLED/REJECTED', 'ENTRY SUMMARY IS CANCELLED', 'ENTRY SUMMARY IS REJECTED'],
    code: 'cancelled',
    message: 'CAPE rejected the entry because its entry summary is cancelled or rejected in ACE.',
    fix: 'Check the entry number is the one you meant; a cancelled or rejected entry summary has no duty for CAPE to refund.',
  },
  {
    texts: ['ENTRY SUMMARY IS IN FINAL LIQUIDATION STATUS', 'FINAL LIQUIDATION STATUS'],
    code: 'finally-liquidated',
    message: 'CAPE rejected the entry because it is finally liquidated.',
    fix: leaveOut,
  },
  {
    texts: ['UNABLE TO CALCULATE DUTY'],
    code: 'unable-to-calculate-duty',
    message: 'CAPE could not recalculate the duty on this entry without the IEEPA lines.',
    fix: correctThenRefile,
  },
  {
    texts: ['STATEMENT PROCESSING NOT COMPLETE'],
    code: 'statement-processing-not-complete',
    message: 'ACE has not finished processing the statement that pays this entry\u2019s duty.',
    fix: correctThenRefile,
  },
  {
    texts: ['HTS RELATIONSHIP MISMATCH'],
    code: 'hts-relationship-mismatch',
    message: 'The entry\u2019s HTS numbers do not fit together (the Chapter 99 number does not match the line\u2019s other HTS number).',
    fix: correctThenRefile,
  },
  {
    texts: ['INVALID HTS'],
    code: 'invalid-hts',
    message: 'An HTS number on the entry is not valid, so CAPE could not process it.',
    fix: correctThenRefile,
  },
  // ACE's exact words for duplicates are [open] (domain.md §1 says only that duplicates are rejected)
  {
    texts: ['DUPLICATE'],
    code: 'duplicate-claim',
    message: 'CAPE rejected the entry as a duplicate: it is already on an accepted CAPE Declaration.',
    fix: 'Nothing to do: look up the earlier claim in the history to follow its refund.',
  },
];

/** Upper case, every run of spaces or punctuation made one space, so "entry  summary-flagged for recon." still matches. */
function looseText(text: string): string {
  return ` ${text.toUpperCase().replace(/[^A-Z0-9]+/g, ' ').trim()} `;
}

/** The reason code, meaning and fix of an ACE error text, matched loosely; unknown texts keep ACE's own words. */
export function aceErrorToReason(text: string): AceErrorReason {
  const loose = looseText(text);
  for (const known of aceErrorTexts) {
    if (known.texts.some((candidate) => loose.includes(looseText(candidate)))) {
      return { code: known.code, message: known.message, fix: known.fix };
    }
  }
  const shown = text.trim();
  return {
    code: 'unknown-ace-error',
    message: shown === '' ? 'CAPE rejected the entry without an error text.' : `CAPE rejected the entry with an error this tool does not know: "${shown}".`,
    fix: 'Read the Claim Details file in ACE (CAPE tab, Claim Status) for the full error, and correct the entry before filing it again.',
  };
}
