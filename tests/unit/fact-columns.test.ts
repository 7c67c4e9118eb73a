import { describe, expect, it } from 'vitest';
import { FactRowReader, hasFactColumns, isEntryNumberHeader, matchHeaderRow, readFactCells } from '../../utils/fact-columns';

describe('matchHeaderRow: loose headers (domain.md §2)', () => {
  it.each([
    'Entry Number',
    'entry number',
    'ENTRY_NUMBER',
    'Entry Summary Number',
    'Entry No.',
    'Entry #',
    'Entry',
    'Entry Summary No',
    'Filer Code/Entry No.',
    '\uFEFFEntry Number',
    '  Entry  Number ',
  ])('%j is the entry-number column', (header) => {
    expect(matchHeaderRow(['Importer', header, 'Notes'])).toMatchObject({ entryNumber: 1 });
    expect(isEntryNumberHeader(header)).toBe(true);
  });

  it('does not take other columns for the entry number', () => {
    expect(matchHeaderRow(['Entry Type', 'Entry Date', 'Reference']).entryNumber).toBeUndefined();
    expect(isEntryNumberHeader('Entry Type')).toBe(false);
  });

  it('maps the ES-003 layout', () => {
    const header = [
      'Entry Summary Number',
      'Entry Type Code',
      'Entry Summary Date',
      'Liquidation Date',
      'Liquidation Status',
      'Entry Summary Line Number',
      'HTS Number',
      'Line Tariff Duty Amount',
      'Reconciliation Flag',
      'Drawback Flag',
      'Protest Status',
      'AD/CVD Status',
      'Importer Number',
      'Broker Reference',
      'Filer Code',
    ];
    expect(matchHeaderRow(header)).toEqual({
      entryNumber: 0,
      entryType: 1,
      entrySummaryDate: 2,
      liquidationDate: 3,
      liquidationStatus: 4,
      htsNumber: 6,
      dutyAmount: 7,
      reconciliationFlag: 8,
      drawbackFlag: 9,
      protestStatus: 10,
      adcvdStatus: 11,
      importerNumber: 12,
      filerCode: 14,
    });
  });

  it('takes synonyms: short names and other layouts', () => {
    expect(
      matchHeaderRow(['Entry No', 'Entry Type', 'Entry Date', 'Liq Date', 'Liq Status', 'HTS Number (Full)', 'Duty Amount', 'Recon', 'Drawback', 'Protest', 'ADCVD', 'Importer', 'Filer']),
    ).toEqual({
      entryNumber: 0,
      entryType: 1,
      entrySummaryDate: 2,
      liquidationDate: 3,
      liquidationStatus: 4,
      htsNumber: 5,
      dutyAmount: 6,
      reconciliationFlag: 7,
      drawbackFlag: 8,
      protestStatus: 9,
      adcvdStatus: 10,
      importerNumber: 11,
      filerCode: 12,
    });
  });

  it('the better name wins over position: Entry Summary Date before Entry Date, Entry Number before Entry', () => {
    expect(matchHeaderRow(['Entry', 'Entry Date', 'Entry Number', 'Entry Summary Date'])).toEqual({ entryNumber: 2, entrySummaryDate: 3 });
  });

  it('the leftmost of equally good names wins', () => {
    expect(matchHeaderRow(['Entry Number', 'Entry Number'])).toEqual({ entryNumber: 0 });
  });

  it('hasFactColumns', () => {
    expect(hasFactColumns({ entryNumber: 0 })).toBe(false);
    expect(hasFactColumns({ entryNumber: 0, liquidationDate: 2 })).toBe(true);
  });
});

describe('readFactCells: one row of plain strings', () => {
  const columns = matchHeaderRow([
    'Entry Number',
    'Entry Type',
    'Entry Summary Date',
    'Liquidation Date',
    'Liquidation Status',
    'HTS Number',
    'Duty Amount',
    'Recon Flag',
    'Drawback Flag',
    'Protest Status',
    'AD/CVD Status',
    'Importer Number',
    'Filer Code',
  ]);

  it('reads every fact', () => {
    const cells = ['ABC-1234567-6', '1', '05/01/2025', '2026-03-01', 'Liquidated', '9903.01.25', '$1,234.50', 'N', 'N', 'None', 'No', ' 12-3456789 ', 'abc'];
    expect(readFactCells(cells, columns, 7)).toEqual({
      facts: {
        entryType: '01',
        entrySummaryDate: '2025-05-01',
        liquidationDate: '2026-03-01',
        liquidationStatus: 'liquidated',
        reconciliationFlag: false,
        drawbackFlag: false,
        protestOpen: false,
        adcvdStatus: 'none',
        importerNumber: '12-3456789',
        filerCode: 'ABC',
        tariffLines: [{ htsNumber: '9903.01.25', dutyAmount: 1234.5 }],
      },
      problems: null,
    });
  });

  it('blank cells and short rows say nothing', () => {
    expect(readFactCells(['ABC12345676', '', ''], columns, 2)).toEqual({ facts: {}, problems: null });
  });

  it('a line without a duty amount keeps its HTS number', () => {
    expect(readFactCells(['ABC12345676', '', '', '', '', '9903.01.25', ''], columns, 2).facts).toEqual({ tariffLines: [{ htsNumber: '9903.01.25' }] });
  });

  it('reports cells not understood, naming the row, and leaves them out', () => {
    const cells = ['ABC12345676', 'Consumption', '31/12/2025', '', 'Reliquidated', '9903.01.25', 'lots', 'maybe'];
    const { facts, problems } = readFactCells(cells, columns, 9);
    expect(facts).toEqual({ tariffLines: [{ htsNumber: '9903.01.25' }] });
    expect(problems?.map((problem) => [problem.code, 'fact' in problem ? problem.fact : '', 'row' in problem ? problem.row : 0])).toEqual([
      ['bad-fact', 'entryType', 9],
      ['bad-fact', 'entrySummaryDate', 9],
      ['bad-fact', 'liquidationStatus', 9],
      ['bad-fact', 'reconciliationFlag', 9],
      ['bad-fact', 'dutyAmount', 9],
    ]);
  });

  it('a reader reused over rows gives the same answers as fresh reads (its cell memory is per column)', () => {
    const reader = new FactRowReader(columns);
    const rows = [
      ['A', '01', '2025-05-01', '', 'Open', '9903.01.25', '10'],
      ['A', '01', '2025-05-01', '', 'Open', '8471.30.0100', '0'],
      ['B', '02', '2025-05-02', '2026-01-01', 'Liquidated', '9903.01.25', '5'],
      ['C', '02', '2025-05-02', '2026-01-01', 'Bogus', '9903.01.25', '5'],
      ['D', '02', '2025-05-02', '2026-01-01', 'Bogus', '9903.01.25', '5'],
    ];
    rows.forEach((row, index) => expect(reader.read(row, index + 2)).toEqual(readFactCells(row, columns, index + 2)));
  });
});
