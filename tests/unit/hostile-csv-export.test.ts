/**
 * CSV exports never emit a cell a spreadsheet would run as a formula (issue 7 §2), and lose nothing the user wrote:
 * every cell written reads back as the user's text, with an apostrophe in front where it began like a formula.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { writeCapeFiles } from '../../utils/cape-file';
import { checkDeclaration } from '../../utils/check-declaration';
import { csvLine } from '../../utils/csv-cell';
import { writeExclusionsReport, type ExclusionRow } from '../../utils/exclusions-report';
import { InputError, readInputText } from '../../utils/read-input';
import { anyCodeUnitString, csvLikeText, formulaText, hostileCell, hostileToday, validEntryNumber } from './helpers/hostile-input';

/** What Excel, LibreOffice and Google Sheets start a formula (or DDE) with (OWASP "CSV injection"). */
const formulaStart = /^[=+\-@\t\r]/;

function cellsOf(content: string): string[][] {
  const parsed = Papa.parse<string[]>(content.replace(/^\uFEFF/, ''), { newline: '\r\n', delimiter: ',' });
  const rows = parsed.data;
  // The CRLF after the last line leaves one empty row behind.
  if (rows.length > 0 && rows[rows.length - 1]!.length === 1 && rows[rows.length - 1]![0] === '') rows.pop();
  return rows;
}

function formulaCells(rows: readonly (readonly string[])[]): string[] {
  return rows.flat().filter((cell) => formulaStart.test(cell));
}

/** The text a cell must read back as: one apostrophe more when the text, past its own apostrophes, begins like a formula. */
function asWritten(value: string): string {
  return formulaStart.test(value.replace(/^'+/, '')) ? `'${value}` : value;
}

const userText = fc.oneof(formulaText, formulaText.map((text) => `''${text}`), hostileCell, anyCodeUnitString(20), fc.string({ maxLength: 30 }));

describe('CSV cells', () => {
  it('csvLine: one row back, no formula, the text kept', () => {
    fc.assert(
      fc.property(fc.array(userText, { minLength: 1, maxLength: 8 }), (cells) => {
        const rows = cellsOf(csvLine(cells));
        expect(rows).toHaveLength(1);
        expect(formulaCells(rows)).toEqual([]);
        expect(rows[0]).toEqual(cells.map(asWritten));
      }),
      { numRuns: 500 },
    );
  });
});

describe('exclusions report', () => {
  const exclusionRow = fc.record(
    {
      row: fc.integer({ min: 1, max: 1_000_000 }),
      input: userText,
      entryNumber: fc.oneof(fc.constant(null), validEntryNumber.map((text) => text.replace(/[-\s]/g, '').toUpperCase())),
      code: fc.oneof(fc.constantFrom('check-digit', 'duplicate', 'past-80-days'), userText),
      message: userText,
      source: userText,
    },
    { requiredKeys: ['row', 'input', 'entryNumber', 'code', 'message'] },
  );

  it('writes no formula, whatever the user typed or named the file, and keeps every cell', () => {
    fc.assert(
      fc.property(fc.array(exclusionRow, { maxLength: 20 }), (rows: ExclusionRow[]) => {
        const written = cellsOf(writeExclusionsReport(rows));
        expect(formulaCells(written)).toEqual([]);
        const withSource = rows.some((row) => row.source !== undefined);
        expect(written.slice(1)).toEqual(
          rows.map((row) => {
            const cells = [String(row.row), asWritten(row.input), row.entryNumber ?? '', asWritten(row.code), asWritten(row.message)];
            return withSource ? [asWritten(row.source ?? ''), ...cells] : cells;
          }),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('from hostile input to the files written', () => {
  it('the CAPE files hold only entry numbers and the exclusions report no formula', () => {
    fc.assert(
      fc.property(csvLikeText, fc.boolean(), (text, dashes) => {
        let entries;
        try {
          entries = readInputText(text, { source: '=HYPERLINK("http://x","y").csv' }).entries;
        } catch (error) {
          if (error instanceof InputError) return;
          throw error;
        }
        const result = checkDeclaration(entries, { today: hostileToday, keepIneligible: false });
        for (const file of writeCapeFiles(result.readyEntryNumbers, { date: hostileToday, dashes })) {
          const [header, ...lines] = cellsOf(file.content);
          expect(header).toEqual(['Entry Number']);
          for (const line of lines) expect(line[0]).toMatch(dashes ? /^[A-Z0-9]{3}-\d{7}-\d$/ : /^[A-Z0-9]{11}$/);
        }
        const excluded = result.entries.filter((entry) => entry.status === 'excluded');
        const report = writeExclusionsReport(
          excluded.map((entry) => ({ row: entry.row, input: entry.input, entryNumber: entry.entryNumber, code: entry.exclusion!.code, message: entry.exclusion!.message, source: entry.source })),
        );
        const rows = cellsOf(report);
        expect(formulaCells(rows)).toEqual([]);
        expect(rows).toHaveLength(excluded.length + 1);
      }),
      { numRuns: 300 },
    );
  });
});
