/**
 * Windows without a quote are split by the reader itself, windows with one by papaparse: quoting every cell of a text
 * sends it the other way, and must read the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readInputText, type ReadResult } from '../../utils/read-input';
import { validEntryNumber } from './helpers/hostile-input';

const headers = ['Entry Summary Number', 'Entry Type Code', 'Liquidation Date', 'Liquidation Status', 'HTS Number', 'Line Tariff Duty Amount', 'Note'];
const cell = fc.oneof(
  validEntryNumber,
  fc.constantFrom('', ' ', '01', '1', 'x', '06/15/2026', '2026-13-45', 'Liquidated', 'Unliquidated', 'Open', '9903.01.25', '9903.88.15', '12.50', '$1234.56', 'Entry Number', 'EQ7-0117047-9', 'EQ7-0117047-8'),
  fc.string({ maxLength: 6 }).map((text) => text.replace(/["\r\n,;\t]/g, '')),
);

function read(text: string): ReadResult | string {
  try {
    return readInputText(text);
  } catch (error) {
    return String(error);
  }
}

describe('input reader: unquoted windows', () => {
  it('reads a text as it reads the same text with every cell quoted, whatever the line ends, delimiter and cells', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 7 }), { maxLength: 30 }),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (rows, delimiter, newline, endsWithNewline) => {
          // A header decides the layout alike for both; two cells a row, as a lone empty cell quoted is no blank line.
          const table = [headers, ...rows];
          const join = (quote: boolean) =>
            table.map((row) => row.map((each) => (quote ? `"${each}"` : each)).join(delimiter)).join(newline) + (endsWithNewline ? newline : '');
          expect(read(join(false))).toEqual(read(join(true)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads rows without an entry number alike, whichever of their cells hold something', () => {
    const sparse = fc.constantFrom('', '', '', ' ', 'x', 'EQ7-0117047-9');
    fc.assert(
      fc.property(fc.array(fc.array(sparse, { minLength: 2, maxLength: 9 }), { maxLength: 20 }), fc.constantFrom(',', '\t'), (rows, delimiter) => {
        const table = [headers, ...rows];
        const join = (quote: boolean) => table.map((row) => row.map((each) => (quote ? `"${each}"` : each)).join(delimiter)).join('\n');
        expect(read(join(false))).toEqual(read(join(true)));
      }),
      { numRuns: 300 },
    );
  });
});
