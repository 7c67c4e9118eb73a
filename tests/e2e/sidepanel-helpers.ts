import { expect, type Download, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { entryCheckDigit } from '../../utils/entry-check-digit';

/** An entry number in normal form with its right check digit. */
export function validEntry(filerCode: string, serial: number): string {
  const firstTen = `${filerCode}${String(serial).padStart(7, '0')}`;
  return `${firstTen}${entryCheckDigit(firstTen)}`;
}

export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export function csvFile(name: string, text: string): FilePayload {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}

/** Waits until the panel has loaded its saved list (the worker answered). */
export async function waitForPanel(panel: Page): Promise<void> {
  await expect(panel.getByRole('heading', { name: 'Stage a CAPE Declaration' })).toBeVisible();
  await expect(panel.locator('.sp-header [role="status"]')).not.toHaveText(/Loading/);
}

/** The summary bar's count of one kind: ready, excluded, removed, files. */
export async function summaryCount(panel: Page, kind: 'ready' | 'excluded' | 'removed' | 'files'): Promise<number> {
  const text = await panel.locator(`.sp-count[data-kind="${kind}"] strong`).textContent();
  return Number((text ?? '').replace(/,/g, ''));
}

export async function expectCounts(panel: Page, counts: Partial<Record<'ready' | 'excluded' | 'removed' | 'files', number>>): Promise<void> {
  for (const [kind, value] of Object.entries(counts)) {
    await expect(panel.locator(`.sp-count[data-kind="${kind}"] strong`), `${kind} count`).toHaveText(value.toLocaleString('en-US'));
  }
}

/** Picks files with the panel's file input, as a user choosing them in the dialog. */
export async function pickFiles(panel: Page, files: FilePayload[]): Promise<void> {
  await panel.getByLabel('Choose files').setInputFiles(files);
}

/** Drops files on the drop zone with a real DataTransfer, as a drag from the desktop would. */
export async function dropFiles(panel: Page, files: FilePayload[]): Promise<void> {
  const payload = files.map((file) => ({ name: file.name, type: file.mimeType, base64: file.buffer.toString('base64') }));
  await panel.locator('.sp-drop').evaluate((zone, items) => {
    const transfer = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.base64), (character) => character.charCodeAt(0));
      transfer.items.add(new File([bytes], item.name, { type: item.type }));
    }
    zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }, payload);
}

/** The notice under the inputs (what was added, or why not). */
export function notice(panel: Page) {
  return panel.locator('.sp-notice');
}

/**
 * Puts a claim with its entries straight into the extension's IndexedDB from an extension page (its origin owns the
 * database), as a claim recorded earlier; the schema is the versioned one of utils/history-schema.ts.
 */
export async function seedClaim(extensionPage: Page, claim: { claimNumber: string; entryNumbers: string[]; outcome: 'accepted' | 'pending' | 'rejected'; aceErrorText?: string }): Promise<void> {
  await extensionPage.evaluate(
    ({ claimNumber, entryNumbers, outcome, aceErrorText }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('cape-companion');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const transaction = db.transaction(['claims', 'claimEntries'], 'readwrite');
          const updatedAt = new Date().toISOString();
          transaction.objectStore('claims').put({ claimNumber, aceStatus: outcome === 'rejected' ? 'rejected' : outcome, source: 'recorded', notes: '', updatedAt, entryCount: entryNumbers.length });
          for (const entryNumber of entryNumbers) {
            transaction.objectStore('claimEntries').put({ claimNumber, entryNumber, outcome, updatedAt, ...(aceErrorText ? { aceErrorText } : {}) });
          }
          transaction.oncomplete = () => {
            db.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    claim,
  );
}

export async function downloadedText(download: Download): Promise<Buffer> {
  return readFile((await download.path())!);
}
