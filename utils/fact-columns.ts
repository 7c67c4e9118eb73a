import type { EntryFacts, TariffLine } from './entry-facts';
import type { EntryProblem } from './entry-problems';
import { headerKey } from './header-name';
import { addTariffLine, mergeFactValue, noteRowProblem, startMergedFacts, type MergedEntryFacts, type ScalarFact } from './merge-entry-facts';
import { ownString } from './own-string';
import {
  parseAdcvdStatus,
  parseAmount,
  parseEntryType,
  parseFactDate,
  parseFlag,
  parseLiquidationStatus,
  parseProtestOpen,
  type FactValue,
} from './parse-fact-values';

/** Columns read from ACE reports and users' own sheets (domain.md §2). */
export type FactColumn =
  | 'entryNumber'
  | 'entryType'
  | 'entrySummaryDate'
  | 'liquidationDate'
  | 'liquidationStatus'
  | 'htsNumber'
  | 'dutyAmount'
  | 'reconciliationFlag'
  | 'drawbackFlag'
  | 'protestStatus'
  | 'adcvdStatus'
  | 'importerNumber'
  | 'filerCode';

/** Column index of each recognised column in a header row. */
export type ColumnMap = Partial<Record<FactColumn, number>>;

/** Loose header names per column, best first (headerKey form): layouts are saved by users, so names vary (domain.md §2). */
const headerSynonyms: Record<FactColumn, readonly string[]> = {
  entryNumber: [
    'entry number',
    'entry summary number',
    'entry no',
    'entry summary no',
    'entry num',
    'entry summary num',
    'entry nbr',
    'entry summary nbr',
    'entry number number',
    'filer code entry number',
    'filer code entry no',
    'entry',
    'entry summary',
    'entry id',
    'entries',
  ],
  entryType: ['entry type code', 'entry type', 'entry summary type code', 'entry summary type', 'entry type cd'],
  entrySummaryDate: ['entry summary date', 'es date', 'summary date', 'entry summary dt', 'entry date', 'entry dt'],
  liquidationDate: ['liquidation date', 'liq date', 'liquidation dt', 'date of liquidation', 'liq dt'],
  liquidationStatus: ['liquidation status', 'liq status', 'liquidation status description', 'liquidation status desc'],
  htsNumber: [
    'hts number full',
    'hts number',
    'hts no',
    'hts num',
    'hts',
    'hts code',
    'htsus number',
    'htsus',
    'line hts number',
    'tariff number',
    'hts number 10',
    'hts 10',
  ],
  dutyAmount: [
    'line tariff duty amount',
    'line tariff duty amt',
    'tariff duty amount',
    'line duty amount',
    'duty amount',
    'duty amt',
    'duty',
  ],
  reconciliationFlag: [
    'reconciliation flag',
    'recon flag',
    'reconciliation indicator',
    'recon indicator',
    'reconciliation',
    'recon',
    'reconciliation flag code',
  ],
  drawbackFlag: ['drawback flag', 'drawback', 'drawback indicator'],
  protestStatus: ['protest status', 'protest', 'protest flag', 'protest indicator'],
  adcvdStatus: ['ad cvd status', 'adcvd status', 'ad cvd', 'adcvd', 'ad cvd flag', 'adcvd flag', 'ad cvd indicator', 'adcvd indicator'],
  importerNumber: [
    'importer number',
    'importer no',
    'importer of record number',
    'ior number',
    'importer',
    'importer of record',
    'ior',
    'importer id',
  ],
  filerCode: ['filer code', 'filer'],
};

const synonymRank = new Map<string, { column: FactColumn; rank: number }>();
for (const column of Object.keys(headerSynonyms) as FactColumn[]) {
  headerSynonyms[column].forEach((synonym, rank) => synonymRank.set(synonym, { column, rank }));
}

/** Names of facts as the user reads them, for messages. */
export const factColumnLabels: Record<FactColumn, string> = {
  entryNumber: 'entry number',
  entryType: 'entry type',
  entrySummaryDate: 'entry summary date',
  liquidationDate: 'liquidation date',
  liquidationStatus: 'liquidation status',
  htsNumber: 'HTS number',
  dutyAmount: 'duty amount',
  reconciliationFlag: 'reconciliation flag',
  drawbackFlag: 'drawback flag',
  protestStatus: 'protest status',
  adcvdStatus: 'AD/CVD status',
  importerNumber: 'importer number',
  filerCode: 'filer code',
};

