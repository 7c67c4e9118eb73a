import type { CalendarDate } from './calendar-date';
import type { EntryDeadlines } from './deadlines';
import { createDeadlinesMemo } from './deadlines-memo';
import type { EligibilityOptions, EligibilityReason, EligibilityResult, Verdict } from './eligibility';
import type { EntryFacts } from './entry-facts';
import { FirstIndexByText } from './first-index';
import { formatEntryNumber } from './entry-number';
import { isBlockingProblem, problemMessage, type EntryProblem, type EntryProblemCode, type ReportedProblem } from './entry-problems';
import type { InputEntry } from './read-input';
import { builtInRuleSets, ruleSetFor } from './rule-sets';
import { createVerdictMemo } from './verdict-memo';
import { readableFacts } from './well-formed-facts';

/** Entry number (normal form) → the CAPE claim number(s) it is already on. */
export type KnownClaims = ReadonlyMap<string, string | readonly string[]>;

export interface CheckOptions {
  today: CalendarDate;
  /** Date the declaration will be filed; chooses the rule set. Defaults to today. */
  filingDate?: CalendarDate;
  knownClaims?: KnownClaims;
  /** Keep `not-eligible` entries in the CAPE file (the user knows better, or wants ACE's own answer). */
  keepIneligible?: boolean;
  /** Rule sets and assumptions passed through to the eligibility rules. */
  eligibility?: Omit<EligibilityOptions, 'filingDate'>;
}

export type EntryStatus = 'ready' | 'excluded';

export interface CheckedEntry {
  row: number;
  input: string;
  source: string | undefined;
  entryNumber: string | null;
  status: EntryStatus;
  problems: readonly ReportedProblem[];
  /** Null when the row has no usable entry number or repeats an earlier one. */
  verdict: Verdict | null;
  reasons: readonly EligibilityReason[];
  missingFacts: readonly string[];
  deadlines: EntryDeadlines;
  facts: Readonly<EntryFacts>;
  rowCount: number;
  /** Why the entry is left out of the CAPE file: the main code and a message naming the row and the fix. */
  exclusion: { code: string; message: string } | undefined;
}

export interface CheckSummary {
  entries: number;
  ready: number;
  excluded: number;
  /** Excluded entries by their main code (a problem code or an eligibility reason code). */
  excludedBy: Record<string, number>;
  problems: Partial<Record<EntryProblemCode, number>>;
  verdicts: Partial<Record<Verdict, number>>;
  /** Eligibility reasons over all entries with a verdict. */
  reasons: Record<string, number>;
  ruleSet: EligibilityResult['ruleSet'] | null;
  filingDate: CalendarDate;
}

export interface CheckResult {
  entries: CheckedEntry[];
  /** Normal forms of the ready entries, in input order: what the CAPE file holds. */
  readyEntryNumbers: string[];
  summary: CheckSummary;
}

const noProblems: readonly ReportedProblem[] = Object.freeze([]);
const noReasons: readonly EligibilityReason[] = Object.freeze([]);
const noFacts: readonly string[] = Object.freeze([]);
const noDeadlines: EntryDeadlines = Object.freeze({});

function claimNumbersOf(value: string | readonly string[] | undefined): readonly string[] | null {
  if (value === undefined) return null;
  if (typeof value === 'string') return [value];
  return value.length > 0 ? value : null;
}

/** The messages one after another: concatenation keeps them as they are, where join would copy them all. */
function joinedMessages(reasons: readonly EligibilityReason[]): string {
  let text = '';
  for (let index = 0; index < reasons.length; index++) text += index === 0 ? reasons[index]!.message : ` ${reasons[index]!.message}`;
  return text;
}

