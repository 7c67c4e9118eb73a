import type { CalendarDate } from './calendar-date';
import { canonicalJson } from './canonical-json';
import type { EntryFacts, FactSource } from './entry-facts';
import type { HistoryDb } from './history-db';
import { HistoryWriteError } from './history-errors';
import { handled, writeTransaction as write, type WriteTransaction } from './history-write';
import { entryKey, isEntryNumberKey, normalizeClaimNumber } from './history-keys';
import { reasonCodeFor } from './history-migrations';
import { claimEntryProblems, claimProblems, compareTimestamps, stagedBatchProblems } from './history-records';
import {
  prefixRange,
  type ClaimEntryRecord,
  type ClaimRecord,
  type EntryLedgerRecord,
  type EntryOutcome,
  type HistoryStoreName,
  type IsoTimestamp,
  type LearnedFacts,
  type StagedBatchRecord,
  type StagedRow,
} from './history-schema';

export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
}

export interface SaveClaimsResult {
  claims: MergeCounts;
  claimEntries: MergeCounts;
}

/** A claim that holds an entry, as the overlay and side panel mark it. */
export interface KnownClaim {
  claimNumber: string;
  outcome: EntryOutcome;
  reasonCode?: string;
}

export interface EntryClaim {
  entry: ClaimEntryRecord;
  /** Missing only if the claim record was lost; the entry row still says which claim holds it. */
  claim?: ClaimRecord;
}

export interface ClaimDetails {
  claim: ClaimRecord;
  entries: ClaimEntryRecord[];
  counts: { entries: number; accepted: number; rejected: number; pending: number };
}

export interface PrefixSearchResult {
  /** Entry numbers (normal form) from claims and the ledger, in order. */
  entryNumbers: string[];
  claims: ClaimRecord[];
}

export interface StagedBatchSummary {
  id: string;
  name?: string;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
  state: StagedBatchRecord['state'];
  rowCount: number;
  /** Rows not removed by the user. */
  activeRowCount: number;
  exportedFiles: Array<{ fileName: string; entryCount: number; exportedAt: IsoTimestamp; claimNumber?: string }>;
  /** Exported files still waiting for their claim number ("exported, not yet recorded"). */
  unrecordedFileCount: number;
}

export interface RecordClaimForBatchInput {
  batchId: string;
  /** The exported file ACE gave this claim number to. */
  fileName: string;
  claimNumber: string;
  filedDate: CalendarDate;
  importerNumber?: string;
  filerCode?: string;
  notes?: string;
  updatedAt?: IsoTimestamp;
}

export interface RecordClaimForBatchResult {
  claim: ClaimRecord;
  /** Entries newly put under the claim (entries it already held keep their outcome). */
  entriesAdded: number;
  batch: StagedBatchRecord;
}

function nowIso(): IsoTimestamp {
  return new Date().toISOString();
}

function utcTimestamp(value: IsoTimestamp): IsoTimestamp {
  return new Date(value).toISOString();
}

/** The ISO timestamp of `value`, or a write error naming `what` (records always carry one). */
function checkedUtc(value: IsoTimestamp, what: string): IsoTimestamp {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new HistoryWriteError('invalid-record', `Could not save ${what}: updatedAt is not a timestamp. Nothing was changed.`);
  return new Date(time).toISOString();
}

function invalid(what: string, problems: string[]): HistoryWriteError {
  return new HistoryWriteError('invalid-record', `Could not save ${what}: ${problems.join('; ')}. Nothing was changed.`);
}

function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

