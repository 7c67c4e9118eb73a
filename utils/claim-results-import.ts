import Papa from 'papaparse';
import { aceErrorToReason } from './ace-error-texts';
import type { CalendarDate } from './calendar-date';
import { findEntryNumbersInText, parseEntryNumber } from './entry-number';
import { problemMessage } from './entry-problems';
import { headerKey } from './header-name';
import type { HistoryDb } from './history-db';
import { normalizeClaimNumber } from './history-keys';
import type { AceClaimStatus, ClaimEntryRecord, ClaimRecord, ClaimSource, EntryOutcome, IsoTimestamp } from './history-schema';
import { saveClaims, type ClaimWithEntries, type SaveClaimsResult } from './history-store';
import { parseFactDate } from './parse-fact-values';
import { runAllSteps, type WorkSteps } from './work-steps';

/**
 * What ACE's CAPE tab lets the user download (domain.md §2): the Validation Result File of an upload (file and row
 * errors), the Claim Details file (each entry's outcome and error text), and a list of claims with their status.
 * Nobody outside ACE has seen the real files, so columns are found by loose header names and anything unread is reported.
 */
export type AceResultFileKind = 'validation-result' | 'claim-details' | 'claim-status';

export interface AceResultFile {
  name: string;
  text: string;
  /** The claim number the user gives for a file that does not name one (e.g. a Validation Result File). */
  claimNumber?: string;
}

/** A table already split into cells: a parsed file, or a table read off a CAPE page. */
export interface AceResultTable {
  name: string;
  rows: readonly (readonly string[])[];
  claimNumber?: string;
}

