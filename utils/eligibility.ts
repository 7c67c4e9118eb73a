import type { CalendarDate } from './calendar-date';
import { acceptance, rejectionChecks, type CheckContext, type FactName } from './eligibility-checks';
import type { EntryFacts } from './entry-facts';
import { builtInIeepaTariffTable, type IeepaTariffTable } from './ieepa-tariff-lines';
import { liquidationState } from './liquidation-state';
import { readableFacts } from './well-formed-facts';
import type { AceOnlyCode, AcceptanceCode, RejectionCode, UndecidedCode } from './reason-codes';
import { builtInRuleSets, ruleSetFor, sortRuleSets, type RuleSet } from './rule-sets';

/** One vocabulary for predicted verdicts and ACE's own claim results, so badges read the same. */
export type ReasonCode = RejectionCode | AcceptanceCode | UndecidedCode | AceOnlyCode;

export type Verdict = 'eligible' | 'eligible-refund-at-liquidation' | 'not-eligible' | 'unknown';

export interface EligibilityReason {
  code: ReasonCode;
  /** Plain words, with the fix where there is one. */
  message: string;
}

export interface EligibilityResult {
  verdict: Verdict;
  reasons: EligibilityReason[];
  /** Facts that would decide an `unknown` verdict, as EntryFacts field names (`dutyAmount`: the IEEPA lines' duty). */
  missingFacts: FactName[];
  /** Facts the user chose to assume when missing, that this verdict rests on. */
  assumedFacts: AssumableFact[];
  ruleSet: { id: string; name: string; effectiveFrom: CalendarDate };
}

/** Yes/no facts often absent from ACE reports, which the user may choose to assume (a visible setting, never a default). */
export type AssumableFact = 'reconciliationFlag' | 'reconciliationSummaryFiled' | 'drawbackFlag' | 'protestOpen' | 'adcvdStatus';
export type AssumedFacts = Partial<Pick<EntryFacts, AssumableFact>>;

export interface EligibilityOptions {
  filingDate: CalendarDate;
  ruleSets?: readonly RuleSet[];
  /** What to take for these facts when an entry lacks them, e.g. `{ drawbackFlag: false }`; none by default. */
  assumeWhenMissing?: AssumedFacts;
  ieepaTable?: IeepaTariffTable;
}

/** Plain names of the facts, as the user sees them in ACE reports. */
export const factLabels: Record<FactName, string> = {
  entryType: 'Entry Type',
  entrySummaryDate: 'Entry Summary Date',
  liquidationDate: 'Liquidation Date',
  liquidationStatus: 'Liquidation Status',
  tariffLines: 'HTS Number and Line Tariff Duty Amount',
  dutyAmount: 'Line Tariff Duty Amount of the IEEPA lines',
  reconciliationFlag: 'Reconciliation Flag',
  reconciliationSummaryFiled: 'whether a type 09 reconciliation summary has been filed',
  drawbackFlag: 'Drawback Flag',
  protestOpen: 'Protest Status',
  adcvdStatus: 'AD/CVD Status',
  importerNumber: 'Importer Number',
  filerCode: 'Filer Code',
};

const assumableFacts: AssumableFact[] = ['reconciliationFlag', 'reconciliationSummaryFiled', 'drawbackFlag', 'protestOpen', 'adcvdStatus'];

/**
 * Predicts CAPE's verdict for one entry on a filing date, under the rule set in force then (domain.md §5).
 * Every rejection a known fact proves is listed, in CBP's order (the first is what ACE would report);
 * `unknown` only when no known fact rejects the entry and a missing one could.
 * A filing date before the first rule set gives `unknown` with `cape-not-open`, naming the first rule set.
 */
export function evaluateEligibility(facts: EntryFacts, options: EligibilityOptions): EligibilityResult {
  return eligibilityOfReadableFacts(readableFacts(facts), options);
}

/** evaluateEligibility for facts that already went through readableFacts: the check pipeline reads each entry's facts once. */
export function eligibilityOfReadableFacts(wellFormed: EntryFacts, options: EligibilityOptions): EligibilityResult {
  const ruleSets = options.ruleSets ?? builtInRuleSets;
  const ruleSet = ruleSetFor(options.filingDate, ruleSets);
  if (ruleSet === undefined) return capeNotOpen(options.filingDate, ruleSets);

  const assumed = assumedFactsOf(wellFormed, options.assumeWhenMissing);
  const knownFacts = assumed.length === 0 ? wellFormed : withAssumptions(wellFormed, assumed, options.assumeWhenMissing!);
  const context: CheckContext = {
    facts: knownFacts,
    filingDate: options.filingDate,
    ruleSet,
    ruleSets,
    ieepaTable: options.ieepaTable ?? builtInIeepaTariffTable,
    liquidation: liquidationState(knownFacts, options.filingDate),
  };
  const summary = { id: ruleSet.id, name: ruleSet.name, effectiveFrom: ruleSet.effectiveFrom };

  // Plain arrays grown in order (no Set, no spreads): this runs once per entry of a 100,000-entry check.
  const rejections: EligibilityReason[] = [];
  const notes: EligibilityReason[] = [];
  const missingFacts: FactName[] = [];
  for (const code of ruleSet.rejects) {
    const outcome = rejectionChecks[code](context);
    if (outcome.kind === 'fail') rejections.push(outcome.reason);
    else if (outcome.kind === 'unknown') addMissing(missingFacts, outcome.missing);
    else if (outcome.note) notes.push(outcome.note);
  }

  if (rejections.length > 0) {
    return { verdict: 'not-eligible', reasons: withAssumedNote(rejections, assumed, knownFacts), missingFacts: [], assumedFacts: assumed, ruleSet: summary };
  }
  const accepted = acceptance(context);
  if (accepted.kind === 'unknown') addMissing(missingFacts, accepted.missing);
  if (missingFacts.length > 0) {
    const reasons = withAssumedNote([missingReason(missingFacts)], assumed, knownFacts);
    return { verdict: 'unknown', reasons, missingFacts: missingFacts.slice(), assumedFacts: assumed, ruleSet: summary };
  }
  if (accepted.kind === 'awaits') {
    for (const reason of accepted.reasons) notes.push(reason);
    return { verdict: 'eligible-refund-at-liquidation', reasons: withAssumedNote(notes, assumed, knownFacts), missingFacts: [], assumedFacts: assumed, ruleSet: summary };
  }
  if (accepted.kind === 'accepted') notes.push(accepted.reason);
  return { verdict: 'eligible', reasons: withAssumedNote(notes, assumed, knownFacts), missingFacts: [], assumedFacts: assumed, ruleSet: summary };
}

