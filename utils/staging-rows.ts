import type { ClaimEntryRecord } from './history-schema';
import type { EntryFacts } from './entry-facts';
import type { EntryProblem } from './entry-problems';
import { formatEntryNumber, parseEntryNumber } from './entry-number';
import type { InputEntry } from './read-input';
import type { PageEntry } from './page/entry-lookup';
import { withStoredFacts } from './page/entry-lookup';
import type { StagedRow } from './history-schema';

/** One staged row as the side panel keeps and saves it: what the input gave, plus the user's own decisions. */
export interface StagedEntryRow extends StagedRow {
  /** Stable within a batch: removal, fixes and undo name rows by it. */
  id: number;
  source?: string;
  problems: EntryProblem[];
  facts: EntryFacts;
  rowCount: number;
  /** The user accepted the restored leading zeros; the note no longer asks for a look. */
  fixAccepted?: boolean;
  /** Where the row came from when not a file, e.g. the ACE error text of a rejected claim entry. */
  note?: string;
}

/** A staged row before it has an id. */
export type NewStagedRow = Omit<StagedEntryRow, 'id'>;

export function stagedRowFromInput(entry: InputEntry): NewStagedRow {
  return {
    row: entry.row,
    input: entry.input,
    ...(entry.source === undefined ? {} : { source: entry.source }),
    entryNumber: entry.entryNumber,
    problems: [...entry.problems],
    facts: entry.facts,
    rowCount: entry.rowCount,
  };
}

function stagedRowFromText(text: string, row: number, source: string, facts: EntryFacts, note?: string): NewStagedRow {
  const parsed = parseEntryNumber(text);
  return {
    row,
    input: text,
    source,
    entryNumber: parsed.entryNumber,
    problems: [...parsed.problems],
    facts,
    rowCount: 1,
    ...(note === undefined ? {} : { note }),
  };
}

/** Entries the overlay found on an ACE page, numbered in page order, with the facts it read there. */
export function stagedRowsFromPage(entries: readonly PageEntry[], source: string): NewStagedRow[] {
  return entries.map((entry, index) => stagedRowFromText(formatEntryNumber(entry.entryNumber), index + 1, source, entry.facts));
}

/** The rejected entries of a past claim, each with ACE's words for why, to put on a new declaration once fixed. */
export function stagedRowsFromRejectedClaim(claimNumber: string, entries: readonly ClaimEntryRecord[]): NewStagedRow[] {
  return entries
    .filter((entry) => entry.outcome === 'rejected')
    .map((entry, index) =>
      stagedRowFromText(
        formatEntryNumber(entry.entryNumber),
        index + 1,
        `claim ${claimNumber}`,
        {},
        entry.aceErrorText ? `Rejected on claim ${claimNumber}: ${entry.aceErrorText}` : `Rejected on claim ${claimNumber}.`,
      ),
    );
}

/** Restored leading zeros the user has not yet accepted. */
export function hasProposedFix(row: StagedEntryRow): boolean {
  return !row.fixAccepted && row.problems.some((problem) => problem.code === 'spreadsheet-damage' && problem.restored);
}

/** The restored number a proposed fix would keep, in display form. */
export function proposedFixOf(row: StagedEntryRow): string | null {
  for (const problem of row.problems) {
    if (problem.code === 'spreadsheet-damage' && problem.restored) return formatEntryNumber(problem.entryNumber);
  }
  return null;
}

/**
 * The row as the core checks it: stored facts (history) fill what the input lacks, and an accepted fix is no longer
 * reported as damage.
 */
export function inputEntryOfRow(row: StagedEntryRow, storedFacts?: EntryFacts): InputEntry {
  const problems = row.fixAccepted ? row.problems.filter((problem) => !(problem.code === 'spreadsheet-damage' && problem.restored)) : row.problems;
  return {
    row: row.row,
    input: row.input,
    ...(row.source === undefined ? {} : { source: row.source }),
    entryNumber: row.entryNumber,
    problems,
    facts: withStoredFacts(row.facts, storedFacts),
    rowCount: row.rowCount,
  };
}