export interface ImportMessage {
  /** File name, or "typed entries" for hand entry. */
  source: string;
  /** 1-based line in the file or pasted text. */
  row?: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

/** An error ACE reported that belongs to no claim: a file-level error, or a row rejected before a claim number existed. */
export interface UploadError {
  source: string;
  row: number;
  /** Normal form, or null for a file-level error or an unreadable entry number. */
  entryNumber: string | null;
  /** The entry cell as written, when there was one. */
  input?: string;
  aceErrorText: string;
  reasonCode: string;
}

export interface ImportedFileSummary {
  name: string;
  kind: AceResultFileKind;
  /** Data rows (not blank, not the header). */
  rowsRead: number;
  /** Rows that went into a claim or an upload error. */
  rowsUsed: number;
  claimNumbers: string[];
  /** The file names no claim: give its claim number (AceResultFile.claimNumber) to record its entries. */
  needsClaimNumber: boolean;
}

export interface ClaimResultsImport {
  /** Ready for saveClaims: merged per claim across every file given. */
  claims: ClaimWithEntries[];
  uploadErrors: UploadError[];
  files: ImportedFileSummary[];
  messages: ImportMessage[];
}

export interface ImportOptions {
  /** Timestamp the imported records carry (the newer record wins when merged). */
  importedAt: IsoTimestamp;
  /** How the claims reached history: a downloaded file (imported) or a CAPE page the overlay read (captured). */
  source?: ClaimSource;
}

type Role =
  | 'claimNumber'
  | 'entryNumber'
  | 'entryStatus'
  | 'claimStatus'
  | 'uploadStatus'
  | 'fileName'
  | 'errorText'
  | 'errorCode'
  | 'rowNumber'
  | 'filedDate'
  | 'importerNumber'
  | 'filerCode'
  | 'entryCount'
  | 'acceptedCount'
  | 'rejectedCount';

/** Header names per column, as headerKey folds them ("Claim #" → "claim number"); guesses, since the real files are unseen. */
const headerSynonyms: Record<Role, string[]> = {
  claimNumber: ['claim number', 'cape claim number', 'claim', 'claim id', 'cape claim id', 'claim no', 'cape claim no', 'claim nbr', 'claim num', 'cape claim'],
  entryNumber: ['entry number', 'entry summary number', 'entry', 'entry no', 'entry summary no', 'entry num', 'entry nbr', 'entry id', 'entry summary', 'entry summary nbr'],
  entryStatus: ['status', 'entry status', 'outcome', 'entry outcome', 'result', 'entry result', 'validation status', 'validation result', 'disposition', 'row status', 'record status', 'processing status'],
  claimStatus: ['claim status', 'cape claim status', 'claim outcome', 'claim result', 'declaration status'],
  uploadStatus: ['upload status', 'file status', 'job status', 'upload result'],
  fileName: ['file name', 'filename', 'uploaded file', 'upload file name', 'file'],
  errorText: ['error', 'errors', 'error text', 'error message', 'error messages', 'error description', 'error desc', 'error details', 'error detail', 'error msg', 'message', 'messages', 'reason', 'rejection reason', 'reject reason', 'error reason', 'validation error', 'validation errors', 'validation message', 'description', 'comments', 'remarks', 'details'],
  errorCode: ['error code', 'code', 'reason code', 'error number', 'error id', 'error cd', 'message code'],
  rowNumber: ['row', 'row number', 'row no', 'row num', 'line', 'line number', 'line no', 'record', 'record number', 'record no', 'sequence', 'sequence number', 'seq', 'seq no'],
  filedDate: ['filed date', 'filing date', 'date filed', 'submission date', 'submitted date', 'date submitted', 'submit date', 'upload date', 'uploaded date', 'date uploaded', 'claim date', 'created date', 'create date', 'date created', 'received date', 'date received', 'declaration date', 'filed on', 'submitted on'],
  importerNumber: ['importer number', 'importer of record number', 'ior number', 'ior', 'importer', 'importer of record', 'ior no', 'importer no', 'importer id'],
  filerCode: ['filer code', 'filer', 'filer id'],
  entryCount: ['entry count', 'number of entries', 'total entries', 'entries', 'entries count', 'total entry count', 'entries total'],
  acceptedCount: ['accepted', 'accepted count', 'accepted entries', 'entries accepted', 'number accepted'],
  rejectedCount: ['rejected', 'rejected count', 'rejected entries', 'entries rejected', 'number rejected'],
};

const synonymRole = new Map<string, Role>();
for (const [role, names] of Object.entries(headerSynonyms) as [Role, string[]][]) for (const name of names) synonymRole.set(name, role);

/** Looser fallbacks for headers no synonym names, e.g. "CAPE Claim Reference Number". */
function fuzzyRole(key: string): Role | undefined {
  const words = key.split(' ');
  const has = (word: string) => words.includes(word);
  const numberish = has('number') || has('no') || has('nbr') || has('num') || has('id') || has('reference');
  if (has('claim') && has('status')) return 'claimStatus';
  if (has('claim') && numberish && !has('date')) return 'claimNumber';
  if (has('entry') && numberish && !has('type') && !has('date') && !has('line')) return 'entryNumber';
  if (has('error') && (has('code') || has('cd'))) return 'errorCode';
  if (has('error') || has('message') || has('reason')) return 'errorText';
  if (has('status') || has('outcome')) return 'entryStatus';
  if (has('date') && (has('filed') || has('submission') || has('submitted') || has('upload'))) return 'filedDate';
  return undefined;
}

type ColumnMap = Partial<Record<Role, number>>;

function mapColumns(cells: readonly string[]): ColumnMap {
  const columns: ColumnMap = {};
  const keys = cells.map(headerKey);
  keys.forEach((key, index) => {
    const role = synonymRole.get(key);
    if (role && columns[role] === undefined) columns[role] = index;
  });
  keys.forEach((key, index) => {
    if (key === '' || synonymRole.has(key)) return;
    const role = fuzzyRole(key);
    if (role && columns[role] === undefined) columns[role] = index;
  });
  // A lone "Status" in a list of claims (no entry column) is the claim's status; in a list of uploaded files, the upload's.
  if (columns.entryNumber === undefined && columns.entryStatus !== undefined && columns.claimStatus === undefined) {
    if (columns.fileName !== undefined) columns.uploadStatus ??= columns.entryStatus;
    else columns.claimStatus = columns.entryStatus;
    delete columns.entryStatus;
  }
  return columns;
}

function isHeaderRow(columns: ColumnMap): boolean {
  return columns.entryNumber !== undefined || (columns.claimNumber !== undefined && Object.keys(columns).length >= 2);
}

/** Entry outcome from ACE's words; in a Validation Result File "passed" means only that validation passed. */
export function entryOutcomeFromText(text: string, kind: AceResultFileKind): EntryOutcome | null {
  const key = headerKey(text);
  if (key === '') return null;
  if (/\baccept/.test(key)) return 'accepted';
  if (/\b(reject|denied|declined|fail|invalid|error)/.test(key)) return 'rejected';
  if (/\b(pending|process|progress|submitted|received|review|queued|hold|waiting|open)/.test(key)) return 'pending';
  if (/\b(pass|passed|valid|success|successful|ok|approved|complete|completed)\b/.test(key)) return kind === 'validation-result' ? 'pending' : 'accepted';
  return null;
}

/** Claim status from ACE's words on the Claim Status tab (domain.md §2: Rejected, Accepted with Error(s), Accepted). */
export function claimStatusFromText(text: string): AceClaimStatus {
  const key = headerKey(text);
  if (/\baccept/.test(key) && /\berror/.test(key)) return 'accepted-with-errors';
  if (/\baccept/.test(key)) return 'accepted';
  if (/\b(reject|fail)/.test(key)) return 'rejected';
  if (/\b(pending|process|progress|submitted|received|review|queued|validat)/.test(key)) return 'pending';
  return 'unknown';
}

/**
 * A claim's status from its complete list of entry outcomes, matching ACE's three statuses (domain.md §2):
 * all accepted, all rejected, or some of each.
 */
function statusFromOutcomes(outcomes: Iterable<EntryOutcome>): AceClaimStatus {
  let accepted = 0;
  let rejected = 0;
  let pending = 0;
  for (const outcome of outcomes) {
    if (outcome === 'accepted') accepted++;
    else if (outcome === 'rejected') rejected++;
    else pending++;
  }
  if (pending > 0 || accepted + rejected === 0) return 'pending';
  if (rejected === 0) return 'accepted';
  return accepted === 0 ? 'rejected' : 'accepted-with-errors';
}

interface ClaimDraft {
  claim: Omit<ClaimRecord, 'aceStatus' | 'updatedAt' | 'source' | 'notes'> & { aceStatus?: AceClaimStatus };
  entries: Map<string, { outcome: EntryOutcome; errors: string[] }>;
  /** Every entry of the claim was listed (Claim Details), so counts and status can be derived. */
  complete: boolean;
}

class ImportCollector {
  readonly claims = new Map<string, ClaimDraft>();
  readonly uploadErrors: UploadError[] = [];
  readonly messages: ImportMessage[] = [];

