import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exclusionsReportName, writeExclusionsReport } from '../../utils/exclusions-report';

describe('exclusions report', () => {
  it('matches the golden file byte for byte: BOM, CRLF, escaping, formula cells neutralised', () => {
    const content = writeExclusionsReport([
      {
        row: 7,
        input: '1.12346E+10',
        entryNumber: null,
        code: 'spreadsheet-damage',
        message:
          'Row 7: "1.12346E+10" is in scientific notation: a spreadsheet has lost digits and the number cannot be restored. Format the entry-number column as text and export it again.',
      },
      {
        row: 8,
        input: '=HYPERLINK("http://x","ABC-1234567-5")',
        entryNumber: null,
        code: 'check-digit',
        message: 'Row 8: ABC-1234567-5 fails the check digit (expected 6). Check the number against the entry summary; a typo is likely.',
      },
      { row: 9, input: '-ABC12345676', entryNumber: 'ABC12345676', code: 'duplicate', message: 'Row 9: ABC-1234567-6 is already on row 2; only the first is kept.' },
      { row: 10, input: '+1 202 325 8000', entryNumber: null, code: 'bad-length', message: 'x' },
      { row: 11, input: '@SUM(A1)', entryNumber: null, code: 'bad-characters', message: 'y' },
      { row: 12, input: '\tABC', entryNumber: null, code: 'bad-length', message: 'z' },
      { row: 13, input: 'Zoë, "Ltd"\nline 2', entryNumber: null, code: 'bad-characters', message: 'Unicode ✓; semicolon; fine' },
    ]);
    expect(Buffer.from(content, 'utf8')).toEqual(readFileSync(new URL('../fixtures/golden/cape-exclusions-2026-05-01.csv', import.meta.url)));
  });

  it('adds a File column when rows come from several files', () => {
    const content = writeExclusionsReport([{ row: 2, input: 'x', entryNumber: null, code: 'bad-length', message: 'm', source: 'a.csv' }]);
    expect(content).toBe('\uFEFFFile,Row,Input,Entry Number,Code,Message\r\na.csv,2,x,,bad-length,m\r\n');
  });

  it('an empty report still has its header', () => {
    expect(writeExclusionsReport([])).toBe('\uFEFFRow,Input,Entry Number,Code,Message\r\n');
  });

  it('name', () => {
    expect(exclusionsReportName('2026-05-01')).toBe('cape-exclusions-2026-05-01.csv');
  });
});
