/** Stable problem codes: the side panel, the exclusions report and `cape check --json` all show these. */
export type EntryProblemCode =
  | 'empty'
  | 'bad-length'
  | 'bad-characters'
  | 'check-digit'
  | 'spreadsheet-damage'
  | 'duplicate'
  | 'already-claimed'
  | 'bad-fact'
  | 'conflicting-facts';

/** What went wrong with one input row, with the details its message needs. */
export type EntryProblem =
  | { code: 'empty' }
  | { code: 'bad-length'; text: string; length: number; zeroPaddingTried: boolean }
  | { code: 'bad-characters'; text: string; characters: string; inNumberPart: boolean }
  | { code: 'check-digit'; entryNumber: string; expected: number }
  | { code: 'spreadsheet-damage'; damage: 'leading-zeros'; restored: true; text: string; entryNumber: string }
  | { code: 'spreadsheet-damage'; damage: 'scientific-notation'; restored: false; text: string }
  | { code: 'duplicate'; entryNumber: string; firstRow: number; firstSource?: string }
  | { code: 'already-claimed'; entryNumber: string; claimNumbers: readonly string[] }
  | { code: 'bad-fact'; row: number; fact: string; factLabel: string; text: string; expected: string }
  | {
      code: 'conflicting-facts';
      row: number;
      fact: string;
      factLabel: string;
      value: string;
      firstRow: number;
      firstValue: string;
    };

/** A problem as every surface shows it. */
export interface ReportedProblem {
  code: EntryProblemCode;
  message: string;
}

/** Problems that keep an entry out of the CAPE file; restored damage and fact notes only inform. */
export function isBlockingProblem(problem: EntryProblem): boolean {
  switch (problem.code) {
    case 'spreadsheet-damage':
      return !problem.restored;
    case 'bad-fact':
    case 'conflicting-facts':
      return false;
    default:
      return true;
  }
}

function display(entryNumber: string): string {
  return entryNumber.length === 11 ? `${entryNumber.slice(0, 3)}-${entryNumber.slice(3, 10)}-${entryNumber.slice(10)}` : entryNumber;
}

function quoted(text: string): string {
  return `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
}

/** Plain message naming the row and the fix; fact problems name the row they were read on. */
export function problemMessage(problem: EntryProblem, row: number): string {
  switch (problem.code) {
    case 'empty':
      return `Row ${row}: no entry number. Fill in the entry number or delete the row.`;
    case 'bad-length':
      return problem.zeroPaddingTried
        ? `Row ${row}: ${quoted(problem.text)} has ${problem.length} digits; an entry number has 11. Adding back leading zeros a spreadsheet may have dropped does not give a valid check digit, so copy the number again from the entry summary.`
        : `Row ${row}: ${quoted(problem.text)} has ${problem.length} letters and digits; an entry number has 11 (3-character filer code, 7 digits, check digit). Copy the number again from the entry summary.`;
    case 'bad-characters':
      return problem.inNumberPart
        ? `Row ${row}: ${quoted(problem.text)} has ${quoted(problem.characters)} after the filer code, where only digits belong. Check for the letter O typed for 0 or I for 1.`
        : `Row ${row}: ${quoted(problem.text)} contains ${quoted(problem.characters)}, which cannot be in an entry number (letters and digits, dashes optional). Remove it or copy the number again.`;
    case 'check-digit':
      return `Row ${row}: ${display(problem.entryNumber)} fails the check digit (expected ${problem.expected}). Check the number against the entry summary; a typo is likely.`;
    case 'spreadsheet-damage':
      return problem.restored
        ? `Row ${row}: ${quoted(problem.text)} lost its leading zeros in a spreadsheet; restored as ${display(problem.entryNumber)} (the check digit confirms it). Format the column as text next time.`
        : `Row ${row}: ${quoted(problem.text)} is in scientific notation: a spreadsheet has lost digits and the number cannot be restored. Format the entry-number column as text and export it again.`;
    case 'duplicate':
      return `Row ${row}: ${display(problem.entryNumber)} is already on row ${problem.firstRow}${problem.firstSource ? ` of ${problem.firstSource}` : ''}; only the first is kept.`;
    case 'already-claimed': {
      const claims = problem.claimNumbers.join(', ');
      return `Row ${row}: ${display(problem.entryNumber)} is already on CAPE claim ${claims}; CAPE rejects entries declared before, so it is left out.`;
    }
    case 'bad-fact':
      return `Row ${problem.row}: ${problem.factLabel} ${quoted(problem.text)} is not understood (expected ${problem.expected}); it is left unknown.`;
    case 'conflicting-facts':
      return `Row ${problem.row}: ${problem.factLabel} ${problem.value} differs from ${problem.firstValue} on row ${problem.firstRow} for the same entry; it is left unknown. Correct the export and check again.`;
  }
}

export function reportProblem(problem: EntryProblem, row: number): ReportedProblem {
  return { code: problem.code, message: problemMessage(problem, row) };
}