/** Map a header row to columns: case, spacing, punctuation and synonyms folded; the best-named column wins, then the leftmost. */
export function matchHeaderRow(headers: readonly string[]): ColumnMap {
  const columns: ColumnMap = {};
  const ranks: Partial<Record<FactColumn, number>> = {};
  for (let index = 0; index < headers.length; index++) {
    const found = synonymRank.get(headerKey(headers[index] ?? ''));
    if (!found) continue;
    const best = ranks[found.column];
    if (best === undefined || found.rank < best) {
      ranks[found.column] = found.rank;
      columns[found.column] = index;
    }
  }
  return columns;
}

/** A cell that names the entry-number column, e.g. a header repeated inside the data. */
export function isEntryNumberHeader(text: string): boolean {
  return synonymRank.get(headerKey(text))?.column === 'entryNumber';
}

/** True when the map reads any fact beyond the entry number (then repeated entries are lines of one entry). */
export function hasFactColumns(columns: ColumnMap): boolean {
  for (const column in columns) if (column !== 'entryNumber') return true;
  return false;
}

/** Facts read from one row, with the cells that were not understood. */
export interface RowFacts {
  facts: EntryFacts;
  problems: EntryProblem[] | null;
}

interface ScalarColumn<T> {
  column: FactColumn;
  index: number;
  parse: (text: string) => FactValue<T>;
  field: keyof EntryFacts;
  expected: string;
  lastText: string | undefined;
  lastValue: FactValue<T>;
  /** Values by cell text: status words, flags, dates and importers repeat across entries, not only within one. */
  seen: Map<string, FactValue<T>>;
}

/** Distinct cell texts remembered per column; the memory is emptied when full, so odd data cannot grow it. */
const seenLimit = 1024;
/** Distinct HTS numbers remembered: a report names a few thousand over all its lines. */
const htsNumberLimit = 16_384;

function parseSeen<T>(scalar: ScalarColumn<T>, text: string): FactValue<T> {
  const known = scalar.seen.get(text);
  if (known !== undefined || scalar.seen.has(text)) return known;
  const value = scalar.parse(text);
  if (scalar.seen.size >= seenLimit) scalar.seen.clear();
  scalar.seen.set(text, value);
  return value;
}

function trimmedText(text: string): FactValue<string> {
  const value = text.trim();
  return value ? ownString(value) : undefined;
}

function upperText(text: string): FactValue<string> {
  const value = text.trim().toUpperCase();
  return value ? ownString(value) : undefined;
}

/**
 * Reads fact cells of rows laid out by one ColumnMap. Consecutive rows of one entry repeat their values,
 * so each column remembers its last cell and skips parsing it again.
 */
export class FactRowReader {
  private readonly scalars: ScalarColumn<unknown>[] = [];
  private readonly htsIndex: number;
  private readonly dutyIndex: number;

  constructor(columns: ColumnMap) {
    const add = <T>(column: FactColumn, field: keyof EntryFacts, parse: (text: string) => FactValue<T>, expected: string) => {
      const index = columns[column];
      if (index === undefined) return;
      this.scalars.push({ column, index, parse, field, expected, lastText: undefined, lastValue: undefined, seen: new Map() });
    };
    add('entryType', 'entryType', parseEntryType, 'a two-digit entry type such as 01');
    add('entrySummaryDate', 'entrySummaryDate', parseFactDate, 'a date from 1900 to 2199: YYYY-MM-DD, MM/DD/YYYY or M/D/YY');
    add('liquidationDate', 'liquidationDate', parseFactDate, 'a date from 1900 to 2199: YYYY-MM-DD, MM/DD/YYYY or M/D/YY');
    add(
      'liquidationStatus',
      'liquidationStatus',
      parseLiquidationStatus,
      'Unliquidated, Liquidated, Final, Suspended, Extended, Under Review or Cancelled',
    );
    add('reconciliationFlag', 'reconciliationFlag', parseFlag, 'Y or N');
    add('drawbackFlag', 'drawbackFlag', parseFlag, 'Y or N');
    add('protestStatus', 'protestOpen', parseProtestOpen, 'Y or N, Open, Suspended or Closed');
    add('adcvdStatus', 'adcvdStatus', parseAdcvdStatus, 'No, Suspended (pending Commerce) or Pending Liquidation');
    add('importerNumber', 'importerNumber', trimmedText, 'an importer number');
    add('filerCode', 'filerCode', upperText, 'a filer code');
    this.htsIndex = columns.htsNumber ?? -1;
    this.dutyIndex = columns.dutyAmount ?? -1;
  }

