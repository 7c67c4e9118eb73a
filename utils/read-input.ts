import Papa from 'papaparse';
import type { EntryFacts } from './entry-facts';
import type { EntryProblem } from './entry-problems';
import { findEntryNumbersInText, parseEntryNumber, type ParsedEntryNumber } from './entry-number';
import { FirstIndexByText } from './first-index';
import { FactRowReader, hasFactColumns, isEntryNumberHeader, matchHeaderRow, type ColumnMap } from './fact-columns';
import { exactLines, startMergedFacts, type MergedEntryFacts } from './merge-entry-facts';
import { ownString } from './own-string';

/** One entry read from the input: a row of a list, or all rows of one entry in a report with fact columns. */
export interface InputEntry {
  /** 1-based line number in the input where the entry first appears (the header is line 1). */
  row: number;
  /** The entry-number text as the user gave it. */
  input: string;
  /** File or other origin, when several inputs are checked together. */
  source?: string | undefined;
  /** Normal form when usable (valid or restored), else null. */
  entryNumber: string | null;
  problems: readonly EntryProblem[];
  /** Read-only: entries without fact columns share one empty object. */
  facts: Readonly<EntryFacts>;
  /** How many input rows were merged into this entry. */
  rowCount: number;
}

/** How the input was understood, for the user to see. */
export type InputLayout =
  | {
      kind: 'columns';
      delimiter: string;
      /** Line of the header row, null when the input has none. */
      headerRow: number | null;
      columns: ColumnMap;
      /** Facts are read from columns beside the entry number. */
      readsFacts: boolean;
      /** Tariff lines present (ES-003): rows of the same entry are its lines and merge; otherwise repeats are duplicates. */
      mergesRows: boolean;
    }
  | { kind: 'free-text' };

export interface ReadResult {
  entries: InputEntry[];
  layout: InputLayout;
  lineCount: number;
}

export type InputErrorCode = 'binary' | 'empty' | 'no-entry-numbers';

/** Input that cannot be used at all: the CLI exits 2 with this one-line message. */
export class InputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export interface InputReaderOptions {
  source?: string;
}

/** Incremental reader: push text chunks as they arrive, then finish. Keeps only per-entry state, not the lines. */
export interface InputReader {
  pushChunk(text: string): void;
  finish(): ReadResult;
  readonly linesRead: number;
}

const noFacts: Readonly<EntryFacts> = Object.freeze({});

const delimiters = [',', ';', '\t', '|'] as const;
/** Enough text to see the layout; decided earlier only when the input ends. */
const sampleSize = 64 * 1024;
const sampleRows = 200;
const headerSearchRows = 20;
const windowSize = 256 * 1024;


/** Why the start of the input is not text, or null when it is. */
function binaryKind(text: string): 'workbook' | 'utf-16' | 'binary' | null {
  if (text.startsWith('PK\u0003\u0004')) return 'workbook';
  const length = Math.min(text.length, 8192);
  let nul = 0;
  let nulAtOdd = 0;
  let odd = 0;
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0) {
      nul++;
      nulAtOdd += index & 1;
    } else if ((code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) || code === 0xfffd) {
      odd++;
    }
  }
  // UTF-16 read as UTF-8: every other character is NUL.
  if (nul > 0 && nul >= length / 3 && Math.max(nulAtOdd, nul - nulAtOdd) >= nul * 0.9) return 'utf-16';
  if (nul > 0 || (length > 0 && odd / length > 0.1)) return 'binary';
  return null;
}

const binaryMessages = {
  workbook: 'the input is an Excel workbook, not text: save it as "CSV (Comma delimited)" and try again',
  'utf-16': 'the input is UTF-16 text ("Unicode Text"): save it as "CSV (Comma delimited)" or CSV UTF-8 and try again',
  binary: 'the input is binary data, not text (an .xls workbook?): save it as "CSV (Comma delimited)" and try again',
};

