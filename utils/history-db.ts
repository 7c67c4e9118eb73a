import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { HistoryOpenError } from './history-errors';
import { recordUpgrades } from './history-migrations';
import { HISTORY_SCHEMA_VERSION, type HistorySchema, type HistoryStoreName } from './history-schema';

export type HistoryDb = IDBPDatabase<HistorySchema>;

export const DEFAULT_HISTORY_DB_NAME = 'cape-companion';

type UntypedUpgradeTransaction = IDBPTransaction<unknown, string[], 'versionchange'>;
type UpgradeStep = (db: IDBPDatabase<unknown>, transaction: UntypedUpgradeTransaction) => void | Promise<void>;

/** v1, the first release: the four stores and their lookup indexes. */
function createVersion1(db: IDBPDatabase<unknown>): void {
  const claims = db.createObjectStore('claims', { keyPath: 'claimNumber' });
  claims.createIndex('byUpdatedAt', 'updatedAt');
  const claimEntries = db.createObjectStore('claimEntries', { keyPath: ['claimNumber', 'entryNumber'] });
  claimEntries.createIndex('byEntryNumber', 'entryNumber');
  claimEntries.createIndex('byClaimNumber', 'claimNumber');
  db.createObjectStore('entryLedger', { keyPath: 'entryNumber' });
  const stagedBatches = db.createObjectStore('stagedBatches', { keyPath: 'id' });
  stagedBatches.createIndex('byUpdatedAt', 'updatedAt');
}

/** Rewrites every record of the stores a record upgrade names (history-migrations.ts), inside the upgrade transaction. */
async function upgradeRecordsFrom(fromVersion: number, transaction: UntypedUpgradeTransaction): Promise<void> {
  const upgrades = recordUpgrades[fromVersion] ?? {};
  for (const [store, upgrade] of Object.entries(upgrades)) {
    let cursor = await transaction.objectStore(store as HistoryStoreName).openCursor();
    while (cursor) {
      const upgraded = upgrade(cursor.value);
      if (upgraded !== cursor.value) await cursor.update(upgraded);
      cursor = await cursor.continue();
    }
  }
}

/** Upgrade step to version N at index N - 1; each runs in order from the database's version to the current one. */
const upgradeSteps: readonly UpgradeStep[] = [
  (db) => createVersion1(db),
  // v2: claim entries gain reasonCode from their ACE error text; ledger facts each keep their own source and date.
  (_db, transaction) => upgradeRecordsFrom(1, transaction),
];

if (upgradeSteps.length !== HISTORY_SCHEMA_VERSION) throw new Error('history-db: one upgrade step per schema version');

/** Opens (creating or upgrading as needed) the history database. */
export async function openHistoryDb(name: string = DEFAULT_HISTORY_DB_NAME): Promise<HistoryDb> {
  let upgradeFailure: unknown;
  try {
    const db = await openDB<HistorySchema>(name, HISTORY_SCHEMA_VERSION, {
      upgrade(database, oldVersion, _newVersion, transaction) {
        const untypedDb = database as unknown as IDBPDatabase<unknown>;
        const untypedTransaction = transaction as unknown as UntypedUpgradeTransaction;
        const run = async () => {
          for (let version = oldVersion; version < HISTORY_SCHEMA_VERSION; version++) {
            await upgradeSteps[version]!(untypedDb, untypedTransaction);
          }
        };
        run().catch((error: unknown) => {
          upgradeFailure = error;
          transaction.done.catch(() => undefined);
          try {
            transaction.abort();
          } catch {
            // The transaction already ended; openDB reports the failure.
          }
        });
      },
      blocking(_currentVersion, _blockedVersion, event) {
        // A newer version is opening in another tab: let it upgrade instead of blocking it.
        (event.target as IDBDatabase).close();
      },
    });
    return db;
  } catch (error) {
    const cause = upgradeFailure ?? error;
    throw new HistoryOpenError(
      `Could not open the claim history (${cause instanceof Error ? cause.message : String(cause)}). Your saved history is unchanged; reload the extension and try again.`,
      { cause },
    );
  }
}