  draft(claimNumber: string): ClaimDraft {
    let draft = this.claims.get(claimNumber);
    if (!draft) {
      draft = { claim: { claimNumber }, entries: new Map(), complete: false };
      this.claims.set(claimNumber, draft);
    }
    return draft;
  }

  addEntry(claimNumber: string, entryNumber: string, outcome: EntryOutcome, errorText: string): void {
    const entries = this.draft(claimNumber).entries;
    const known = entries.get(entryNumber);
    if (!known) {
      entries.set(entryNumber, { outcome, errors: errorText ? [errorText] : [] });
      return;
    }
    // One entry on several rows or files: any rejection counts; otherwise a decision beats pending.
    if (outcome === 'rejected' || (outcome === 'accepted' && known.outcome === 'pending')) known.outcome = outcome;
    if (errorText && !known.errors.includes(errorText)) known.errors.push(errorText);
  }

  message(source: string, row: number | undefined, severity: ImportMessage['severity'], message: string): void {
    this.messages.push(row === undefined ? { source, severity, message } : { source, row, severity, message });
  }

  result(files: ImportedFileSummary[], importedAt: IsoTimestamp, notes = '', source: ClaimSource = 'imported'): ClaimResultsImport {
    const claims: ClaimWithEntries[] = [];
    for (const draft of this.claims.values()) {
      const entries: ClaimEntryRecord[] = [...draft.entries].map(([entryNumber, { outcome, errors }]) => {
        const record: ClaimEntryRecord = { claimNumber: draft.claim.claimNumber, entryNumber, outcome, updatedAt: importedAt };
        if (errors.length > 0) record.aceErrorText = errors.join('; ');
        return record;
      });
      const claim: ClaimRecord = { ...draft.claim, aceStatus: draft.claim.aceStatus ?? 'unknown', source, notes, updatedAt: importedAt };
      if (draft.complete) {
        claim.aceStatus = draft.claim.aceStatus ?? statusFromOutcomes(entries.map((entry) => entry.outcome));
        claim.entryCount ??= entries.length;
        claim.acceptedCount ??= entries.filter((entry) => entry.outcome === 'accepted').length;
        claim.rejectedCount ??= entries.filter((entry) => entry.outcome === 'rejected').length;
      }
      claims.push({ claim, entries });
    }
    return { claims, uploadErrors: this.uploadErrors, files, messages: this.messages };
  }
}

function cell(cells: readonly string[], column: number | undefined): string {
  return column === undefined ? '' : (cells[column] ?? '').trim();
}

function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((each) => each.trim() === '');
}

