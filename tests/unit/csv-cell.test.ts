import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../utils/csv-cell';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['a;b', '"a;b"'],
    [' padded ', '" padded "'],
    ['=1+1', "'=1+1"],
    ['+1 202', "'+1 202"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', '"\'\rCR"'],
    ['=A1,B1', '"\'=A1,B1"'],
    ['a=b', 'a=b'],
  ])('%j → %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('numbers and missing values', () => {
    expect(csvCell(14)).toBe('14');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('csvLine ends in CRLF', () => {
    expect(csvLine(['a', 1, 'b,c'])).toBe('a,1,"b,c"\r\n');
  });

  it('any text survives a CSV round trip, and no cell starts like a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (values) => {
        const parsed = Papa.parse<string[]>(csvLine(values), { delimiter: ',', newline: '\r\n' }).data[0]!;
        parsed.forEach((cell, index) => {
          expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
          // The writer adds one apostrophe before any run of apostrophes that ends in a formula character.
          expect(cell.replace(/^'(?='*[=+\-@\t\r])/, '')).toBe(values[index]);
        });
      }),
    );
  });
});
