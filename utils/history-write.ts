import type { IDBPTransaction } from 'idb';
import type { HistoryDb } from './history-db';
import { toHistoryWriteError } from './history-errors';
import type { HistorySchema, HistoryStoreName } from './history-schema';

export type WriteTransaction<Stores extends HistoryStoreName[]> = IDBPTransaction<HistorySchema, Stores, 'readwrite'>;

/** Marks a request's promise as handled: when a transaction fails half-way, requests already sent reject too, and the caller reports one error. */
export function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

function errorNamed(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
}

/**
 * Runs `work` in one readwrite transaction over `stores`. On any failure the transaction is aborted, so
 * earlier data stays as it was, and the failure is thrown as a HistoryWriteError naming `what`.
 */
export async function writeTransaction<Stores extends HistoryStoreName[], Result>(
  db: HistoryDb,
  stores: Stores,
  what: string,
  work: (transaction: WriteTransaction<Stores>) => Promise<Result>,
): Promise<Result> {
  let transaction: WriteTransaction<Stores>;
  try {
    transaction = db.transaction(stores, 'readwrite');
  } catch (error) {
    throw toHistoryWriteError(error, what);
  }
  try {
    const result = await work(transaction);
    await transaction.done;
    return result;
  } catch (error) {
    try {
      transaction.abort();
    } catch {
      // Already aborted by IndexedDB itself.
    }
    await transaction.done.catch(() => undefined);
    const specific = errorNamed(error) !== 'AbortError' ? error : (transaction.error ?? error);
    throw toHistoryWriteError(specific, what);
  }
}