function sameRecord(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function countChange(counts: MergeCounts, existing: unknown, merged: unknown): boolean {
  if (existing === undefined) {
    counts.added++;
    return true;
  }
  if (sameRecord(existing, merged)) {
    counts.unchanged++;
    return false;
  }
  counts.updated++;
  return true;
}

/** How far ACE has got with a claim: a decided status is final, so a later "pending" or "unknown" does not undo it. */
function statusRank(status: ClaimRecord['aceStatus']): number {
  return status === 'unknown' ? 0 : status === 'pending' ? 1 : 2;
}

/** Field-wise merge: the newer record's values win, fields only the other one has are kept (nothing learned is dropped). */
function mergeClaim(existing: ClaimRecord | undefined, incoming: ClaimRecord): ClaimRecord {
  if (!existing) return incoming;
  const incomingNewer = compareTimestamps(incoming.updatedAt, existing.updatedAt) > 0;
  const [newer, older] = incomingNewer ? [incoming, existing] : [existing, incoming];
  const merged: ClaimRecord = withoutUndefined({ ...older, ...withoutUndefined(newer) });
  if (newer.notes === '' && older.notes !== '') merged.notes = older.notes;
  if (statusRank(older.aceStatus) > statusRank(newer.aceStatus)) {
    merged.aceStatus = older.aceStatus;
    if (older.aceStatusText === undefined) delete merged.aceStatusText;
    else merged.aceStatusText = older.aceStatusText;
  }
  return merged;
}

/**
 * As mergeClaim, but ACE's error text and reason belong to an outcome: kept from the older record only when the
 * outcome agrees. An entry's decided outcome on a claim is final, so "pending" never replaces it.
 */
function mergeClaimEntry(existing: ClaimEntryRecord | undefined, incoming: ClaimEntryRecord): ClaimEntryRecord {
  if (!existing) return incoming;
  const incomingNewer = compareTimestamps(incoming.updatedAt, existing.updatedAt) > 0;
  let [newer, older] = incomingNewer ? [incoming, existing] : [existing, incoming];
  if (newer.outcome === 'pending' && older.outcome !== 'pending') [newer, older] = [older, newer];
  if (newer.outcome !== older.outcome) return newer;
  return withoutUndefined({ ...older, ...withoutUndefined(newer) });
}

function normalizedClaim(claim: ClaimRecord): ClaimRecord {
  const what = `claim ${claim.claimNumber}`;
  const claimNumber = normalizeClaimNumber(String(claim.claimNumber ?? ''));
  const record = withoutUndefined({ ...claim, claimNumber: claimNumber ?? String(claim.claimNumber) });
  const problems = claimProblems(record);
  if (problems.length > 0) throw invalid(what, problems);
  return { ...record, updatedAt: checkedUtc(record.updatedAt, what) };
}

function normalizedClaimEntry(entry: ClaimEntryRecord, claimNumber: string): ClaimEntryRecord {
  const what = `entry ${entry.entryNumber} of claim ${claimNumber}`;
  const ownClaimNumber = entry.claimNumber === undefined ? claimNumber : normalizeClaimNumber(String(entry.claimNumber));
  if (ownClaimNumber !== claimNumber) throw invalid(what, [`it names claim ${entry.claimNumber}`]);
  const record = withoutUndefined({
    ...entry,
    claimNumber,
    entryNumber: entryKey(String(entry.entryNumber ?? '')),
    reasonCode: entry.reasonCode ?? reasonCodeFor(entry.aceErrorText),
  });
  const problems = claimEntryProblems(record);
  if (problems.length > 0) throw invalid(what, problems);
  return { ...record, updatedAt: checkedUtc(record.updatedAt, what) };
}

export interface ClaimWithEntries {
  claim: ClaimRecord;
  entries: ClaimEntryRecord[];
}

/**
 * Saves claims with their entries in one transaction. Per key the newer `updatedAt` wins field by field;
 * fields only the older record has are kept. Returns what changed.
 */
export async function saveClaims(db: HistoryDb, items: ClaimWithEntries[]): Promise<SaveClaimsResult> {
  const claims = new Map<string, ClaimRecord>();
  const entries = new Map<string, ClaimEntryRecord>();
  for (const item of items) {
    const claim = normalizedClaim(item.claim);
    claims.set(claim.claimNumber, mergeClaim(claims.get(claim.claimNumber), claim));
    for (const entry of item.entries) {
      const record = normalizedClaimEntry(entry, claim.claimNumber);
      const key = `${record.claimNumber}\u0000${record.entryNumber}`;
      entries.set(key, mergeClaimEntry(entries.get(key), record));
    }
  }
  const what = claims.size === 1 ? `claim ${[...claims.keys()][0]}` : `${claims.size} claims`;
  return write(db, ['claims', 'claimEntries'], what, async (transaction) => {
    const claimStore = transaction.objectStore('claims');
    const entryStore = transaction.objectStore('claimEntries');
    const claimList = [...claims.values()];
    const entryList = [...entries.values()];
    const [existingClaims, existingEntries] = await Promise.all([
      Promise.all(claimList.map((claim) => handled(claimStore.get(claim.claimNumber)))),
      Promise.all(entryList.map((entry) => handled(entryStore.get([entry.claimNumber, entry.entryNumber])))),
    ]);
    const result: SaveClaimsResult = { claims: emptyCounts(), claimEntries: emptyCounts() };
    const puts: Promise<unknown>[] = [];
    claimList.forEach((claim, index) => {
      const existing = existingClaims[index];
      const merged = mergeClaim(existing, claim);
      if (countChange(result.claims, existing, merged)) puts.push(handled(claimStore.put(merged)));
    });
    entryList.forEach((entry, index) => {
      const existing = existingEntries[index];
      const merged = mergeClaimEntry(existing, entry);
      if (countChange(result.claimEntries, existing, merged)) puts.push(handled(entryStore.put(merged)));
    });
    await Promise.all(puts);
    return result;
  });
}

/** Saves one claim with its entries (see saveClaims for the merge rule). */
export function saveClaim(db: HistoryDb, claim: ClaimRecord, entries: ClaimEntryRecord[] = []): Promise<SaveClaimsResult> {
  return saveClaims(db, [{ claim, entries }]);
}

export function emptyCounts(): MergeCounts {
  return { added: 0, updated: 0, unchanged: 0 };
}

/**
 * After upload, puts the entries of one exported file of a staged batch under the claim number ACE gave it.
 * Entries the claim already holds (e.g. captured outcomes) keep what they have. Recording a different
 * claim number for the same file moves its still-pending entries off the mistyped claim.
 */
export async function recordClaimForBatch(db: HistoryDb, input: RecordClaimForBatchInput): Promise<RecordClaimForBatchResult> {
  const claimNumber = normalizeClaimNumber(input.claimNumber);
  const what = `claim ${input.claimNumber.trim()}`;
  if (claimNumber === null) throw invalid(what, ['a claim number has only letters, digits and dashes']);
  const updatedAt = checkedUtc(input.updatedAt ?? nowIso(), what);
  return write(db, ['stagedBatches', 'claims', 'claimEntries'], what, async (transaction) => {
    const batchStore = transaction.objectStore('stagedBatches');
    const claimStore = transaction.objectStore('claims');
    const entryStore = transaction.objectStore('claimEntries');
    const batch = await batchStore.get(input.batchId);
    if (!batch) throw new HistoryWriteError('not-found', `Could not save ${what}: the staged batch is no longer in the history. Nothing was changed.`);
    const fileIndex = batch.exportedFiles.findIndex((file) => file.fileName === input.fileName);
    const file = batch.exportedFiles[fileIndex];
    if (!file) throw new HistoryWriteError('not-found', `Could not save ${what}: the batch has no exported file named ${input.fileName}. Nothing was changed.`);
    const entryNumbers = [...new Set(file.entryNumbers.map(entryKey))];

    if (file.claimNumber !== undefined && file.claimNumber !== claimNumber) {
      await moveOffMistypedClaim(transaction, file.claimNumber, entryNumbers);
    }

    const existingClaim = await claimStore.get(claimNumber);
    const claim: ClaimRecord = existingClaim
      ? withoutUndefined({
          ...existingClaim,
          filedDate: existingClaim.filedDate ?? input.filedDate,
          importerNumber: existingClaim.importerNumber ?? input.importerNumber,
          filerCode: existingClaim.filerCode ?? input.filerCode,
          notes: existingClaim.notes || input.notes || '',
          updatedAt,
        })
      : withoutUndefined({
          claimNumber,
          filedDate: input.filedDate,
          importerNumber: input.importerNumber,
          filerCode: input.filerCode,
          aceStatus: 'pending',
          entryCount: entryNumbers.length,
          source: 'recorded',
          notes: input.notes ?? '',
          updatedAt,
        });
    const problems = claimProblems(claim);
    if (problems.length > 0) throw invalid(what, problems);

    const existingEntries = await Promise.all(entryNumbers.map((entryNumber) => handled(entryStore.get([claimNumber, entryNumber]))));
    const puts: Promise<unknown>[] = [handled(claimStore.put(claim))];
    let entriesAdded = 0;
    entryNumbers.forEach((entryNumber, index) => {
      if (existingEntries[index]) return;
      entriesAdded++;
      puts.push(handled(entryStore.put({ claimNumber, entryNumber, outcome: 'pending', updatedAt })));
    });

    const exportedFiles = batch.exportedFiles.map((each, index) => (index === fileIndex ? { ...each, claimNumber, recordedAt: updatedAt } : each));
    const updatedBatch: StagedBatchRecord = {
      ...batch,
      exportedFiles,
      state: exportedFiles.every((each) => each.claimNumber !== undefined) ? 'recorded' : 'exported',
      updatedAt,
    };
    puts.push(handled(batchStore.put(updatedBatch)));
    await Promise.all(puts);
    return { claim, entriesAdded, batch: updatedBatch };
  });
}

async function moveOffMistypedClaim(
  transaction: WriteTransaction<['stagedBatches', 'claims', 'claimEntries']>,
  previousClaimNumber: string,
  entryNumbers: string[],
): Promise<void> {
  const claimStore = transaction.objectStore('claims');
  const entryStore = transaction.objectStore('claimEntries');
  const previousEntries = await Promise.all(entryNumbers.map((entryNumber) => handled(entryStore.get([previousClaimNumber, entryNumber]))));
  await Promise.all(
    previousEntries
      .filter((entry): entry is ClaimEntryRecord => entry?.outcome === 'pending')
      .map((entry) => handled(entryStore.delete([entry.claimNumber, entry.entryNumber]))),
  );
  const previousClaim = await claimStore.get(previousClaimNumber);
  const remaining = await entryStore.index('byClaimNumber').count(previousClaimNumber);
  if (previousClaim?.source === 'recorded' && remaining === 0) await claimStore.delete(previousClaimNumber);
}

function byFiledDateThenUpdated(a: EntryClaim, b: EntryClaim): number {
  const dateA = a.claim?.filedDate ?? '';
  const dateB = b.claim?.filedDate ?? '';
  if (dateA !== dateB) return dateA < dateB ? 1 : -1;
  return compareTimestamps(b.entry.updatedAt, a.entry.updatedAt);
}

/** Every claim holding the entry, newest filed first. */
export async function findClaimsForEntry(db: HistoryDb, entryNumber: string): Promise<EntryClaim[]> {
  const transaction = db.transaction(['claimEntries', 'claims'], 'readonly');
  const entries = await transaction.objectStore('claimEntries').index('byEntryNumber').getAll(entryKey(entryNumber));
  const claims = await Promise.all(entries.map((entry) => transaction.objectStore('claims').get(entry.claimNumber)));
  return entries
    .map((entry, index) => {
      const claim = claims[index];
      return claim ? { entry, claim } : { entry };
    })
    .sort(byFiledDateThenUpdated);
}

/** A claim with its entries and their counts, or undefined when the history does not hold it. */
export async function getClaim(db: HistoryDb, claimNumber: string): Promise<ClaimDetails | undefined> {
  const key = normalizeClaimNumber(claimNumber);
  if (key === null) return undefined;
  const transaction = db.transaction(['claims', 'claimEntries'], 'readonly');
  const [claim, entries] = await Promise.all([
    transaction.objectStore('claims').get(key),
    transaction.objectStore('claimEntries').index('byClaimNumber').getAll(key),
  ]);
  if (!claim) return undefined;
  const counts = { entries: entries.length, accepted: 0, rejected: 0, pending: 0 };
  for (const entry of entries) counts[entry.outcome]++;
  return { claim, entries, counts };
}

/** Entry numbers and claims beginning with the typed text, for as-you-type search; at most `limit` of each. */
export async function searchByPrefix(db: HistoryDb, text: string, limit = 20): Promise<PrefixSearchResult> {
  const entryPrefix = entryKey(text).replace(/[^A-Z0-9]/g, '');
  const claimPrefix = text.trim().toUpperCase();
  const transaction = db.transaction(['claims', 'claimEntries', 'entryLedger'], 'readonly');
  const claimsPromise =
    claimPrefix !== '' && normalizeClaimNumber(claimPrefix) !== null
      ? transaction.objectStore('claims').getAll(prefixRange(claimPrefix), limit)
      : Promise.resolve([]);
  const claimedEntries = async (): Promise<string[]> => {
    const found: string[] = [];
    if (entryPrefix === '') return found;
    let cursor = await transaction.objectStore('claimEntries').index('byEntryNumber').openKeyCursor(prefixRange(entryPrefix), 'nextunique');
    while (cursor && found.length < limit) {
      found.push(cursor.key);
      cursor = await cursor.continue();
    }
    return found;
  };
  const ledgerEntries =
    entryPrefix === '' ? Promise.resolve([] as string[]) : transaction.objectStore('entryLedger').getAllKeys(prefixRange(entryPrefix), limit);
  const [claims, fromClaims, fromLedger] = await Promise.all([claimsPromise, claimedEntries(), ledgerEntries]);
  const entryNumbers = [...new Set([...fromClaims, ...fromLedger])].sort().slice(0, limit);
  return { entryNumbers, claims };
}

/** The claims most recently saved or changed, newest first. */
export async function recentClaims(db: HistoryDb, limit = 20): Promise<ClaimRecord[]> {
  const found: ClaimRecord[] = [];
  let cursor = await db.transaction('claims', 'readonly').store.index('byUpdatedAt').openCursor(null, 'prev');
  while (cursor && found.length < limit) {
    found.push(cursor.value);
    cursor = await cursor.continue();
  }
  return found;
}

/**
 * Claims holding each of the given entries, keyed by normal form; entries no claim holds are absent.
 * All lookups go out at once in one transaction, so 10,000 entries cost one round of requests.
 */
export async function knownClaimsForEntries(db: HistoryDb, entryNumbers: Iterable<string>): Promise<Map<string, KnownClaim[]>> {
  const keys = [...new Set([...entryNumbers].map(entryKey))];
  const index = db.transaction('claimEntries', 'readonly').store.index('byEntryNumber');
  const found = await Promise.all(keys.map((key) => handled(index.getAll(key))));
  const known = new Map<string, KnownClaim[]>();
  found.forEach((entries, position) => {
    if (entries.length === 0) return;
    known.set(
      keys[position]!,
      entries.map((entry) => withoutUndefined({ claimNumber: entry.claimNumber, outcome: entry.outcome, reasonCode: entry.reasonCode })),
    );
  });
  return known;
}

export interface EntryFactsInput {
  entryNumber: string;
  facts: Partial<EntryFacts>;
}

/** Merges facts into a ledger record: a fact learned earlier than the one stored does not replace it. */
function mergeFacts(
  existing: EntryLedgerRecord | undefined,
  entryNumber: string,
  facts: Partial<EntryFacts>,
  source: FactSource,
  learnedOn: CalendarDate,
  updatedAt: IsoTimestamp,
): EntryLedgerRecord {
  const merged: Record<string, unknown> = { ...(existing?.facts ?? {}) };
  for (const [field, value] of Object.entries(facts)) {
    if (value === undefined || value === null) continue;
    const stored = merged[field] as { learnedOn: CalendarDate } | undefined;
    if (stored && stored.learnedOn > learnedOn) continue;
    merged[field] = { value, source, learnedOn };
  }
  return { entryNumber, facts: merged as LearnedFacts, updatedAt };
}

/**
 * Learns facts of many entries in one transaction (the overlay reading a 10,000-row table, a file in the side panel).
 * Each fact keeps its own source and date.
 */
export async function learnEntryFactsBulk(
  db: HistoryDb,
  items: EntryFactsInput[],
  source: FactSource,
  learnedOn: CalendarDate,
  updatedAt: IsoTimestamp = nowIso(),
): Promise<MergeCounts> {
  const what = items.length === 1 ? `facts of entry ${items[0]!.entryNumber}` : `facts of ${items.length} entries`;
  const timestamp = checkedUtc(updatedAt, what);
  const byEntry = new Map<string, Partial<EntryFacts>>();
  for (const item of items) {
    const key = entryKey(item.entryNumber);
    byEntry.set(key, { ...byEntry.get(key), ...withoutUndefined(item.facts) });
  }
  const badEntry = [...byEntry.keys()].find((key) => !isEntryNumberKey(key));
  if (badEntry !== undefined) throw invalid(what, [`${badEntry} is not an 11-character entry number`]);
  return write(db, ['entryLedger'], what, async (transaction) => {
    const store = transaction.objectStore('entryLedger');
    const keys = [...byEntry.keys()];
    const existing = await Promise.all(keys.map((key) => handled(store.get(key))));
    const counts = emptyCounts();
    const puts: Promise<unknown>[] = [];
    keys.forEach((key, index) => {
      const before = existing[index];
      const merged = mergeFacts(before, key, byEntry.get(key)!, source, learnedOn, timestamp);
      const changed = before === undefined ? Object.keys(merged.facts).length > 0 : !sameRecord(before.facts, merged.facts);
      if (before === undefined && changed) counts.added++;
      else if (changed) counts.updated++;
      else counts.unchanged++;
      if (changed) puts.push(handled(store.put(merged)));
    });
    await Promise.all(puts);
    return counts;
  });
}

/** Learns facts of one entry; returns the ledger record as stored. */
export async function learnEntryFacts(
  db: HistoryDb,
  entryNumber: string,
  facts: Partial<EntryFacts>,
  source: FactSource,
  learnedOn: CalendarDate,
  updatedAt: IsoTimestamp = nowIso(),
): Promise<EntryLedgerRecord> {
  await learnEntryFactsBulk(db, [{ entryNumber, facts }], source, learnedOn, updatedAt);
  return (await getEntryFacts(db, entryNumber))!;
}

export function getEntryFacts(db: HistoryDb, entryNumber: string): Promise<EntryLedgerRecord | undefined> {
  return db.get('entryLedger', entryKey(entryNumber));
}

/** Ledger records of many entries, keyed by normal form; unknown entries are absent. */
export async function getEntryFactsBulk(db: HistoryDb, entryNumbers: Iterable<string>): Promise<Map<string, EntryLedgerRecord>> {
  const keys = [...new Set([...entryNumbers].map(entryKey))];
  const store = db.transaction('entryLedger', 'readonly').store;
  const records = await Promise.all(keys.map((key) => handled(store.get(key))));
  const found = new Map<string, EntryLedgerRecord>();
  records.forEach((record, index) => {
    if (record) found.set(keys[index]!, record);
  });
  return found;
}

/** The plain fact values of a ledger record, as the eligibility rules take them. */
export function factValues(facts: LearnedFacts): Partial<EntryFacts> {
  return Object.fromEntries(Object.entries(facts).map(([field, fact]) => [field, fact?.value])) as Partial<EntryFacts>;
}

/** Saves (replaces) a staged batch; the side panel sets `updatedAt`. */
export async function saveStagedBatch<Row extends StagedRow>(db: HistoryDb, batch: StagedBatchRecord<Row>): Promise<void> {
  const what = `staged batch ${batch.name ?? batch.id}`;
  const problems = stagedBatchProblems(batch);
  if (problems.length > 0) throw invalid(what, problems);
  const record = { ...batch, createdAt: utcTimestamp(batch.createdAt), updatedAt: utcTimestamp(batch.updatedAt) };
  await write(db, ['stagedBatches'], what, async (transaction) => {
    await transaction.objectStore('stagedBatches').put(record);
  });
}

export async function getStagedBatch<Row extends StagedRow = StagedRow>(db: HistoryDb, id: string): Promise<StagedBatchRecord<Row> | undefined> {
  return (await db.get('stagedBatches', id)) as StagedBatchRecord<Row> | undefined;
}

/** Every staged batch without its rows, most recently changed first. */
export async function listStagedBatches(db: HistoryDb): Promise<StagedBatchSummary[]> {
  const summaries: StagedBatchSummary[] = [];
  let cursor = await db.transaction('stagedBatches', 'readonly').store.index('byUpdatedAt').openCursor(null, 'prev');
  while (cursor) {
    const batch = cursor.value;
    summaries.push(
      withoutUndefined({
        id: batch.id,
        name: batch.name,
        createdAt: batch.createdAt,
        updatedAt: batch.updatedAt,
        state: batch.state,
        rowCount: batch.rows.length,
        activeRowCount: batch.rows.filter((row) => !row.removed).length,
        exportedFiles: batch.exportedFiles.map((file) =>
          withoutUndefined({ fileName: file.fileName, entryCount: file.entryNumbers.length, exportedAt: file.exportedAt, claimNumber: file.claimNumber }),
        ),
        unrecordedFileCount: batch.exportedFiles.filter((file) => file.claimNumber === undefined).length,
      }),
    );
    cursor = await cursor.continue();
  }
  return summaries;
}

export async function deleteStagedBatch(db: HistoryDb, id: string): Promise<void> {
  await write(db, ['stagedBatches'], 'the removal of a staged batch', async (transaction) => {
    await transaction.objectStore('stagedBatches').delete(id);
  });
}

/** Empties every store of the history in one transaction. */
export async function wipeHistory(db: HistoryDb): Promise<void> {
  const stores: HistoryStoreName[] = ['claims', 'claimEntries', 'entryLedger', 'stagedBatches'];
  await write(db, stores, 'the wipe of the history', async (transaction) => {
    await Promise.all(stores.map((store) => handled(transaction.objectStore(store).clear())));
  });
}