function isBlankCell(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

function isBlankRow(row: readonly string[]): boolean {
  for (const cell of row) if (!isBlankCell(cell)) return false;
  return true;
}

/** An entry number, or a damaged or mistyped one: what decides which column holds entry numbers. */
function looksLikeEntryNumber(parsed: ParsedEntryNumber): boolean {
  if (parsed.entryNumber !== null) return true;
  const code = parsed.problems[0]?.code;
  return code === 'check-digit' || code === 'spreadsheet-damage';
}

/** True when a CR is not followed by LF (old Mac line ends, or a CR inside a line). */
function hasLoneCarriageReturn(text: string): boolean {
  for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 2)) if (text.charCodeAt(at + 1) !== 10) return true;
  return false;
}

/** CRLF and lone CR as LF, so a line end is one character wherever papaparse or a line count reads the text. */
function withLfLineEnds(text: string): string {
  return text.indexOf('\r') >= 0 ? text.replace(/\r\n?/g, '\n') : text;
}

/** The text up to and with the line end of its `count`th line, or all of it when it has no more lines. */
function firstLines(text: string, count: number): string {
  let at = -1;
  for (let line = 0; line < count; line++) {
    at = text.indexOf('\n', at + 1);
    if (at < 0) return text;
  }
  return text.slice(0, at + 1);
}

function parseRows(text: string, delimiter: string, final: boolean): string[][] {
  const parser = new Papa.Parser({ delimiter, newline: '\n', preview: sampleRows });
  // Without a quote every row is one line, and papaparse splits all lines before taking the first rows: give it those.
  return parser.parse(text.indexOf('"') < 0 ? firstLines(text, sampleRows) : text, 0, !final).data as string[][];
}

type Decision =
  | { kind: 'columns'; delimiter: string; skipRows: number; columns: ColumnMap; hasHeader: boolean }
  | { kind: 'free-text' };

const pureEntryNumber = /^[\s"']*[A-Za-z0-9]{3}[-\s.]?\d{7}[-\s.]?\d[\s"']*$/;

/** Header by name first (domain.md §2), else the column where most cells read as entry numbers, else free text. */
function decideLayout(sample: string, final: boolean): Decision | null {
  let best: { delimiter: string; rowIndex: number; columns: ColumnMap; score: number } | null = null;
  const parsed = new Map<string, string[][]>();
  for (const delimiter of delimiters) {
    const rows = parseRows(sample, delimiter, final);
    parsed.set(delimiter, rows);
    const limit = Math.min(rows.length, headerSearchRows);
    for (let index = 0; index < limit; index++) {
      const columns = matchHeaderRow(rows[index]!);
      if (columns.entryNumber === undefined) continue;
      const score = Object.keys(columns).length;
      if (!best || score > best.score) best = { delimiter, rowIndex: index, columns, score };
    }
  }
  if (best) return { kind: 'columns', delimiter: best.delimiter, skipRows: best.rowIndex + 1, columns: best.columns, hasHeader: true };

  let choice = null as { delimiter: string; column: number; fraction: number; pure: number } | null;
  let entryLikeColumns = 0;
  let severalInOneCell = false;
  for (const delimiter of delimiters) {
    const rows = parsed.get(delimiter)!.filter((row) => !isBlankRow(row));
    if (rows.length === 0) continue;
    const width = Math.min(50, Math.max(...rows.map((row) => row.length)));
    let likeHere = 0;
    for (let column = 0; column < width; column++) {
      let looks = 0;
      let pure = 0;
      let leading = 0;
      for (const row of rows) {
        const cell = row[column] ?? '';
        if (findEntryNumbersInText(cell).length > 1) severalInOneCell = true;
        const like = !isBlankCell(cell) && looksLikeEntryNumber(parseEntryNumber(cell));
        // Rows above the first number are a title or header, not failed numbers.
        if (looks === 0 && !like && !/\d{5}/.test(cell)) leading++;
        if (like) looks++;
        if (pureEntryNumber.test(cell)) pure++;
      }
      const fraction = rows.length > leading ? looks / (rows.length - leading) : 0;
      if (fraction >= 0.5) likeHere++;
      // Ties go to the delimiter that leaves the cells holding nothing but the entry number.
      if (!choice || fraction > choice.fraction || (fraction === choice.fraction && pure > choice.pure)) {
        choice = { delimiter, column, fraction, pure };
      }
    }
    if (choice?.delimiter === delimiter) entryLikeColumns = likeHere;
  }
  if (choice && choice.fraction >= 0.5 && entryLikeColumns === 1 && !severalInOneCell) {
    const rows = parsed.get(choice.delimiter)!;
    // Leading rows that are neither entry numbers nor digit runs are a title or a header with an unknown name.
    let skipRows = 0;
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index]!;
      if (isBlankRow(row)) continue;
      const cell = row[choice.column] ?? '';
      if (looksLikeEntryNumber(parseEntryNumber(cell)) || /\d{5}/.test(cell)) break;
      skipRows = index + 1;
    }
    return { kind: 'columns', delimiter: choice.delimiter, skipRows, columns: { entryNumber: choice.column }, hasHeader: skipRows > 0 };
  }
  if (findEntryNumbersInText(sample).length > 0) return { kind: 'free-text' };
  return null;
}

