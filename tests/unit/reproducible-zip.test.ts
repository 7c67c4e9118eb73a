import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { normalizedZipBytes, zipEntryDate } from '../../scripts/normalize-zip';

/** Real files of the extension, as WXT zips them: JSZip stamps each with the clock and creates its folders. */
const files: Record<string, Uint8Array> = {
  'manifest.json': new TextEncoder().encode('{"manifest_version":3,"name":"CAPE Companion","version":"0.1.0"}'),
  'icon/16.png': readFileSync('public/icon/16.png'),
  'icon/128.png': readFileSync('public/icon/128.png'),
  'assets/icon.svg': readFileSync('assets/icon.svg'),
};

async function zipAsWxtDoes(at: Date, order: string[], contents: Record<string, Uint8Array> = files): Promise<Buffer> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
  const archive = new JSZip();
  for (const name of order) archive.file(name, contents[name]!);
  const bytes = await archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  vi.useRealTimers();
  return bytes;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

afterEach(() => {
  vi.useRealTimers();
});

describe('reproducible store zips', () => {
  it('gives the same bytes for the same files zipped at different times and in a different order', async () => {
    const names = Object.keys(files);
    const first = await zipAsWxtDoes(new Date('2026-03-01T10:00:00Z'), names);
    const second = await zipAsWxtDoes(new Date('2026-11-23T17:43:13Z'), [...names].reverse());
    expect(sha256(first)).not.toBe(sha256(second));
    expect(sha256(await normalizedZipBytes(first))).toBe(sha256(await normalizedZipBytes(second)));
  });

  it('keeps every file and its bytes, sorted, each with the fixed date', async () => {
    const normalized = await JSZip.loadAsync(await normalizedZipBytes(await zipAsWxtDoes(new Date(), Object.keys(files))));
    const entries = Object.values(normalized.files);
    expect(entries.map((entry) => entry.name)).toEqual(['assets/', 'assets/icon.svg', 'icon/', 'icon/128.png', 'icon/16.png', 'manifest.json']);
    for (const entry of entries) expect(entry.date.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    for (const [name, bytes] of Object.entries(files)) expect(await normalized.file(name)!.async('uint8array')).toEqual(new Uint8Array(bytes));
  });

  it('changes the bytes when a file changes', async () => {
    const names = Object.keys(files);
    const before = await normalizedZipBytes(await zipAsWxtDoes(new Date(), names));
    const nextVersion = { ...files, 'manifest.json': new TextEncoder().encode('{"manifest_version":3,"name":"CAPE Companion","version":"0.1.1"}') };
    const after = await normalizedZipBytes(await zipAsWxtDoes(new Date(), names, nextVersion));
    expect(sha256(before)).not.toBe(sha256(after));
  });

  it('takes the date from SOURCE_DATE_EPOCH when set, in zip time steps, and ignores unusable values', () => {
    expect(zipEntryDate({ SOURCE_DATE_EPOCH: '1767225601' }).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(zipEntryDate({ SOURCE_DATE_EPOCH: '1700000000' }).toISOString()).toBe('2023-11-14T22:13:20.000Z');
    for (const unusable of [undefined, '', 'yesterday', '0', '-5']) expect(zipEntryDate({ SOURCE_DATE_EPOCH: unusable }).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});
