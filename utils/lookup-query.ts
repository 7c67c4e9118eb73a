import { parseEntryNumber } from './entry-number';
import { entryKey } from './history-keys';

/** What the user typed into the lookup box, read once so the search and the message agree. */
export type LookupQuery =
  | { kind: 'empty' }
  /** A whole entry number in any form (dashes, spaces, lower case) with a right check digit. */
  | { kind: 'entry'; text: string; entryNumber: string }
  /** All digits, missing leading zeros that the check digit confirms (a spreadsheet cell); may also be the start of a longer number. */
  | { kind: 'entry-with-zeros-restored'; text: string; entryNumber: string }
  /** Shaped like a whole entry number but its last digit is not the check digit of the first ten. */
  | { kind: 'wrong-check-digit'; text: string; entryNumber: string; expectedCheckDigit: number }
  /** Anything else: the start of an entry number or of a claim number. */
  | { kind: 'partial'; text: string };

export function readLookupQuery(input: string): LookupQuery {
  const text = input.trim();
  if (text === '') return { kind: 'empty' };
  const parsed = parseEntryNumber(text);
  const problem = parsed.problems[0];
  if (parsed.entryNumber !== null) {
    const restored = problem?.code === 'spreadsheet-damage' && problem.damage === 'leading-zeros';
    return { kind: restored ? 'entry-with-zeros-restored' : 'entry', text, entryNumber: parsed.entryNumber };
  }
  if (problem?.code === 'check-digit' && entryKey(text).length === 11) {
    return { kind: 'wrong-check-digit', text, entryNumber: problem.entryNumber, expectedCheckDigit: problem.expected };
  }
  return { kind: 'partial', text };
}

/** Text to search history by prefix: a wrong check digit is dropped, so the entry it was meant to be still shows. */
export function lookupPrefix(query: LookupQuery): string {
  switch (query.kind) {
    case 'empty':
      return '';
    case 'wrong-check-digit':
      return query.entryNumber.slice(0, 10);
    default:
      return query.text;
  }
}
