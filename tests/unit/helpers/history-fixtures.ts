import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface HistoryFixture {
  schemaVersion: number;
  stores: Record<string, Record<string, unknown>[]>;
}

export function readHistoryFixture(version: number): HistoryFixture {
  const path = fileURLToPath(new URL(`../../fixtures/history/v${version}.json`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as HistoryFixture;
}

/** Schema v1 exactly as the first release created it; frozen here so the test does not depend on today's code. */
function createVersion1Stores(db: IDBDatabase): void {
  const claims = db.createObjectStore('claims', { keyPath: 'claimNumber' });
  claims.createIndex('byUpdatedAt', 'updatedAt');
  const claimEntries = db.createObjectStore('claimEntries', { keyPath: ['claimNumber', 'entryNumber'] });
  claimEntries.createIndex('byEntryNumber', 'entryNumber');
  claimEntries.createIndex('byClaimNumber', 'claimNumber');
  db.createObjectStore('entryLedger', { keyPath: 'entryNumber' });
  const stagedBatches = db.createObjectStore('stagedBatches', { keyPath: 'id' });
  stagedBatches.createIndex('byUpdatedAt', 'updatedAt');
}

const creators: Record<number, (db: IDBDatabase) => void> = { 1: createVersion1Stores };

/** Builds a database as schema `fixture.schemaVersion` left it, with raw IndexedDB, then closes it. */
export function createDatabaseFromFixture(name: string, fixture: HistoryFixture): Promise<void> {
  const create = creators[fixture.schemaVersion];
  if (!create) throw new Error(`no creator for schema v${fixture.schemaVersion}`);
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, fixture.schemaVersion);
    request.onupgradeneeded = () => {
      const db = request.result;
      create(db);
      const transaction = request.transaction!;
      for (const [store, records] of Object.entries(fixture.stores)) {
        for (const record of records) transaction.objectStore(store).put(record);
      }
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

let counter = 0;
/** A database name no other test uses. */
export function uniqueDbName(label: string): string {
  counter++;
  return `test-${label}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}