function noEntryNumbers(): InputError {
  return new InputError(
    'no-entry-numbers',
    'no entry-number column found: name the column "Entry Number" or put the entry numbers in the first column',
  );
}

/** Create an incremental reader for a file or pasted text (domain.md §3 input hygiene). */
export function createInputReader(options: InputReaderOptions = {}): InputReader {
  const source = options.source;
  let started = false;
  let heldCarriageReturn = false;
  let sample = '';
  let decision: Decision | null = null;
  let carry = '';
  /** Text held back while the unfinished part (an open quote, a line without end) is longer than all that came since. */
  let heldBack = '';
  let nextLine = 1;
  let rowIndex = 0;
  let sawText = false;
  let headerRow: number | null = null;
  let skipRows = 0;
  let hasHeader = false;
  let entryColumn = -1;
  let mergesRows = false;
  let readsFacts = false;
  let parser: Papa.Parser | null = null;
  let delimiterInUse = ',';
  let factReader: FactRowReader | null = null;
  let lastCell: string | undefined;
  let lastParsed: ParsedEntryNumber | null = null;
  let lastMerged: MergedEntryFacts | null = null;
  let lastEntry: InputEntry | null = null;
  let lastIndex = -1;
  const entries: InputEntry[] = [];
  /**
   * Merge state of the entries (by index in `entries`) with more than their facts: later origins, unknown facts, problems.
   * Any other entry's state is its facts and first row, so it is made again should a later row of it come.
   */
  const mergeNotes = new Map<number, MergedEntryFacts>();

  function keepNotes(index: number, merged: MergedEntryFacts): void {
    if (merged.problems !== null || merged.unknown !== null || merged.laterOrigins !== null) mergeNotes.set(index, merged);
  }
  const byKey = new FirstIndexByText();

  function normalise(chunk: string, final: boolean): string {
    let text = heldCarriageReturn ? `\r${chunk}` : chunk;
    heldCarriageReturn = false;
    if (!started && text.length > 0) {
      started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (!final && text.endsWith('\r')) {
      heldCarriageReturn = true;
      text = text.slice(0, -1);
    }
    // CRLF, LF and lone CR all end a line, so line numbers count every kind. CRLF alone is left to the readers of
    // windows and lines (rewriting a whole file's line ends cost a tenth of a parse); a lone CR is rewritten here.
    return hasLoneCarriageReturn(text) ? text.replace(/\r\n?/g, '\n') : text;
  }

  function parseCell(cell: string): ParsedEntryNumber {
    if (cell === lastCell && lastParsed) return lastParsed;
    lastCell = cell;
    lastParsed = parseEntryNumber(cell);
    return lastParsed;
  }

  function addEntry(line: number, input: string, parsed: ParsedEntryNumber): InputEntry {
    const entry: InputEntry = {
      row: line,
      input: ownString(input),
      source,
      entryNumber: parsed.entryNumber,
      problems: parsed.problems,
      facts: noFacts,
      rowCount: 1,
    };
    entries.push(entry);
    return entry;
  }

  function handleRow(row: string[], line: number): void {
    if (row.length === 1 && row[0] === '') return;
    const cell = row[entryColumn] ?? '';
    // ES-003 lines of one entry follow each other: same cell, same entry.
    if (mergesRows && cell === lastCell && lastMerged !== null) {
      // The reader's previous row went into lastMerged too: every row that reaches the reader resets or sets it.
      factReader!.readInto(row, line, lastMerged, true);
      lastEntry!.rowCount++;
      keepNotes(lastIndex, lastMerged);
      return;
    }
    if (isBlankCell(cell) && isBlankRow(row)) return;
    const parsed = parseCell(cell);
    lastMerged = null;
    // A header repeated inside the data (concatenated exports) is not an entry; a number whose only fault is its
    // check digit is never a header, and skipping the header test for it saves a costly text fold per bad number.
    if (parsed.entryNumber === null && parsed.problems[0]?.code !== 'check-digit' && isEntryNumberHeader(cell)) return;
    if (!mergesRows) {
      const entry = addEntry(line, cell, parsed);
      if (readsFacts) {
        const { facts, problems } = factReader!.read(row, line);
        entry.facts = facts;
        if (problems) entry.problems = entry.problems.concat(problems);
      }
      return;
    }
    const key = parsed.entryNumber ?? (isBlankCell(cell) ? null : `\u0000${cell.trim()}`);
    const found = key === null ? -1 : byKey.firstOrAdd(key, entries.length);
    const index = found >= 0 ? found : entries.length;
    let entry: InputEntry;
    let merged: MergedEntryFacts;
    if (found >= 0) {
      entry = entries[index]!;
      merged = mergeNotes.get(index) ?? startMergedFacts(entry.facts as EntryFacts, entry.row, null);
      factReader!.readInto(row, line, merged);
      entry.rowCount++;
    } else {
      merged = startMergedFacts({}, line, null);
      factReader!.readInto(row, line, merged);
      entry = addEntry(line, cell, parsed);
      entry.facts = merged.facts;
    }
    keepNotes(index, merged);
    if (key !== null) {
      lastMerged = merged;
      lastEntry = entry;
      lastIndex = index;
    }
  }

  function countLineEnds(text: string, end: number): number {
    let count = 0;
    for (let at = text.indexOf('\n'); at >= 0 && at < end; at = text.indexOf('\n', at + 1)) count++;
    return count;
  }

  /** Cells of one line of an unquoted window, refilled for each line: handleRow keeps none of them. */
  const lineCells: string[] = [];

  /**
   * A window without a quote, read as papaparse's fast mode reads it (lines at LF, cells at the delimiter) without its
   * copy of every line and one array per row; a CR before the LF ends the line too.
   */
  function parseUnquotedWindow(text: string, final: boolean): string {
    let start = 0;
    // The next delimiter is kept between lines: searching from each line would rescan a window without one per line.
    let nextDelimiter = text.indexOf(delimiterInUse);
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) {
        if (!final) break;
        end = text.length;
      }
      const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      const line = nextLine++;
      if (rowIndex++ < skipRows) {
        if (rowIndex === skipRows && hasHeader) headerRow = line;
      } else {
        let cellStart = start;
        let count = 0;
        if (nextDelimiter >= 0 && nextDelimiter < start) nextDelimiter = text.indexOf(delimiterInUse, start);
        while (nextDelimiter >= 0 && nextDelimiter < lineEnd) {
          lineCells[count++] = text.slice(cellStart, nextDelimiter);
          cellStart = nextDelimiter + 1;
          nextDelimiter = text.indexOf(delimiterInUse, cellStart);
        }
        lineCells[count++] = text.slice(cellStart, lineEnd);
        // Set only when it changes: the lines of one file mostly have as many cells.
        if (lineCells.length !== count) lineCells.length = count;
        handleRow(lineCells, line);
      }
      start = end + 1;
    }
    return final ? '' : text.slice(start);
  }

  function parseWindow(raw: string, final: boolean): string {
    if (raw.indexOf('"') < 0) return parseUnquotedWindow(raw, final);
    const text = withLfLineEnds(raw);
    const results = parser!.parse(text, 0, !final);
    const rows = results.data as string[][];
    const cursor = final ? text.length : (results.meta.cursor as number);
    // The line end of the last line is not one more (empty) line.
    if (final && text.endsWith('\n') && rows.length > 0 && rows[rows.length - 1]!.length === 1 && rows[rows.length - 1]![0] === '') rows.pop();
    // Only quoted cells can hold line ends; look for them only when the line ends outnumber the rows.
    const lineEnds = countLineEnds(text, cursor);
    const multiLine = lineEnds > rows.length || (lineEnds === rows.length && final && !text.endsWith('\n'));
    for (const row of rows) {
      const line = nextLine;
      nextLine++;
      if (multiLine) for (const cell of row) for (let at = cell.indexOf('\n'); at >= 0; at = cell.indexOf('\n', at + 1)) nextLine++;
      if (rowIndex++ < skipRows) {
        if (rowIndex === skipRows && hasHeader) headerRow = line;
        continue;
      }
      handleRow(row, line);
      if (multiLine) recoverSwallowedRows(row, line);
    }
    return final ? '' : text.substring(cursor);
  }

  /**
   * A stray quote (a formula typed by hand, `=HYPERLINK("…","…")`) opens a cell that runs over the next rows. Lines inside
   * such a cell that hold an entry number in the entry column are read as the rows the user meant, so no entry is lost.
   */
  function recoverSwallowedRows(row: string[], line: number): void {
    let lineOffset = 0;
    for (let column = 0; column < row.length; column++) {
      const cell = row[column]!;
      if (!cell.includes('\n')) continue;
      const segments = cell.split('\n');
      if (column !== entryColumn) {
        for (let index = 1; index < segments.length; index++) {
          const segment = segments[index]!;
          if (!findEntryNumbersInText(segment).some((match) => match.checkDigitValid)) continue;
          const cells = (Papa.parse<string[]>(segment, { delimiter: delimiterInUse, quoteChar: '\u0000' }).data[0] ?? []).map((each) => each.replace(/^"|"$/g, ''));
          // A line of several cells with an entry number where the entry column is: a row, not a note listing numbers.
          if (cells.length >= 2 && parseCell(cells[entryColumn] ?? '').entryNumber !== null) handleRow(cells, line + lineOffset + index);
        }
      }
      lineOffset += segments.length - 1;
    }
  }

  function processColumns(text: string, final: boolean): void {
    // Parse in windows so each batch of rows dies young, even when given one huge string.
    // Windows advance by offset: re-slicing the remainder each time would copy it again per window.
    let start = 0;
    let left = '';
    while (left.length + text.length - start > windowSize) {
      const cut = text.lastIndexOf('\n', start + windowSize - left.length);
      if (cut < start) break;
      left = parseWindow(left + text.slice(start, cut + 1), false);
      start = cut + 1;
    }
    carry = parseWindow(left + text.slice(start), final);
  }

  function processFreeText(raw: string, final: boolean): void {
    const text = withLfLineEnds(raw);
    const cut = final ? text.length : text.lastIndexOf('\n') + 1;
    const matches = findEntryNumbersInText(cut === text.length ? text : text.slice(0, cut));
    // The next line end is kept between matches: searching again from each match rescanned a long line per match.
    let lineEnd = text.indexOf('\n');
    for (const match of matches) {
      for (; lineEnd >= 0 && lineEnd < match.start; lineEnd = text.indexOf('\n', lineEnd + 1)) nextLine++;
      const input = text.slice(match.start, match.end);
      const parsed = parseEntryNumber(input);
      addEntry(nextLine, input, parsed);
    }
    for (; lineEnd >= 0 && lineEnd < cut; lineEnd = text.indexOf('\n', lineEnd + 1)) nextLine++;
    // The last line has no line end: count it too.
    if (final && text.length > 0 && !text.endsWith('\n')) nextLine++;
    carry = text.slice(cut);
  }

  function process(text: string, final: boolean): void {
    if (decision!.kind === 'free-text') processFreeText(text, final);
    else processColumns(text, final);
  }

  function decide(final: boolean): void {
    const kind = binaryKind(sample);
    if (kind) throw new InputError('binary', binaryMessages[kind]);
    const cut = sample.lastIndexOf('\n');
    // A first line longer than the sample is decided on as it is.
    if (!final && cut < 0 && sample.length < 16 * sampleSize) return;
    const complete = final || cut < 0 ? sample : sample.slice(0, cut + 1);
    if (!final && !/\S/.test(complete)) return;
    // Decided on the first 1 MB at most, as when text arrives in pieces: a 10 MB first line was scanned whole several times.
    // LF line ends at most halve the text, so the first 2 MB give that first 1 MB.
    const limit = 16 * sampleSize;
    const head = withLfLineEnds(complete.length > 2 * limit ? complete.slice(0, 2 * limit) : complete);
    const clipped = head.length > limit || complete.length > 2 * limit;
    decision = decideLayout(clipped ? head.slice(0, limit) : head, final || cut < 0 || clipped);
    if (!decision) {
      if (final || sample.length >= 16 * sampleSize) throw noEntryNumbers();
      return;
    }
    if (decision.kind === 'columns') {
      skipRows = decision.skipRows;
      hasHeader = decision.hasHeader;
      entryColumn = decision.columns.entryNumber!;
      readsFacts = hasFactColumns(decision.columns);
      // One row per tariff line is what makes repeated entries lines of one entry rather than duplicates.
      mergesRows = readsFacts && decision.columns.htsNumber !== undefined;
      delimiterInUse = decision.delimiter;
      parser = new Papa.Parser({ delimiter: decision.delimiter, newline: '\n' });
      if (readsFacts) factReader = new FactRowReader(decision.columns);
    }
    const text = sample;
    sample = '';
    process(text, final);
  }

  function pushText(chunk: string, final: boolean): void {
    const text = normalise(chunk, final);
    if (!sawText && /\S/.test(text)) sawText = true;
    if (decision) {
      // Re-reading a long unfinished row for every chunk was quadratic: it is read again once as much new text has come.
      if (!final && carry.length > windowSize && heldBack.length + text.length < carry.length) {
        heldBack += text;
        return;
      }
      const held = heldBack;
      heldBack = '';
      process(carry + held + text, final);
      return;
    }
    sample += text;
    if (final ? sawText : sample.length >= sampleSize) decide(final);
  }

  return {
    pushChunk(text: string): void {
      if (text.length > 0) pushText(text, false);
    },
    finish(): ReadResult {
      pushText('', true);
      if (!sawText) throw new InputError('empty', 'the input is empty');
      if (!decision) throw noEntryNumbers();
      // Only merged entries have more than one line.
      if (mergesRows) {
        for (const entry of entries) {
          const lines = entry.facts.tariffLines;
          // Arrays grown by push keep spare capacity; an exact copy halves what a million lines hold.
          if (lines && lines.length > exactLines) (entry.facts as EntryFacts).tariffLines = lines.slice();
        }
      }
      for (const [index, merged] of mergeNotes) {
        if (merged.problems) entries[index]!.problems = entries[index]!.problems.concat(merged.problems);
      }
      const layout: InputLayout =
        decision.kind === 'free-text'
          ? { kind: 'free-text' }
          : { kind: 'columns', delimiter: decision.delimiter, headerRow, columns: decision.columns, readsFacts, mergesRows };
      return { entries, layout, lineCount: nextLine - 1 };
    },
    get linesRead(): number {
      return nextLine - 1;
    },
  };
}

/** Read a whole small input (pasted text, a dropped file's text). */
export function readInputText(text: string, options: InputReaderOptions = {}): ReadResult {
  const reader = createInputReader(options);
  reader.pushChunk(text);
  return reader.finish();
}

/** Read a stream of text chunks (a file read piece by piece) without holding its lines. */
export async function readInputChunks(
  chunks: AsyncIterable<string> | Iterable<string>,
  options: InputReaderOptions = {},
): Promise<ReadResult> {
  const reader = createInputReader(options);
  for await (const chunk of chunks) reader.pushChunk(chunk);
  return reader.finish();
}
