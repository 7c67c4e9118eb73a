import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInputReader, InputError, readInputChunks, readInputText, type InputEntry, type ReadResult } from '../../utils/read-input';
import { es003CsvHeader, es003CsvLine, generateEs003Rows, iterateEs003Entries, renderEs003Csv } from '../fixtures/ace/generate-es003';

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/input/${name}`, import.meta.url), 'utf8');
}

/** Row, entry number (or the problem codes) and merged row count: what a user sees of each entry. */
function summary(result: ReadResult): [number, string | null, string, number][] {
  return result.entries.map((entry) => [entry.row, entry.entryNumber, entry.problems.map((problem) => problem.code).join(' '), entry.rowCount]);
}

function readInPieces(text: string, sizes: number[]): ReadResult {
  const reader = createInputReader();
  let at = 0;
  for (const size of sizes) {
    if (at >= text.length) break;
    reader.pushChunk(text.slice(at, at + size));
    at += size;
  }
  if (at < text.length) reader.pushChunk(text.slice(at));
  return reader.finish();
}

function expectInputError(run: () => unknown, code: InputError['code'], message: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InputError);
  expect((caught as InputError).code).toBe(code);
  expect((caught as InputError).message).toMatch(message);
  expect((caught as InputError).message).not.toContain('\n');
}

describe('lists of entry numbers (domain.md §3 input hygiene)', () => {
  it('messy list: BOM, CRLF, trailing commas, quotes, spaces, lower case, blank lines, damage; rows are file lines', () => {
    const result = readInputText(fixture('list-messy.csv'));
    expect(result.layout).toEqual({ kind: 'columns', delimiter: ',', headerRow: 1, columns: { entryNumber: 0 }, readsFacts: false, mergesRows: false });
    expect(result.lineCount).toBe(14);
    expect(summary(result)).toEqual([
      [2, 'ABC12345676', '', 1],
      [3, 'ABC12345676', '', 1],
      [4, '31600000173', '', 1],
      [6, '00012345674', 'spreadsheet-damage', 1],
      [7, null, 'spreadsheet-damage', 1],
      [8, null, 'check-digit', 1],
      [9, null, 'bad-characters', 1],
      [10, null, 'bad-length', 1],
      [11, '00012345674', '', 1],
      [12, 'EQ710000017', '', 1],
      [14, 'EQ710000025', '', 1],
    ]);
    expect(result.entries[2]!.input).toBe(' "316-0000017-3" ');
  });

  it('headerless single column', () => {
    const result = readInputText(fixture('headerless.txt'));
    expect(result.layout).toMatchObject({ kind: 'columns', headerRow: null, columns: { entryNumber: 0 } });
    expect(summary(result).map(([row, entryNumber]) => [row, entryNumber])).toEqual([
      [1, 'ABC12345676'],
      [2, '31600000173'],
      [3, '99999999990'],
    ]);
  });

  it('one number alone, with or without a line end', () => {
    expect(summary(readInputText('ABC-1234567-6'))).toEqual([[1, 'ABC12345676', '', 1]]);
    expect(summary(readInputText('ABC-1234567-6\r\n'))).toEqual([[1, 'ABC12345676', '', 1]]);
  });

  it('finds the entry column by content when there is no header, and reports an empty cell in it', () => {
    const result = readInputText(fixture('two-columns-no-header.csv'));
    expect(result.layout).toMatchObject({ kind: 'columns', delimiter: ',', headerRow: null, columns: { entryNumber: 1 } });
    expect(summary(result)).toEqual([
      [1, 'ABC12345676', '', 1],
      [2, 'EQ710000017', '', 1],
      [3, 'EQ710000025', '', 1],
      [4, null, 'empty', 1],
    ]);
  });

  it('an unknown header above numbers is skipped as a header', () => {
    const result = readInputText('Numbers to file\nABC12345676\nABC1234567\n');
    expect(result.layout).toMatchObject({ headerRow: 1 });
    expect(summary(result)).toEqual([
      [2, 'ABC12345676', '', 1],
      [3, null, 'bad-length', 1],
    ]);
  });

  it('a first-line typo is not taken for a header', () => {
    expect(summary(readInputText('ABC1234567\nABC12345676\n31600000173\n'))[0]).toEqual([1, null, 'bad-length', 1]);
  });

  it('tab-separated with "Entry #" and an importer column (facts, no tariff lines: repeats stay separate)', () => {
    const result = readInputText(fixture('tab-separated.tsv'));
    expect(result.layout).toMatchObject({ delimiter: '\t', columns: { entryNumber: 1, importerNumber: 0 }, readsFacts: true, mergesRows: false });
    expect(result.entries.map((entry) => [entry.entryNumber, entry.facts])).toEqual([
      ['ABC12345676', { importerNumber: 'Acme' }],
      ['31600000173', { importerNumber: 'Beta' }],
    ]);
    expect(readInputText('Entry Number\tImporter\nABC12345676\tAcme\nABC12345676\tAcme\n').entries).toHaveLength(2);
  });

  it('pipe-separated with facts', () => {
    const result = readInputText(fixture('pipe.txt'));
    expect(result.layout).toMatchObject({ delimiter: '|' });
    expect(result.entries[0]!.facts).toEqual({ liquidationDate: '2026-01-02', liquidationStatus: 'liquidated' });
  });

  it('lone CR line ends (old Mac exports) count as lines', () => {
    expect(summary(readInputText(fixture('lone-cr.csv')))).toEqual([
      [2, 'ABC12345676', '', 1],
      [3, '31600000173', '', 1],
    ]);
  });

  it('a header repeated inside the data is not an entry', () => {
    expect(summary(readInputText('Entry Number\nABC12345676\nEntry Number\n31600000173\n'))).toEqual([
      [2, 'ABC12345676', '', 1],
      [4, '31600000173', '', 1],
    ]);
  });
});

describe('reports with fact columns', () => {
  it('ES-003 style: title lines, several lines per entry, quoted commas and line ends, conflicts, unknown words', () => {
    const result = readInputText(fixture('es003-multiline.csv'));
    expect(result.layout).toMatchObject({ kind: 'columns', delimiter: ',', headerRow: 4, readsFacts: true, mergesRows: true });
    expect(result.lineCount).toBe(16);
    expect(summary(result)).toEqual([
      [5, 'W5R30000016', '', 3],
      [8, 'W5R30000024', 'conflicting-facts', 2],
      [10, 'TN240000014', '', 1],
      [11, 'M1K60000017', 'bad-fact', 1],
      [12, 'M1K60000025', '', 1],
      [14, 'M1K60000033', '', 1],
      [16, null, 'check-digit', 1],
    ]);
    const [first, conflicted, , unknownWord] = result.entries as InputEntry[];
    expect(first!.facts).toEqual({
      entryType: '01',
      entrySummaryDate: '2025-05-01',
      liquidationStatus: 'unliquidated',
      reconciliationFlag: false,
      drawbackFlag: false,
      protestOpen: false,
      adcvdStatus: 'none',
      importerNumber: '12-3456789',
      tariffLines: [
        { htsNumber: '9903.01.25', dutyAmount: 1234 },
        { htsNumber: '8471.30.0100', dutyAmount: 0 },
        { htsNumber: '9903.01.24', dutyAmount: 5 },
      ],
    });
    expect(conflicted!.facts.liquidationDate).toBeUndefined();
    expect(conflicted!.problems[0]).toEqual({
      code: 'conflicting-facts',
      row: 9,
      fact: 'liquidationDate',
      factLabel: 'liquidation date',
      value: '2026-10-02',
      firstRow: 8,
      firstValue: '2026-10-01',
    });
    expect(unknownWord!.facts.liquidationStatus).toBeUndefined();
    expect(unknownWord!.problems[0]).toMatchObject({ code: 'bad-fact', row: 11, text: 'Bogus' });
  });

  it('semicolons and decimal commas (European Excel)', () => {
    const result = readInputText(fixture('semicolon-facts.csv'));
    expect(result.layout).toMatchObject({ delimiter: ';', mergesRows: true });
    expect(result.entries.map((entry) => entry.facts.tariffLines)).toEqual([
      [{ htsNumber: '9903.01.25', dutyAmount: 1234.56 }],
      [{ htsNumber: '9903.01.25', dutyAmount: 99.5 }],
      [{ htsNumber: '9903.01.25', dutyAmount: 10 }],
    ]);
    expect(result.entries[2]!.facts.entryType).toBe('08');
  });

  it('the mock ES-003 export reads every entry once, with its lines merged', () => {
    const generated = generateEs003Rows({ entries: 400, seed: 11, today: '2026-11-23' });
    const result = readInputText(renderEs003Csv(generated.rows));
    const numbers = new Set(result.entries.map((entry) => entry.entryNumber ?? entry.input.replace(/-/g, '').toUpperCase()));
    expect(numbers).toEqual(new Set(Object.keys(generated.expected)));
    expect(result.entries.reduce((sum, entry) => sum + entry.rowCount, 0)).toBe(generated.rows.length);
    expect(result.lineCount).toBe(generated.rows.length + 1);
  });
});

describe('free text', () => {
  it('finds numbers separated by anything, skipping phone numbers, amounts and long digit runs', () => {
    const result = readInputText(fixture('free-text.txt'));
    expect(result.layout).toEqual({ kind: 'free-text' });
    expect(result.lineCount).toBe(7);
    expect(summary(result)).toEqual([
      [3, 'ABC12345676', '', 1],
      [3, 'EQ710000017', '', 1],
      [3, 'EQ710000033', '', 1],
      [4, '31600000173', '', 1],
      [6, null, 'check-digit', 1],
      [7, 'ABC12345676', '', 1],
    ]);
  });

  it('a pasted line of numbers separated by commas is free text, not a table of one row', () => {
    expect(summary(readInputText('ABC-1234567-6, 316-0000017-3, 99999999990')).map(([, entryNumber]) => entryNumber)).toEqual([
      'ABC12345676',
      '31600000173',
      '99999999990',
    ]);
    expect(readInputText('ABC12345676 31600000173').entries).toHaveLength(2);
  });
});

describe('unusable input', () => {
  it('empty or blank', () => {
    expectInputError(() => readInputText(''), 'empty', /empty/);
    expectInputError(() => readInputText(' \r\n\n\t'), 'empty', /empty/);
    expectInputError(() => readInputText('\uFEFF'), 'empty', /empty/);
  });

  it('no entry numbers anywhere', () => {
    expectInputError(() => readInputText(fixture('no-entries.csv')), 'no-entry-numbers', /no entry-number column found/);
  });

  it('binary data, workbooks, UTF-16 read as UTF-8', () => {
    const asText = (name: string) => new TextDecoder().decode(readFileSync(new URL(`../fixtures/input/${name}`, import.meta.url)));
    expectInputError(() => readInputText(asText('workbook.xlsx')), 'binary', /Excel workbook/);
    expectInputError(() => readInputText(asText('utf16-unicode-text.txt')), 'binary', /UTF-16/);
    expectInputError(() => readInputText('ABC12345676\u0000\u0001\u0002'), 'binary', /binary/);
  });

  it('a header and nothing else is usable and has no entries', () => {
    expect(readInputText('Entry Number\r\n').entries).toEqual([]);
  });
});

describe('streaming', () => {
  it('any split into chunks gives the same result as the whole text', () => {
    const texts = ['list-messy.csv', 'es003-multiline.csv', 'free-text.txt', 'semicolon-facts.csv', 'lone-cr.csv', 'headerless.txt'].map(fixture);
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 60 }), (text, sizes) => {
        expect(readInPieces(text, sizes)).toEqual(readInputText(text));
      }),
      { numRuns: 300 },
    );
  });

  it('large input decided from its first part and read in chunks equals the whole read', async () => {
    const text = renderEs003Csv(generateEs003Rows({ entries: 3000, seed: 5, today: '2026-11-23' }).rows);
    expect(text.length).toBeGreaterThan(200_000);
    const whole = readInputText(text);
    const pieces = [7, 65_537, 1, 13, 99_999, 4096];
    expect(readInPieces(text, [...pieces, ...pieces, ...pieces])).toEqual(whole);
    async function* chunks(): AsyncGenerator<string> {
      for (let at = 0; at < text.length; at += 8191) yield text.slice(at, at + 8191);
    }
    expect(await readInputChunks(chunks())).toEqual(whole);
  });

  it('streams 200,000 ES-003 lines chunk by chunk, keeping one entry per entry number', async () => {
    let lines = 0;
    let entries = 0;
    async function* chunks(): AsyncGenerator<string> {
      let buffer = es003CsvHeader();
      for (const entry of iterateEs003Entries({ rows: 200_000, seed: 2, today: '2026-11-23' })) {
        entries++;
        for (const row of entry.rows) {
          buffer += es003CsvLine(row);
          lines++;
        }
        if (buffer.length > 1 << 16) {
          yield buffer;
          buffer = '';
        }
      }
      yield buffer;
    }
    const result = await readInputChunks(chunks());
    expect(result.lineCount).toBe(lines + 1);
    expect(result.entries).toHaveLength(entries);
    expect(result.entries.reduce((sum, entry) => sum + entry.rowCount, 0)).toBe(lines);
  });

  it('the source name is carried on every entry', () => {
    const reader = createInputReader({ source: 'march.csv' });
    reader.pushChunk('ABC12345676\n');
    expect(reader.finish().entries[0]!.source).toBe('march.csv');
  });
});

describe('properties', () => {
  it('never throws anything but InputError, on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          readInputText(new TextDecoder().decode(bytes));
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws anything but InputError, on CSV-like text', () => {
    const piece = fc.constantFrom('ABC-1234567-6', '31600000173', ',', ';', '\t', '|', '"', '\r\n', '\n', '\r', ' ', 'Entry Number', 'Liquidation Date', '2026-01-01', 'x', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        try {
          const result = readInputText(pieces.join(''));
          for (const entry of result.entries) {
            expect(entry.row).toBeGreaterThanOrEqual(1);
            expect(entry.row).toBeLessThanOrEqual(Math.max(result.lineCount, 1));
          }
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
