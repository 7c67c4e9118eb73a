import { describe, expect, it } from 'vitest';
import { isBlockingProblem, problemMessage, reportProblem, type EntryProblem } from '../../utils/entry-problems';
import { parseEntryNumber } from '../../utils/entry-number';

describe('problemMessage names the row and the fix', () => {
  it.each<[EntryProblem, string]>([
    [{ code: 'empty' }, 'Row 14: no entry number. Fill in the entry number or delete the row.'],
    [
      { code: 'bad-length', text: 'ABC123456', length: 9, zeroPaddingTried: false },
      'Row 14: "ABC123456" has 9 letters and digits; an entry number has 11 (3-character filer code, 7 digits, check digit). Copy the number again from the entry summary.',
    ],
    [
      { code: 'bad-length', text: '12345675', length: 8, zeroPaddingTried: true },
      'Row 14: "12345675" has 8 digits; an entry number has 11. Adding back leading zeros a spreadsheet may have dropped does not give a valid check digit, so copy the number again from the entry summary.',
    ],
    [
      { code: 'bad-characters', text: 'AB#1234567-6', characters: '#', inNumberPart: false },
      'Row 14: "AB#1234567-6" contains "#", which cannot be in an entry number (letters and digits, dashes optional). Remove it or copy the number again.',
    ],
    [
      { code: 'bad-characters', text: 'ABC123456O6', characters: 'O', inNumberPart: true },
      'Row 14: "ABC123456O6" has "O" after the filer code, where only digits belong. Check for the letter O typed for 0 or I for 1.',
    ],
    [
      { code: 'check-digit', entryNumber: 'AB123456780', expected: 7 },
      'Row 14: AB1-2345678-0 fails the check digit (expected 7). Check the number against the entry summary; a typo is likely.',
    ],
    [
      { code: 'spreadsheet-damage', damage: 'leading-zeros', restored: true, text: '12345674', entryNumber: '00012345674' },
      'Row 14: "12345674" lost its leading zeros in a spreadsheet; restored as 000-1234567-4 (the check digit confirms it). Format the column as text next time.',
    ],
    [
      { code: 'spreadsheet-damage', damage: 'scientific-notation', restored: false, text: '1.12346E+10' },
      'Row 14: "1.12346E+10" is in scientific notation: a spreadsheet has lost digits and the number cannot be restored. Format the entry-number column as text and export it again.',
    ],
    [
      { code: 'duplicate', entryNumber: 'ABC12345676', firstRow: 3 },
      'Row 14: ABC-1234567-6 is already on row 3; only the first is kept.',
    ],
    [
      { code: 'duplicate', entryNumber: 'ABC12345676', firstRow: 3, firstSource: 'march.csv' },
      'Row 14: ABC-1234567-6 is already on row 3 of march.csv; only the first is kept.',
    ],
    [
      { code: 'already-claimed', entryNumber: 'ABC12345676', claimNumbers: ['CAPE-0001', 'CAPE-0002'] },
      'Row 14: ABC-1234567-6 is already on CAPE claim CAPE-0001, CAPE-0002; CAPE rejects entries declared before, so it is left out.',
    ],
    [
      { code: 'bad-fact', row: 17, fact: 'liquidationStatus', factLabel: 'liquidation status', text: 'Foo', expected: 'Liquidated or Final' },
      'Row 17: liquidation status "Foo" is not understood (expected Liquidated or Final); it is left unknown.',
    ],
    [
      {
        code: 'conflicting-facts',
        row: 18,
        fact: 'liquidationDate',
        factLabel: 'liquidation date',
        value: '2026-01-09',
        firstRow: 15,
        firstValue: '2026-01-05',
      },
      'Row 18: liquidation date 2026-01-09 differs from 2026-01-05 on row 15 for the same entry; it is left unknown. Correct the export and check again.',
    ],
  ])('%o', (problem, message) => {
    expect(problemMessage(problem, 14)).toBe(message);
    expect(reportProblem(problem, 14)).toEqual({ code: problem.code, message });
  });

  it('shortens very long input in messages', () => {
    const message = problemMessage({ code: 'bad-length', text: 'x'.repeat(500), length: 500, zeroPaddingTried: false }, 1);
    expect(message.length).toBeLessThan(250);
    expect(message).toContain('...');
  });
});

describe('isBlockingProblem', () => {
  it('restored damage and fact notes do not keep an entry out; everything else does', () => {
    expect(isBlockingProblem(parseEntryNumber('12345674').problems[0]!)).toBe(false);
    expect(isBlockingProblem(parseEntryNumber('1.12346E+10').problems[0]!)).toBe(true);
    expect(isBlockingProblem({ code: 'bad-fact', row: 1, fact: 'x', factLabel: 'x', text: 'x', expected: 'x' })).toBe(false);
    expect(
      isBlockingProblem({ code: 'conflicting-facts', row: 1, fact: 'x', factLabel: 'x', value: 'a', firstRow: 1, firstValue: 'b' }),
    ).toBe(false);
    for (const raw of ['', 'ABC', 'AB#1234567-6', 'ABC12345675']) expect(isBlockingProblem(parseEntryNumber(raw).problems[0]!)).toBe(true);
    expect(isBlockingProblem({ code: 'duplicate', entryNumber: 'ABC12345676', firstRow: 1 })).toBe(true);
    expect(isBlockingProblem({ code: 'already-claimed', entryNumber: 'ABC12345676', claimNumbers: ['1'] })).toBe(true);
  });
});
