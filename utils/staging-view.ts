import type { CheckedEntry } from './check-declaration';
import type { EntryVerdict } from './entry-assessment';
import { formatEntryNumber } from './entry-number';
import { stagingCodeLabel } from './staging-labels';
import { stagedRowStatus, type StagedRowStatus } from './staging-filter';
import { proposedFixOf, type StagedEntryRow } from './staging-rows';

/** One row as the table shows it: plain data, small enough to send from the worker a screenful at a time. */
export interface StagedRowView {
  id: number;
  /** 1-based place in the filtered list (the grid's row index). */
  index: number;
  row: number;
  source?: string;
  input: string;
  /** Display form `XXX-NNNNNNN-C`, or null when the input is not an entry number. */
  entryNumber: string | null;
  status: StagedRowStatus;
  verdict: EntryVerdict | null;
  /** Short name of why it is left out. */
  reasonLabel: string | null;
  /** The one line the row shows: why it is left out, else the first note. */
  headline: string | null;
  /** Every problem and eligibility reason in plain words, with its fix. */
  messages: string[];
  nextDeadline: { label: string; date: string; daysLeft: number } | null;
  claimNumbers: string[];
  proposedFix: string | null;
  fixAccepted: boolean;
  note?: string;
}

function viewVerdict(row: StagedEntryRow, result: CheckedEntry | undefined): EntryVerdict | null {
  if (!result) return null;
  if (row.entryNumber === null) return 'invalid';
  if (result.problems.some((problem) => problem.code === 'already-claimed')) return 'claimed';
  return result.verdict;
}

/** `claimNumbers`: the claims history says still hold the entry. */
export function stagedRowView(row: StagedEntryRow, result: CheckedEntry | undefined, index: number, claimNumbers: readonly string[] = []): StagedRowView {
  const status = stagedRowStatus(row, result);
  const messages: string[] = [];
  if (status === 'removed') messages.push(`Row ${row.row}: removed from the list by you. Restore it or undo to put it back.`);
  if (result) {
    if (result.exclusion) messages.push(result.exclusion.message);
    for (const problem of result.problems) if (!messages.includes(problem.message)) messages.push(problem.message);
    // A not-eligible exclusion already names its reasons.
    if (result.status === 'ready') for (const reason of result.reasons) messages.push(reason.message);
  }
  if (row.note) messages.push(row.note);
  const deadline = result?.deadlines.nextDeadline;
  const claimed = result?.problems.some((problem) => problem.code === 'already-claimed') === true;
  return {
    id: row.id,
    index,
    row: row.row,
    ...(row.source === undefined ? {} : { source: row.source }),
    input: row.input,
    entryNumber: row.entryNumber === null ? null : formatEntryNumber(row.entryNumber),
    status,
    verdict: status === 'removed' ? null : viewVerdict(row, result),
    reasonLabel: result?.exclusion ? stagingCodeLabel(result.exclusion.code) : null,
    headline: messages[0] ?? null,
    messages,
    nextDeadline: deadline ? { label: deadline.label, date: deadline.date, daysLeft: deadline.daysLeft } : null,
    claimNumbers: claimed ? [...claimNumbers] : [],
    proposedFix: proposedFixOf(row),
    fixAccepted: row.fixAccepted === true,
    ...(row.note === undefined ? {} : { note: row.note }),
  };
}
