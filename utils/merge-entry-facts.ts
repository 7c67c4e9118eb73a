import type { EntryFacts, TariffLine } from './entry-facts';
import type { EntryProblem } from './entry-problems';

/** Facts with one value per entry; tariff lines are the only facts that accumulate. */
export type ScalarFact = Exclude<keyof EntryFacts, 'tariffLines'>;

const scalarFactLabels: Record<ScalarFact, string> = {
  entryType: 'entry type',
  entrySummaryDate: 'entry summary date',
  liquidationDate: 'liquidation date',
  liquidationStatus: 'liquidation status',
  reconciliationFlag: 'reconciliation flag',
  reconciliationSummaryFiled: 'reconciliation summary filed',
  drawbackFlag: 'drawback flag',
  protestOpen: 'protest status',
  adcvdStatus: 'AD/CVD status',
  importerNumber: 'importer number',
  filerCode: 'filer code',
};

/** One entry's facts merged from its rows (ES-003 has one row per tariff line, domain.md §2). */
export interface MergedEntryFacts {
  facts: EntryFacts;
  /** The entry's first row: where its facts come from unless `laterOrigins` says otherwise. */
  firstRow: number;
  /** Facts first read on a later row, with that row, to name it in a conflict (kept only when needed: memory per entry). */
  laterOrigins: Partial<Record<ScalarFact, number>> | null;
  /** Facts left unknown because rows disagree or a value was not understood. */
  unknown: Set<ScalarFact> | null;
  problems: EntryProblem[] | null;
}

function showValue(value: unknown): string {
  return typeof value === 'boolean' ? (value ? 'Y' : 'N') : String(value);
}

function addProblem(merged: MergedEntryFacts, problem: EntryProblem): void {
  const problems = (merged.problems ??= []);
  // One note per fact and value: a bad cell repeats on every line of an entry.
  if (problem.code === 'bad-fact') {
    for (const known of problems) {
      if (known.code === 'bad-fact' && known.factLabel === problem.factLabel && known.text === problem.text) return;
    }
  }
  problems.push(problem);
}

function markUnknown(merged: MergedEntryFacts, field: ScalarFact): void {
  (merged.unknown ??= new Set()).add(field);
  delete merged.facts[field];
}

/** Row a scalar fact of the entry was first read from. */
export function originOf(merged: MergedEntryFacts, field: ScalarFact): number {
  return merged.laterOrigins?.[field] ?? merged.firstRow;
}

/** Start an entry from its first row: the row's facts object becomes the entry's. */
export function startMergedFacts(facts: EntryFacts, row: number, problems: readonly EntryProblem[] | null): MergedEntryFacts {
  const merged: MergedEntryFacts = { facts, firstRow: row, laterOrigins: null, unknown: null, problems: null };
  if (problems) for (const problem of problems) noteRowProblem(merged, problem);
  return merged;
}

/** Keep a row's problem; a value not understood leaves its fact unknown. */
export function noteRowProblem(merged: MergedEntryFacts, problem: EntryProblem): void {
  addProblem(merged, problem);
  // A value not understood on any row leaves that fact unknown for the entry: never pick the readable rows' guess.
  if (problem.code === 'bad-fact') {
    if (problem.fact in scalarFactLabels) markUnknown(merged, problem.fact as ScalarFact);
  }
}

/** Merge one scalar fact of a further row (the reader's allocation-free path for ES-003 lines). */
export function mergeFactValue(merged: MergedEntryFacts, field: ScalarFact, value: unknown, row: number): void {
  if (merged.unknown?.has(field)) return;
  const target = merged.facts;
  const known = target[field];
  if (known === undefined) {
    (target as Record<string, unknown>)[field] = value;
    if (row !== merged.firstRow) (merged.laterOrigins ??= {})[field] = row;
  } else if (known !== value) {
    addProblem(merged, {
      code: 'conflicting-facts',
      row,
      fact: field,
      factLabel: scalarFactLabels[field],
      value: showValue(value),
      firstRow: originOf(merged, field),
      firstValue: showValue(known),
    });
    markUnknown(merged, field);
  }
}

/** Lines an entry's array is copied for, rather than grown: a grown array keeps room for 16 more lines. */
export const exactLines = 8;

export function addTariffLine(merged: MergedEntryFacts, line: TariffLine): void {
  const lines = merged.facts.tariffLines;
  if (lines === undefined) merged.facts.tariffLines = [line];
  else if (lines.length < exactLines) {
    // Copied by hand: concat's generic path cost more than the copy.
    const copy = new Array<TariffLine>(lines.length + 1);
    for (let index = 0; index < lines.length; index++) copy[index] = lines[index]!;
    copy[lines.length] = line;
    merged.facts.tariffLines = copy;
  } else lines.push(line);
}

/** Merge a further row: tariff lines accumulate, scalar facts must agree; disagreement is reported and the fact left unknown. */
export function mergeRowFacts(merged: MergedEntryFacts, facts: EntryFacts, row: number, problems: readonly EntryProblem[] | null): void {
  for (const key in facts) {
    if (key === 'tariffLines') {
      for (const line of facts.tariffLines ?? []) addTariffLine(merged, line);
      continue;
    }
    mergeFactValue(merged, key as ScalarFact, facts[key as ScalarFact], row);
  }
  if (problems) for (const problem of problems) noteRowProblem(merged, problem);
}
