import { openHistoryDb, type HistoryDb } from './history-db';

let connection: Promise<HistoryDb> | undefined;

/** The extension's history database (extension origin), opened once per page or worker; a failed open is retried next time. */
export function extensionHistoryDb(): Promise<HistoryDb> {
  connection ??= openHistoryDb().catch((error: unknown) => {
    connection = undefined;
    throw error;
  });
  return connection;
}