function increment(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

/**
 * The check behind the side panel and `cape check`: duplicates, known claims, eligibility and deadlines per entry.
 * Excluded: unrestorable format problems, duplicates after the first, already claimed, not eligible unless kept;
 * `unknown` verdicts stay in (ACE decides).
 */
export function checkDeclaration(inputEntries: Iterable<InputEntry>, options: CheckOptions): CheckResult {
  const filingDate = options.filingDate ?? options.today;
  const ruleSets = options.eligibility?.ruleSets ?? builtInRuleSets;
  const eligibilityOptions: EligibilityOptions = { ...options.eligibility, filingDate };
  const windowOffset = ruleSetFor(filingDate, ruleSets)?.liquidatedEntryLastDayOffset;
  const deadlineOptions = windowOffset === undefined ? {} : { capeWindowLastDayOffset: windowOffset };
  const eligibilityOf = createVerdictMemo(eligibilityOptions);
  const deadlinesOf = createDeadlinesMemo(options.today, deadlineOptions);
  // Entries without fact columns share one facts object: its results are reused as they are.
  let lastFacts: Readonly<EntryFacts> | null = null;
  let lastEligibility: EligibilityResult | null = null;
  let lastDeadlines: EntryDeadlines = noDeadlines;
  // Verdict and reason counts of a run of entries sharing one eligibility result, added when the run ends (same key order).
  let counted: EligibilityResult | null = null;
  let countedEntries = 0;
  const addCounted = () => {
    if (counted === null) return;
    increment(summary.verdicts, counted.verdict, countedEntries);
    for (const reason of counted.reasons) increment(summary.reasons, reason.code, countedEntries);
  };
  /** Entry number → index in `entries` of its first occurrence. */
  const firstSeen = new FirstIndexByText();
  const entries: CheckedEntry[] = [];
  const readyEntryNumbers: string[] = [];
  const summary: CheckSummary = {
    entries: 0,
    ready: 0,
    excluded: 0,
    excludedBy: {},
    problems: {},
    verdicts: {},
    reasons: {},
    ruleSet: null,
    filingDate,
  };

  for (const input of inputEntries) {
    const { row, entryNumber } = input;
    let problems: readonly EntryProblem[] = input.problems;
    let verdict: Verdict | null = null;
    let reasons: readonly EligibilityReason[] = noReasons;
    let missingFacts: readonly string[] = noFacts;
    let deadlines: EntryDeadlines = noDeadlines;
    let exclusion: CheckedEntry['exclusion'];

    if (entryNumber !== null) {
      const firstIndex = firstSeen.firstOrAdd(entryNumber, entries.length);
      if (firstIndex >= 0) {
        const first = entries[firstIndex]!;
        problems = problems.concat(
          first.source === input.source
            ? { code: 'duplicate', entryNumber, firstRow: first.row }
            : { code: 'duplicate', entryNumber, firstRow: first.row, firstSource: first.source! },
        );
      } else {
        const claims = claimNumbersOf(options.knownClaims?.get(entryNumber));
        if (claims) problems = problems.concat({ code: 'already-claimed', entryNumber, claimNumbers: claims });
        if (input.facts !== lastFacts || lastEligibility === null) {
          // Facts checked for well-formedness once, for both the verdict and the deadlines.
          const facts = readableFacts(input.facts);
          lastFacts = input.facts;
          lastEligibility = eligibilityOf(facts);
          lastDeadlines = deadlinesOf(facts);
        }
        const eligibility = lastEligibility;
        if (eligibility !== counted) {
          addCounted();
          counted = eligibility;
          countedEntries = 0;
        }
        countedEntries++;
        verdict = eligibility.verdict;
        reasons = eligibility.reasons;
        missingFacts = eligibility.missingFacts;
        summary.ruleSet ??= eligibility.ruleSet;
        deadlines = lastDeadlines;
      }
    }

    const blocking = problems.length === 0 ? undefined : problems.find(isBlockingProblem);
    if (blocking) {
      exclusion = { code: blocking.code, message: problemMessage(blocking, row) };
    } else if (verdict === 'not-eligible' && !options.keepIneligible) {
      // The row's own words joined into one string before the shared reasons: a template kept a chain of pieces per entry.
      const opening = ['Row ', row, ': ', formatEntryNumber(entryNumber!), ' is not eligible under ', summary.ruleSet?.name ?? 'the rules in force', '. '];
      exclusion = { code: reasons[0]?.code ?? 'not-eligible', message: opening.join('') + joinedMessages(reasons) };
    }

    const status: EntryStatus = exclusion ? 'excluded' : 'ready';
    // One object shape for every entry (no conditional spreads): 100,000 entries stay cheap.
    const entry: CheckedEntry = {
      row,
      input: input.input,
      source: input.source,
      entryNumber,
      status,
      problems: problems.length === 0 ? noProblems : problems.map((problem) => ({ code: problem.code, message: problemMessage(problem, row) })),
      verdict,
      reasons,
      missingFacts,
      deadlines,
      facts: input.facts,
      rowCount: input.rowCount,
      exclusion,
    };
    entries.push(entry);

    summary.entries++;
    if (status === 'ready') {
      summary.ready++;
      readyEntryNumbers.push(entryNumber!);
    } else {
      summary.excluded++;
      increment(summary.excludedBy, exclusion!.code);
    }
    for (const problem of problems) increment(summary.problems, problem.code);
  }
  addCounted();
  return { entries, readyEntryNumbers, summary };
}
