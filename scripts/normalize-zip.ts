// Rewrites a store zip so the same files always give the same bytes: entries sorted by name, one fixed date, no permissions.
import { readFile, writeFile } from 'node:fs/promises';
import JSZip from 'jszip';

/** SOURCE_DATE_EPOCH (seconds) when set, as reproducible-builds.org asks; otherwise a fixed date. */
export function zipEntryDate(environment: Record<string, string | undefined> = process.env): Date {
  const epoch = Number(environment.SOURCE_DATE_EPOCH);
  // Zip dates start at 1980 and have 2-second steps.
  return Number.isInteger(epoch) && epoch >= 315_532_800 ? new Date(Math.floor(epoch / 2) * 2000) : new Date(Date.UTC(2026, 0, 1));
}

export async function normalizedZipBytes(zipBytes: Uint8Array, date: Date = zipEntryDate()): Promise<Buffer> {
  const original = await JSZip.loadAsync(zipBytes);
  const normalized = new JSZip();
  const names = Object.keys(original.files).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const entry = original.files[name]!;
    const options = { date, createFolders: false, dosPermissions: null, unixPermissions: null, comment: undefined };
    if (entry.dir) normalized.file(name, null, { ...options, dir: true });
    else normalized.file(name, await entry.async('uint8array'), { ...options, binary: true });
  }
  return normalized.generateAsync({ type: 'nodebuffer', platform: 'DOS', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** In place; WXT's zip hooks call it on each zip it writes (wxt.config.ts). */
export async function normalizeZip(zipPath: string): Promise<void> {
  await writeFile(zipPath, await normalizedZipBytes(await readFile(zipPath)));
}
