import type { CalendarDate } from './calendar-date';
import { canonicalJson } from './canonical-json';
import type { HistoryDb } from './history-db';
import { migrateRecord } from './history-migrations';
import { compareTimestamps, recordLabel, recordProblems } from './history-records';
import {
  HISTORY_SCHEMA_VERSION,
  HISTORY_STORE_NAMES,
  type ClaimEntryRecord,
  type ClaimRecord,
  type EntryLedgerRecord,
  type HistoryStoreName,
  type IsoTimestamp,
  type StagedBatchRecord,
} from './history-schema';
import type { MergeCounts } from './history-store';
import { handled, writeTransaction } from './history-write';

export const BACKUP_FORMAT = 'cape-companion-backup';

export interface BackupData {
  claims: ClaimRecord[];
  claimEntries: ClaimEntryRecord[];
  entryLedger: EntryLedgerRecord[];
  stagedBatches: StagedBatchRecord[];
}

/** The one JSON document a backup file holds. */
export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  exportedAt: IsoTimestamp;
  counts: Record<HistoryStoreName, number>;
  /** SHA-256 (hex) of the canonical JSON of `data`. */
  checksum: string;
  data: BackupData;
}

/** Why a backup file was refused; the message says it in plain words. */
export type BackupProblem = 'empty' | 'not-json' | 'truncated' | 'foreign' | 'newer-version' | 'corrupt' | 'checksum-mismatch' | 'invalid-record';

export class BackupImportError extends Error {
  override readonly name = 'BackupImportError';
  readonly reason: BackupProblem;

  constructor(reason: BackupProblem, message: string) {
    super(message);
    this.reason = reason;
  }
}

/** A backup file that passed every check, its records brought to the current schema. */
export interface VerifiedBackup {
  /** The schema version the file was written with. */
  schemaVersion: number;
  exportedAt: IsoTimestamp;
  data: BackupData;
}

export interface BackupImportResult {
  fromSchemaVersion: number;
  exportedAt: IsoTimestamp;
  changes: Record<HistoryStoreName, MergeCounts>;
}

const unchangedNote = 'Nothing was changed.';

export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** `cape-companion-backup-YYYY-MM-DD.json` */
export function backupFileName(today: CalendarDate): string {
  return `cape-companion-backup-${today}.json`;
}

