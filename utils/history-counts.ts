import type { HistoryDb } from './history-db';
import { HISTORY_STORE_NAMES, type HistoryStoreName } from './history-schema';

/** Records per store, read in one transaction. */
export async function countHistory(db: HistoryDb): Promise<Record<HistoryStoreName, number>> {
  const transaction = db.transaction([...HISTORY_STORE_NAMES], 'readonly');
  const counts = await Promise.all(HISTORY_STORE_NAMES.map((store) => transaction.objectStore(store).count()));
  return Object.fromEntries(HISTORY_STORE_NAMES.map((store, index) => [store, counts[index]!])) as Record<HistoryStoreName, number>;
}

/** "12 claims, 3,400 claim entries, …", for confirmations and results. */
export const historyStoreNouns: Record<HistoryStoreName, [string, string]> = {
  claims: ['claim', 'claims'],
  claimEntries: ['entry on a claim', 'entries on claims'],
  entryLedger: ['entry with known facts', 'entries with known facts'],
  stagedBatches: ['staged batch', 'staged batches'],
};

export function countText(count: number, store: HistoryStoreName): string {
  const [one, many] = historyStoreNouns[store];
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}