  private valueOf(scalar: ScalarColumn<unknown>, cells: readonly string[]): unknown {
    const text = cells[scalar.index] ?? '';
    if (text === scalar.lastText) return scalar.lastValue;
    const value = parseSeen(scalar, text);
    scalar.lastText = text;
    scalar.lastValue = value;
    return value;
  }

  private badFact(scalar: ScalarColumn<unknown>, cells: readonly string[], row: number): EntryProblem {
    return {
      code: 'bad-fact',
      row,
      fact: scalar.field,
      factLabel: factColumnLabels[scalar.column],
      text: ownString((cells[scalar.index] ?? '').trim()),
      expected: scalar.expected,
    };
  }

  /** The problem of the last tariffLine call, kept here so each row's call allocates no result pair. */
  private lineProblem: EntryProblem | null = null;

  /** One string per distinct HTS number, however many lines name it. */
  private readonly htsNumbers = new Map<string, string>();

  private sharedHtsNumber(text: string): string {
    let shared = this.htsNumbers.get(text);
    if (shared === undefined) {
      shared = ownString(text);
      if (this.htsNumbers.size >= htsNumberLimit) this.htsNumbers.clear();
      this.htsNumbers.set(text, shared);
    }
    return shared;
  }

  private tariffLine(cells: readonly string[], row: number): TariffLine | null {
    this.lineProblem = null;
    if (this.htsIndex < 0) return null;
    const trimmed = (cells[this.htsIndex] ?? '').trim();
    if (!trimmed) return null;
    const htsNumber = this.sharedHtsNumber(trimmed);
    if (this.dutyIndex < 0) return { htsNumber };
    const dutyText = cells[this.dutyIndex] ?? '';
    const dutyAmount = parseAmount(dutyText);
    if (dutyAmount === undefined) return { htsNumber };
    // Both fields in one literal: an added property costs every stored line a separate property array.
    if (dutyAmount !== null) return { htsNumber, dutyAmount };
    this.lineProblem = {
      code: 'bad-fact',
      row,
      fact: 'dutyAmount',
      factLabel: factColumnLabels.dutyAmount,
      text: ownString(dutyText.trim()),
      expected: 'an amount such as $1,234.56',
    };
    return { htsNumber };
  }

  /** Facts of one row (cells as plain strings); `row` is the row number named in problems. */
  read(cells: readonly string[], row: number): RowFacts {
    const merged = startMergedFacts({}, row, null);
    this.readInto(cells, row, merged);
    return { facts: merged.facts, problems: merged.problems };
  }

  /**
   * Merge one row straight into its entry's facts (ES-003 has many lines per entry). With `nextLine`, the row comes right
   * after one this reader read into the same `merged`: a cell unchanged since that row would merge the same value again,
   * a no-op, so it is skipped.
   */
  readInto(cells: readonly string[], row: number, merged: MergedEntryFacts, nextLine = false): void {
    // On the entry's first row each fact is new (one column per fact), so it is set without the merge's checks.
    const firstRow = row === merged.firstRow;
    for (const scalar of this.scalars) {
      if (nextLine && (cells[scalar.index] ?? '') === scalar.lastText) continue;
      const value = this.valueOf(scalar, cells);
      if (value === undefined) continue;
      if (value === null) noteRowProblem(merged, this.badFact(scalar, cells, row));
      else if (firstRow) (merged.facts as Record<string, unknown>)[scalar.field] = value;
      else mergeFactValue(merged, scalar.field as ScalarFact, value, row);
    }
    const line = this.tariffLine(cells, row);
    if (line) addTariffLine(merged, line);
    if (this.lineProblem) noteRowProblem(merged, this.lineProblem);
  }
}

/** Facts of one row of cells under `columns`; for many rows, reuse a FactRowReader. */
export function readFactCells(cells: readonly string[], columns: ColumnMap, row: number): RowFacts {
  return new FactRowReader(columns).read(cells, row);
}
