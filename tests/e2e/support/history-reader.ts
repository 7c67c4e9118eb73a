import type { Page } from '@playwright/test';

/** Reads every record of one store of the extension's real IndexedDB, from an extension page (its origin owns the database). */
export async function readHistoryStore<T = Record<string, unknown>>(extensionPage: Page, storeName: string): Promise<T[]> {
  return extensionPage.evaluate(
    (name) =>
      new Promise<T[]>(async (resolve, reject) => {
        // Never the first to open it: that would create an empty database the extension then has to upgrade.
        if (!(await indexedDB.databases()).some((database) => database.name === 'cape-companion')) {
          resolve([]);
          return;
        }
        const open = indexedDB.open('cape-companion');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            resolve([]);
            return;
          }
          const request = db.transaction(name, 'readonly').objectStore(name).getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    storeName,
  );
}
