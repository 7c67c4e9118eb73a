/** Arbitraries and checks shared by the hostile-input tests: nasty text, CSV-like text, and what "explained" means. */
import fc from 'fast-check';
import { expect } from 'vitest';
import { checkDeclaration } from '../../../utils/check-declaration';
import { entryCheckDigit } from '../../../utils/entry-check-digit';
import { InputError, type ReadResult } from '../../../utils/read-input';

export const hostileToday = '2026-11-23';

function withCheckDigit(firstTen: string): string {
  return `${firstTen}${entryCheckDigit(firstTen) ?? 0}`;
}

const filerCode = fc.stringMatching(/^[A-Z0-9]{3}$/);
const sevenDigits = fc.stringMatching(/^\d{7}$/);

/** Valid entry numbers in any form people write them: normal, dashed, lower case, spaced. */
export const validEntryNumber = fc
  .tuple(filerCode, sevenDigits, fc.constantFrom('normal', 'dashed', 'lower', 'spaced'))
  .map(([filer, digits, form]) => {
    const normal = withCheckDigit(filer + digits);
    if (form === 'dashed') return `${normal.slice(0, 3)}-${normal.slice(3, 10)}-${normal.slice(10)}`;
    if (form === 'lower') return normal.toLowerCase();
    if (form === 'spaced') return `${normal.slice(0, 3)} ${normal.slice(3, 10)} ${normal.slice(10)}`;
    return normal;
  });

/** Numbers that look like entries but are not: wrong check digit, dropped zeros, scientific notation, near misses. */
export const damagedEntryNumber = fc.oneof(
  fc.tuple(filerCode, sevenDigits, fc.integer({ min: 1, max: 9 })).map(([filer, digits, off]) => {
    const normal = withCheckDigit(filer + digits);
    return normal.slice(0, 10) + String((Number(normal[10]) + off) % 10);
  }),
  fc.stringMatching(/^\d{8,10}$/),
  fc.stringMatching(/^\d\.\d{5}E\+1[01]$/),
  fc.stringMatching(/^[A-Z0-9]{3}-?\d{6,8}-?\d$/),
);

/** Cells a spreadsheet would run as a formula (CSV injection), as users or attackers might put them in a file. */
export const formulaText = fc.constantFrom(
  '=HYPERLINK("http://x","y")',
  '=1+2',
  '+1',
  '-1',
  '@SUM(A1:A9)',
  '=cmd|\' /C calc\'!A0',
  '\t=1',
  '\r=1',
  '-2+3+cmd|\' /C calc\'!A0',
);

/** Any UTF-16 code unit, lone surrogates and NUL included. */
export const anyCodeUnitString = (maxLength: number) =>
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength });

const csvSyntax = fc.constantFrom(',', ';', '\t', '|', '"', '""', '\r', '\n', '\r\n', ' ', '\u00a0', '\ufeff', '\u0000', "'", '=', 'sep=;');

/** One cell's text: numbers, damage, formulas, syntax characters, anything. */
export const hostileCell = fc.oneof(
  validEntryNumber,
  damagedEntryNumber,
  formulaText,
  fc.string({ unit: csvSyntax, maxLength: 6 }),
  fc.string({ maxLength: 12 }),
  anyCodeUnitString(8),
  fc.constantFrom('Entry Number', 'Entry Summary Number', 'Liquidation Date', 'HTS Number', 'Line Tariff Duty Amount', 'Entry Type Code', 'Liquidation Status', '01', '9903.01.25', '12/31/2025', '$1,234.56', 'Liquidated'),
);

function quoteCell(cell: string, quote: boolean): string {
  return quote ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** CSV-like text: a random delimiter and line end, cells quoted or not, optional BOM, "sep=" line and header. */
export const csvLikeText = fc
  .record({
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    newline: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
    sepLine: fc.boolean(),
    header: fc.option(fc.array(hostileCell, { minLength: 1, maxLength: 5 }), { nil: undefined }),
    rows: fc.array(fc.array(fc.tuple(hostileCell, fc.boolean()), { maxLength: 6 }), { maxLength: 25 }),
    trailingNewline: fc.boolean(),
  })
  .map(({ delimiter, newline, bom, sepLine, header, rows, trailingNewline }) => {
    const lines: string[] = [];
    if (sepLine) lines.push(`sep=${delimiter}`);
    if (header) lines.push(header.map((cell) => quoteCell(cell, /[",\r\n;\t|]/.test(cell))).join(delimiter));
    for (const row of rows) lines.push(row.map(([cell, quote]) => quoteCell(cell, quote)).join(delimiter));
    return `${bom ? '\ufeff' : ''}${lines.join(newline)}${trailingNewline ? newline : ''}`;
  });

/** Reads with `read`; returns the documented InputError instead of throwing it, and fails on anything else thrown. */
export function readOrInputError(read: () => ReadResult): ReadResult | InputError {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.message).not.toContain('\n');
    return error;
  }
}

/** Every excluded entry says why and names its row; every row is a line of the input; nothing unusable is ready. */
export function expectEveryRejectionExplained(result: ReadResult): void {
  const checked = checkDeclaration(result.entries, { today: hostileToday });
  const lastLine = Math.max(1, result.lineCount);
  // Collected and asserted once: a million expect() calls would cost more than the reading under test.
  const faults: string[] = [];
  for (const entry of checked.entries) {
    const row = entry.row;
    if (!(Number.isInteger(row) && row >= 1 && row <= lastLine)) faults.push(`row ${row} is not a line of the input`);
    if (entry.entryNumber === null && entry.status !== 'excluded') faults.push(`row ${row}: no entry number, yet ready`);
    if (entry.status === 'excluded' && !entry.exclusion?.message.startsWith(`Row ${row}:`)) faults.push(`row ${row}: exclusion does not name the row: ${entry.exclusion?.message}`);
    for (const problem of entry.problems) if (!/^Row \d+/.test(problem.message)) faults.push(`row ${row}: problem message names no row: ${problem.message}`);
    if (faults.length >= 5) break;
  }
  expect(faults).toEqual([]);
}