/** Everything in the history as one JSON document (read in one transaction, so it is a consistent snapshot). */
export async function exportBackup(db: HistoryDb, exportedAt: IsoTimestamp = new Date().toISOString()): Promise<string> {
  const transaction = db.transaction([...HISTORY_STORE_NAMES], 'readonly');
  const [claims, claimEntries, entryLedger, stagedBatches] = await Promise.all([
    transaction.objectStore('claims').getAll(),
    transaction.objectStore('claimEntries').getAll(),
    transaction.objectStore('entryLedger').getAll(),
    transaction.objectStore('stagedBatches').getAll(),
  ]);
  const data: BackupData = { claims, claimEntries, entryLedger, stagedBatches };
  const document: BackupDocument = {
    format: BACKUP_FORMAT,
    schemaVersion: HISTORY_SCHEMA_VERSION,
    exportedAt,
    counts: { claims: claims.length, claimEntries: claimEntries.length, entryLedger: entryLedger.length, stagedBatches: stagedBatches.length },
    checksum: await sha256Hex(canonicalJson(data)),
    data,
  };
  return JSON.stringify(document);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseDocument(text: string): Record<string, unknown> {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw new BackupImportError('empty', `The file is empty. Choose the .json file CAPE Companion exported. ${unchangedNote}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    const looksOurs = trimmed.startsWith('{') && trimmed.slice(0, 200).includes(BACKUP_FORMAT);
    if (looksOurs && !trimmed.endsWith('}')) {
      throw new BackupImportError(
        'truncated',
        `This backup file is incomplete: it stops after ${trimmed.length.toLocaleString('en-US')} characters, before its end (an interrupted download or copy). ${unchangedNote} Export the backup again.`,
      );
    }
    if (looksOurs) throw new BackupImportError('corrupt', `This backup file is damaged: it is no longer valid JSON. ${unchangedNote} Use another copy of the backup.`);
    throw new BackupImportError('not-json', `This file is not a CAPE Companion backup (it is not a JSON file). ${unchangedNote}`);
  }
  if (!isObject(parsed) || parsed.format !== BACKUP_FORMAT) {
    const format = isObject(parsed) && typeof parsed.format === 'string' ? ` (its format says "${parsed.format.slice(0, 60)}")` : '';
    throw new BackupImportError('foreign', `This JSON file is not a CAPE Companion backup${format}. ${unchangedNote}`);
  }
  return parsed;
}

function checkVersion(document: Record<string, unknown>): number {
  const version = document.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new BackupImportError('corrupt', `This backup file is damaged: its schema version is missing. ${unchangedNote}`);
  }
  if (version > HISTORY_SCHEMA_VERSION) {
    throw new BackupImportError(
      'newer-version',
      `This backup was made by a newer version of CAPE Companion (history schema ${version}; this one reads up to ${HISTORY_SCHEMA_VERSION}). Update the extension, then import again. ${unchangedNote}`,
    );
  }
  return version;
}

function checkSections(document: Record<string, unknown>): Record<HistoryStoreName, unknown[]> {
  const damaged = (detail: string) => new BackupImportError('corrupt', `This backup file is damaged: ${detail}. ${unchangedNote} Use another copy of the backup.`);
  const { data, counts } = document;
  if (!isObject(data) || !isObject(counts)) throw damaged('its data or counts are missing');
  const unknown = Object.keys(data).find((key) => !(HISTORY_STORE_NAMES as readonly string[]).includes(key));
  if (unknown !== undefined) throw damaged(`it has an unknown section "${unknown.slice(0, 60)}"`);
  const sections = {} as Record<HistoryStoreName, unknown[]>;
  for (const store of HISTORY_STORE_NAMES) {
    const records = data[store];
    if (!Array.isArray(records)) throw damaged(`its ${store} section is missing`);
    if (counts[store] !== records.length) throw damaged(`it says ${String(counts[store])} ${store} records but holds ${records.length}`);
    sections[store] = records;
  }
  if (typeof document.checksum !== 'string') throw damaged('its checksum is missing');
  return sections;
}

function keyText(store: HistoryStoreName, record: Record<string, unknown>): string {
  return store === 'claimEntries' ? `${String(record.claimNumber)}\u0000${String(record.entryNumber)}` : recordLabel(store, record);
}

/** Keeps timestamps comparable as index keys: the same instant always written the same way (UTC). */
function withUtcTimestamps(record: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...record };
  for (const field of ['updatedAt', 'createdAt'] as const) {
    const time = typeof copy[field] === 'string' ? Date.parse(copy[field]) : Number.NaN;
    // A timestamp field a store does not check (createdAt on a claim) is kept as written, not a crash of the import.
    if (!Number.isNaN(time)) copy[field] = new Date(time).toISOString();
  }
  return copy;
}

/**
 * Parses and checks a backup without touching any database: format, version, counts, checksum, and every record's
 * shape (after bringing records of older schema versions up to date). Throws BackupImportError with the reason.
 */
export async function readBackup(text: string): Promise<VerifiedBackup> {
  const document = parseDocument(text);
  const schemaVersion = checkVersion(document);
  const sections = checkSections(document);
  const checksum = await sha256Hex(canonicalJson(document.data));
  if (checksum !== String(document.checksum).toLowerCase()) {
    throw new BackupImportError(
      'checksum-mismatch',
      `This backup file was changed after it was exported (its checksum does not match its contents). ${unchangedNote} Use an unedited copy of the backup.`,
    );
  }
  const problems: string[] = [];
  let problemCount = 0;
  const data = {} as Record<HistoryStoreName, unknown[]>;
  for (const store of HISTORY_STORE_NAMES) {
    const seen = new Set<string>();
    data[store] = sections[store].map((record, index) => {
      const migrated = migrateRecord(store, record, schemaVersion);
      const found = recordProblems[store](migrated);
      const key = isObject(migrated) ? keyText(store, migrated) : '';
      if (found.length === 0 && seen.has(key)) found.push('listed twice');
      seen.add(key);
      if (found.length > 0) {
        problemCount++;
        if (problems.length < 5) problems.push(`${store} record ${index + 1} (${recordLabel(store, migrated) || 'no key'}): ${found.join(', ')}`);
        return migrated;
      }
      return withUtcTimestamps(migrated as Record<string, unknown>);
    });
  }
  if (problemCount > 0) {
    const more = problemCount > problems.length ? `; and ${problemCount - problems.length} more` : '';
    throw new BackupImportError('invalid-record', `This backup has ${problemCount} record(s) that cannot be read: ${problems.join('; ')}${more}. ${unchangedNote}`);
  }
  return { schemaVersion, exportedAt: String(document.exportedAt ?? ''), data: data as unknown as BackupData };
}

function keyOf(store: HistoryStoreName, record: Record<string, unknown>): IDBValidKey {
  switch (store) {
    case 'claims':
      return record.claimNumber as string;
    case 'claimEntries':
      return [record.claimNumber as string, record.entryNumber as string];
    case 'entryLedger':
      return record.entryNumber as string;
    case 'stagedBatches':
      return record.id as string;
  }
}

/**
 * Merges a backup into the history in one transaction: per key the record with the newer `updatedAt` wins
 * (a tie keeps what is there). A file that fails any check changes nothing. Returns what changed per store.
 */
export async function importBackup(db: HistoryDb, text: string): Promise<BackupImportResult> {
  const backup = await readBackup(text);
  const stores = [...HISTORY_STORE_NAMES];
  const changes = await writeTransaction(db, stores, 'the backup', async (transaction) => {
    const result = {} as Record<HistoryStoreName, MergeCounts>;
    await Promise.all(
      stores.map(async (store) => {
        const objectStore = transaction.objectStore(store);
        const records = backup.data[store] as unknown as Record<string, unknown>[];
        const existing = await Promise.all(records.map((record) => handled(objectStore.get(keyOf(store, record) as never))));
        const counts: MergeCounts = { added: 0, updated: 0, unchanged: 0 };
        const puts: Promise<unknown>[] = [];
        records.forEach((record, index) => {
          const current = existing[index] as Record<string, unknown> | undefined;
          if (current === undefined) counts.added++;
          else if (compareTimestamps(String(record.updatedAt), String(current.updatedAt)) > 0 && canonicalJson(record) !== canonicalJson(current)) counts.updated++;
          else {
            counts.unchanged++;
            return;
          }
          puts.push(handled(objectStore.put(record as never)));
        });
        await Promise.all(puts);
        result[store] = counts;
      }),
    );
    return result;
  });
  return { fromSchemaVersion: backup.schemaVersion, exportedAt: backup.exportedAt, changes };
}
