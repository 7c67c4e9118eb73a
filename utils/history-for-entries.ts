import type { EntryFacts } from './entry-facts';
import type { HistoryDb } from './history-db';
import type { HistorySchema } from './history-schema';
import { factValues, getEntryFactsBulk, knownClaimsForEntries, type KnownClaim } from './history-store';

/** What history knows of many entries (a staged list, a report page): the claims that hold them and the facts learned before. */
export interface EntriesHistory {
  claims: Map<string, KnownClaim[]>;
  facts: Map<string, EntryFacts>;
}

/** Records read per request while scanning, so a large history never sits in memory at once. */
const defaultScanBatch = 20_000;
/**
 * One keyed lookup costs about as much as reading this many records in a scan (measured in Chromium: 100,000 lookups
 * took 25 s, a scan reads some 200,000 records a second), so a list this much smaller than the history is looked up by key.
 */
const lookupsPerScannedRecord = 10;

async function scanStore<Name extends 'claimEntries' | 'entryLedger'>(
  db: HistoryDb,
  name: Name,
  scanBatch: number,
  visit: (record: HistorySchema[Name]['value']) => void,
): Promise<void> {
  let after: IDBValidKey | undefined;
  for (;;) {
    const store = db.transaction(name, 'readonly').store;
    const range = after === undefined ? null : IDBKeyRange.lowerBound(after, true);
    const [records, keys] = await Promise.all([store.getAll(range, scanBatch), store.getAllKeys(range, scanBatch)]);
    for (const record of records) visit(record);
    if (records.length < scanBatch) return;
    after = keys[keys.length - 1];
  }
}

/**
 * Claims and facts of many entries. A few thousand are looked up by key (history-store); a list of tens of
 * thousands against a smaller history is answered by reading the two stores through in batches, which is many times faster.
 */
export async function historyForEntries(db: HistoryDb, entryNumbers: ReadonlySet<string>, scanBatch = defaultScanBatch): Promise<EntriesHistory> {
  const [claimEntryCount, ledgerCount] = await Promise.all([db.count('claimEntries'), db.count('entryLedger')]);
  const byKey = (count: number) => count > entryNumbers.size * lookupsPerScannedRecord;
  const claims = new Map<string, KnownClaim[]>();
  const facts = new Map<string, EntryFacts>();
  const claimsRead = byKey(claimEntryCount)
    ? knownClaimsForEntries(db, entryNumbers).then((found) => found.forEach((value, key) => claims.set(key, value)))
    : scanStore(db, 'claimEntries', scanBatch, (entry) => {
        if (!entryNumbers.has(entry.entryNumber)) return;
        const known: KnownClaim = { claimNumber: entry.claimNumber, outcome: entry.outcome, ...(entry.reasonCode === undefined ? {} : { reasonCode: entry.reasonCode }) };
        const list = claims.get(entry.entryNumber);
        if (list) list.push(known);
        else claims.set(entry.entryNumber, [known]);
      });
  const factsRead = byKey(ledgerCount)
    ? getEntryFactsBulk(db, entryNumbers).then((found) => found.forEach((record, key) => facts.set(key, factValues(record.facts))))
    : scanStore(db, 'entryLedger', scanBatch, (record) => {
        if (entryNumbers.has(record.entryNumber)) facts.set(record.entryNumber, factValues(record.facts));
      });
  await Promise.all([claimsRead, factsRead]);
  return { claims, facts };
}