/** Adds the facts not yet listed, keeping first-seen order. */
function addMissing(missingFacts: FactName[], facts: readonly FactName[]): void {
  for (const fact of facts) if (!missingFacts.includes(fact)) missingFacts.push(fact);
}

/** The reasons, then the note naming the assumed facts when the verdict rests on any. */
function withAssumedNote(reasons: EligibilityReason[], assumed: AssumableFact[], facts: EntryFacts): EligibilityReason[] {
  if (assumed.length > 0) reasons.push(assumedReason(assumed, facts));
  // An exact-size copy: an array grown by push keeps room for 16, and a 100,000-entry check keeps every result.
  return reasons.slice();
}

function capeNotOpen(filingDate: CalendarDate, ruleSets: readonly RuleSet[]): EligibilityResult {
  const first = sortRuleSets(ruleSets)[0];
  const ruleSet = first
    ? { id: first.id, name: first.name, effectiveFrom: first.effectiveFrom }
    : { id: 'none', name: 'No CAPE rule set', effectiveFrom: filingDate };
  const message = first
    ? `CAPE opens on ${first.effectiveFrom} (${first.name}); a filing dated ${filingDate} is before that. Choose a filing date on or after ${first.effectiveFrom}.`
    : 'No CAPE rule set is configured, so no verdict can be given. Restore the built-in rule sets.';
  return { verdict: 'unknown', reasons: [{ code: 'cape-not-open', message }], missingFacts: [], assumedFacts: [], ruleSet };
}

/** The facts-missing reason per list of missing facts, made once: the entries of one file mostly miss the same facts. */
const missingReasons = new Map<string, EligibilityReason>();
const maxRememberedLists = 1_000;

/** One letter per fact: a short memo key that keeps the order (a joined list of names took longer than the rules). */
const factLetters = Object.fromEntries(Object.keys(factLabels).map((fact, index) => [fact, String.fromCharCode(97 + index)])) as Record<
  FactName,
  string
>;

function missingReason(missingFacts: FactName[]): EligibilityReason {
  let key = '';
  for (const fact of missingFacts) key += factLetters[fact];
  let reason = missingReasons.get(key);
  if (reason === undefined) {
    reason = describeMissing(missingFacts);
    if (missingReasons.size >= maxRememberedLists) missingReasons.clear();
    missingReasons.set(key, reason);
  }
  return reason;
}

function describeMissing(missingFacts: FactName[]): EligibilityReason {
  const names = missingFacts.map((fact) => factLabels[fact]).join(', ');
  return {
    code: 'facts-missing',
    message: `Not enough facts to decide. Add ${names} (for example as columns of the ES-003 report or your file)${
      missingFacts.some((fact) => (assumableFacts as FactName[]).includes(fact)) ? ', or choose in the settings what to assume when a flag is missing' : ''
    }.`,
  };
}

function assumedReason(assumed: AssumableFact[], facts: EntryFacts): EligibilityReason {
  const words = assumed.map((fact) => `${factLabels[fact]} = ${String(facts[fact])}`).join(', ');
  return { code: 'assumed-facts', message: `Rests on what your settings assume for missing facts: ${words}.` };
}

/** The assumable facts the entry lacks and the settings give a value for, in the order of assumableFacts. */
function assumedFactsOf(facts: EntryFacts, assumeWhenMissing: AssumedFacts | undefined): AssumableFact[] {
  const assumed: AssumableFact[] = [];
  if (!assumeWhenMissing) return assumed;
  for (const fact of assumableFacts) {
    if (facts[fact] === undefined && assumeWhenMissing[fact] !== undefined) assumed.push(fact);
  }
  return assumed;
}

function withAssumptions(facts: EntryFacts, assumed: readonly AssumableFact[], assumeWhenMissing: AssumedFacts): EntryFacts {
  const merged: EntryFacts = { ...facts };
  for (const fact of assumed) Object.assign(merged, { [fact]: assumeWhenMissing[fact] });
  return merged;
}