/** "Claim Number: C123" in a title line above the header. */
function claimNumberInPreamble(cells: readonly string[]): string | null {
  // One run of spaces before the optional word: two adjacent \s* made a long run of spaces quadratic.
  const match = /\bclaim\s*(?:(?:number|no\.?|#|id)\s*)?[:#]\s*([A-Za-z0-9-]+)/i.exec(cells.join(' '));
  return match ? normalizeClaimNumber(match[1]!) : null;
}

function parseCount(text: string): number | undefined {
  const digits = text.replace(/[,\s]/g, '');
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
}

function detectKind(name: string, headerCells: readonly string[], columns: ColumnMap): AceResultFileKind {
  const hint = headerKey(`${name} ${headerCells.join(' ')}`);
  if (columns.entryNumber === undefined) return 'claim-status';
  if (/\bvalidation\b/.test(hint)) return 'validation-result';
  if (/\bclaim details?\b/.test(hint)) return 'claim-details';
  return columns.entryStatus !== undefined ? 'claim-details' : 'validation-result';
}

/** Reasons a text cannot be a CSV the user downloaded; null when it looks like text. */
function unreadableReason(text: string): string | null {
  if (text.startsWith('PK\u0003\u0004')) return 'it is an Excel workbook (.xlsx), not a CSV. Open it in Excel and save it as "CSV (Comma delimited)"';
  if (text.includes('\u0000')) return 'it is not a text (CSV) file';
  return null;
}

function emptySummary(name: string): ImportedFileSummary {
  return { name, kind: 'validation-result', rowsRead: 0, rowsUsed: 0, claimNumbers: [], needsClaimNumber: false };
}

function readFile(file: AceResultFile, collector: ImportCollector): ImportedFileSummary {
  const source = file.name;
  const summary = emptySummary(source);
  const unreadable = unreadableReason(file.text);
  if (unreadable) {
    collector.message(source, undefined, 'error', `${source} could not be read: ${unreadable}.`);
    return summary;
  }
  const parsed = Papa.parse<string[]>(file.text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  for (const error of parsed.errors.slice(0, 5)) {
    if (error.code === 'UndetectableDelimiter') continue;
    collector.message(source, error.row === undefined ? undefined : error.row + 1, 'warning', `${source}: ${error.message}; the row was read as well as possible.`);
  }
  return runAllSteps(readTableSteps({ name: file.name, rows: parsed.data, ...(file.claimNumber === undefined ? {} : { claimNumber: file.claimNumber }) }, collector, summary));
}

/** Data rows read per step when a table is read a few steps per task (a CAPE page's claim of 9,999 entries). */
const rowsPerStep = 200;

/** Reads one table of cells, from a CSV file or from a CAPE page's own table (the overlay's claim capture). */
function* readTableSteps(table: AceResultTable, collector: ImportCollector, summary: ImportedFileSummary = emptySummary(table.name)): WorkSteps<ImportedFileSummary> {
  const source = table.name;
  const rows = table.rows;
  const givenClaimNumber = table.claimNumber === undefined || table.claimNumber.trim() === '' ? null : normalizeClaimNumber(table.claimNumber);
  if (table.claimNumber !== undefined && table.claimNumber.trim() !== '' && givenClaimNumber === null) {
    collector.message(source, undefined, 'error', `The claim number given for ${source}, "${table.claimNumber.trim()}", has characters other than letters, digits and dashes.`);
  }

  let headerIndex = -1;
  let columns: ColumnMap = {};
  let preambleClaimNumber: string | null = null;
  for (let index = 0; index < Math.min(rows.length, 20); index++) {
    const cells = rows[index]!;
    if (isBlankRow(cells)) continue;
    const candidate = mapColumns(cells);
    if (isHeaderRow(candidate)) {
      headerIndex = index;
      columns = candidate;
      break;
    }
    preambleClaimNumber ??= claimNumberInPreamble(cells);
  }
  if (headerIndex < 0) {
    collector.message(
      source,
      undefined,
      'error',
      `${source} has no header row naming an entry number or claim number column (looked for headers such as "Entry Number", "Claim Number", "Status", "Error Message"). Nothing was read from it.`,
    );
    return summary;
  }
  const headerCells = rows[headerIndex]!;
  summary.kind = detectKind(source, headerCells, columns);
  const ignored = headerCells.map((each) => each.trim()).filter((each, index) => each !== '' && !Object.values(columns).includes(index));
  if (ignored.length > 0) collector.message(source, headerIndex + 1, 'info', `${source}: columns not used: ${ignored.map((each) => `"${each}"`).join(', ')}.`);

  const fileClaimNumber = givenClaimNumber ?? preambleClaimNumber;
  const claimNumbers = new Set<string>();
  let unassigned = 0;
  for (let index = headerIndex + 1; index < rows.length; index++) {
    if ((index - headerIndex) % rowsPerStep === 0) yield;
    const cells = rows[index]!;
    if (isBlankRow(cells)) continue;
    const row = index + 1;
    summary.rowsRead++;
    const used = summary.kind === 'claim-status'
      ? readClaimStatusRow(cells, row, columns, source, collector, claimNumbers)
      : readEntryRow(cells, row, columns, summary.kind, source, fileClaimNumber, collector, claimNumbers);
    if (used === 'unassigned') unassigned++;
    else if (used) summary.rowsUsed++;
  }
  if (unassigned > 0) {
    summary.needsClaimNumber = true;
    collector.message(
      source,
      undefined,
      'warning',
      `${source} does not say which claim its ${unassigned} entr${unassigned === 1 ? 'y belongs' : 'ies belong'} to. Enter the claim number ACE gave this upload to record ${unassigned === 1 ? 'it' : 'them'}.`,
    );
  }
  if (summary.rowsRead === 0) collector.message(source, undefined, 'warning', `${source} has a header row but no data rows.`);
  summary.claimNumbers = [...claimNumbers];
  return summary;
}

function readClaimNumberCell(cells: readonly string[], row: number, columns: ColumnMap, source: string, collector: ImportCollector): string | null | undefined {
  const text = cell(cells, columns.claimNumber);
  if (text === '') return undefined;
  const claimNumber = normalizeClaimNumber(text);
  if (claimNumber === null) {
    collector.message(source, row, 'error', `Row ${row}: claim number "${text}" has characters other than letters, digits and dashes; the row was skipped.`);
  }
  return claimNumber;
}

function readClaimFields(draft: ClaimDraft, cells: readonly string[], row: number, columns: ColumnMap, source: string, collector: ImportCollector): void {
  const dateText = cell(cells, columns.filedDate);
  if (dateText !== '') {
    const filedDate: CalendarDate | null | undefined = parseFactDate(dateText);
    if (filedDate) draft.claim.filedDate ??= filedDate;
    else collector.message(source, row, 'warning', `Row ${row}: filed date "${dateText}" is not a date (YYYY-MM-DD or MM/DD/YYYY); it was left unknown.`);
  }
  const importerNumber = cell(cells, columns.importerNumber);
  if (importerNumber !== '') draft.claim.importerNumber ??= importerNumber;
  const filerCode = cell(cells, columns.filerCode);
  if (filerCode !== '') draft.claim.filerCode ??= filerCode.toUpperCase();
  // An accepted upload says the claim exists, not how ACE decided it (that is on Claim Status); a rejected one is the claim's end.
  const uploadStatusText = cell(cells, columns.uploadStatus);
  if (uploadStatusText !== '' && claimStatusFromText(uploadStatusText) === 'rejected' && draft.claim.aceStatus === undefined) {
    draft.claim.aceStatus = 'rejected';
    draft.claim.aceStatusText = uploadStatusText;
  }
  const statusText = cell(cells, columns.claimStatus);
  if (statusText !== '') {
    draft.claim.aceStatus = claimStatusFromText(statusText);
    draft.claim.aceStatusText = statusText;
    if (draft.claim.aceStatus === 'unknown') collector.message(source, row, 'warning', `Row ${row}: claim status "${statusText}" is not one this tool knows; it was kept as ACE wrote it.`);
  }
}

function readClaimStatusRow(
  cells: readonly string[],
  row: number,
  columns: ColumnMap,
  source: string,
  collector: ImportCollector,
  claimNumbers: Set<string>,
): boolean {
  const claimNumber = readClaimNumberCell(cells, row, columns, source, collector);
  if (claimNumber === undefined) {
    collector.message(source, row, 'warning', `Row ${row}: no claim number; the row was skipped.`);
    return false;
  }
  if (claimNumber === null) return false;
  const draft = collector.draft(claimNumber);
  readClaimFields(draft, cells, row, columns, source, collector);
  for (const role of ['entryCount', 'acceptedCount', 'rejectedCount'] as const) {
    const text = cell(cells, columns[role]);
    if (text === '') continue;
    const count = parseCount(text);
    if (count === undefined) collector.message(source, row, 'warning', `Row ${row}: "${text}" is not a number of entries; it was left unknown.`);
    else draft.claim[role] = count;
  }
  claimNumbers.add(claimNumber);
  return true;
}

function readEntryRow(
  cells: readonly string[],
  row: number,
  columns: ColumnMap,
  kind: AceResultFileKind,
  source: string,
  fileClaimNumber: string | null,
  collector: ImportCollector,
  claimNumbers: Set<string>,
): boolean | 'unassigned' {
  const errorCode = cell(cells, columns.errorCode);
  const errorMessage = cell(cells, columns.errorText);
  const errorText = errorCode && errorMessage ? `${errorCode}: ${errorMessage}` : errorCode || errorMessage;
  const input = cell(cells, columns.entryNumber);
  const ownClaimNumber = readClaimNumberCell(cells, row, columns, source, collector);
  if (ownClaimNumber === null) return false;
  const claimNumber = ownClaimNumber ?? fileClaimNumber;

  let entryNumber: string | null = null;
  if (input !== '') {
    const parsed = parseEntryNumber(input);
    entryNumber = parsed.entryNumber;
    for (const problem of parsed.problems) {
      collector.message(source, row, entryNumber === null ? 'error' : 'info', problemMessage(problem, row));
    }
  }
  if (entryNumber === null) {
    if (errorText === '') {
      if (input === '') collector.message(source, row, 'warning', `Row ${row}: no entry number and no error; the row was skipped.`);
      return false;
    }
    // A file-level error, or an entry ACE refused before it reached a claim.
    collector.uploadErrors.push({
      source,
      row,
      entryNumber: null,
      ...(input === '' ? {} : { input }),
      aceErrorText: errorText,
      reasonCode: aceErrorToReason(errorText).code,
    });
    return true;
  }

  const statusText = cell(cells, columns.entryStatus);
  let outcome = entryOutcomeFromText(statusText, kind);
  if (outcome === null) {
    if (statusText !== '') collector.message(source, row, 'warning', `Row ${row}: status "${statusText}" is not one this tool knows; ${entryNumber} was kept as pending.`);
    outcome = errorText !== '' ? 'rejected' : 'pending';
  }

  if (claimNumber === null) {
    if (outcome !== 'rejected') return 'unassigned';
    collector.uploadErrors.push({ source, row, entryNumber, input, aceErrorText: errorText, reasonCode: aceErrorToReason(errorText).code });
    return true;
  }
  const draft = collector.draft(claimNumber);
  if (kind === 'claim-details') draft.complete = true;
  readClaimFields(draft, cells, row, columns, source, collector);
  collector.addEntry(claimNumber, entryNumber, outcome, outcome === 'accepted' ? '' : errorText);
  claimNumbers.add(claimNumber);
  return true;
}

/**
 * Reads any number of files downloaded from ACE's CAPE tab at once, merging per claim.
 * Never throws on file content: whatever could not be read is in `messages`, named by file and row.
 */
export function parseAceResultFiles(files: readonly AceResultFile[], options: ImportOptions): ClaimResultsImport {
  const collector = new ImportCollector();
  const summaries = files.map((file) => readFile(file, collector));
  return collector.result(summaries, options.importedAt);
}

/** Reads tables read off CAPE pages (File Uploads, Claim Status, claim details) as the files ACE offers for download. */
export function* parseAceResultTables(tables: readonly AceResultTable[], options: ImportOptions): WorkSteps<ClaimResultsImport> {
  const collector = new ImportCollector();
  const summaries: ImportedFileSummary[] = [];
  for (const table of tables) summaries.push(yield* readTableSteps(table, collector));
  return collector.result(summaries, options.importedAt, '', options.source);
}

export interface HandEntryInput {
  claimNumber: string;
  /** Pasted entry numbers, one or more per line; a line with one entry may add "accepted", "rejected" or "pending" and ACE's error text. */
  entriesText: string;
  filedDate?: string;
  importerNumber?: string;
  notes?: string;
  /** Outcome of entries whose line does not say (default pending). */
  outcome?: EntryOutcome;
}

const handEntrySource = 'typed entries';

function outcomeWord(text: string): { outcome: EntryOutcome | null; rest: string } {
  const match = /\b(accepted|accept|rejected|reject|pending)\b/i.exec(text);
  if (!match) return { outcome: null, rest: text };
  const word = match[1]!.toLowerCase();
  const outcome: EntryOutcome = word.startsWith('accept') ? 'accepted' : word.startsWith('reject') ? 'rejected' : 'pending';
  return { outcome, rest: `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}` };
}

/** Spaces and list punctuation trimmed from both ends, by hand: the regex /[…]+$/ is quadratic on a long run inside. */
function trimPunctuation(text: string): string {
  const isPunctuation = (character: string) => /[\s,;:|-]/.test(character);
  let start = 0;
  let end = text.length;
  while (start < end && isPunctuation(text[start]!)) start++;
  while (end > start && isPunctuation(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** Hand entry: a claim number and its entries typed or pasted (from an e-mail, a PDF, a spreadsheet column). */
export function parseHandEntry(input: HandEntryInput, options: ImportOptions): ClaimResultsImport {
  const collector = new ImportCollector();
  const claimNumber = normalizeClaimNumber(input.claimNumber);
  if (claimNumber === null) {
    collector.message(handEntrySource, undefined, 'error', input.claimNumber.trim() === '' ? 'Enter the claim number ACE gave.' : `Claim number "${input.claimNumber.trim()}" may have only letters, digits and dashes.`);
    return collector.result([], options.importedAt);
  }
  const draft = collector.draft(claimNumber);
  if (input.filedDate !== undefined && input.filedDate.trim() !== '') {
    const filedDate = parseFactDate(input.filedDate);
    if (filedDate) draft.claim.filedDate = filedDate;
    else collector.message(handEntrySource, undefined, 'warning', `Filed date "${input.filedDate.trim()}" is not a date (YYYY-MM-DD or MM/DD/YYYY); it was left unknown.`);
  }
  if (input.importerNumber?.trim()) draft.claim.importerNumber = input.importerNumber.trim();
  draft.complete = true;

  const firstRow = new Map<string, number>();
  input.entriesText.split(/\r\n|\r|\n/).forEach((line, index) => {
    const row = index + 1;
    if (line.trim() === '') return;
    let found = findEntryNumbersInText(line).map((match) => ({ entryNumber: match.entryNumber, valid: match.checkDigitValid, start: match.start, end: match.end }));
    if (found.length === 0) {
      const parsed = parseEntryNumber(line);
      for (const problem of parsed.problems) collector.message(handEntrySource, row, parsed.entryNumber === null ? 'error' : 'info', problemMessage(problem, row));
      if (parsed.entryNumber === null) return;
      found = [{ entryNumber: parsed.entryNumber, valid: true, start: 0, end: line.length }];
    }
    const rest = found.length === 1 ? `${line.slice(0, found[0]!.start)} ${line.slice(found[0]!.end)}` : '';
    const { outcome, rest: errorPart } = outcomeWord(rest);
    const errorText = trimPunctuation(errorPart);
    for (const each of found) {
      if (!each.valid) {
        const parsed = parseEntryNumber(each.entryNumber);
        for (const problem of parsed.problems) collector.message(handEntrySource, row, 'error', problemMessage(problem, row));
        continue;
      }
      const earlier = firstRow.get(each.entryNumber);
      if (earlier !== undefined) collector.message(handEntrySource, row, 'info', `Row ${row}: ${each.entryNumber} is already on row ${earlier}; it is kept once.`);
      else firstRow.set(each.entryNumber, row);
      const entryOutcome = outcome ?? input.outcome ?? 'pending';
      collector.addEntry(claimNumber, each.entryNumber, entryOutcome, entryOutcome === 'rejected' ? errorText : '');
    }
  });
  if (draft.entries.size === 0) collector.message(handEntrySource, undefined, 'warning', 'No entry numbers were found in the pasted text; the claim is saved without entries.');
  return collector.result([], options.importedAt, input.notes?.trim() ?? '');
}

/** Saves an import's claims to the history in one transaction (see saveClaims for the merge rule). */
export function saveClaimResults(db: HistoryDb, results: ClaimResultsImport): Promise<SaveClaimsResult> {
  return saveClaims(db, results.claims);
}
