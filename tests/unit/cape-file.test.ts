import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { capeFileName, MAX_DECLARATION_BYTES, MAX_ENTRIES_PER_DECLARATION, writeCapeFiles } from '../../utils/cape-file';
import { entryCheckDigit } from '../../utils/entry-check-digit';

function golden(path: string): Buffer {
  return readFileSync(new URL(`../fixtures/golden/${path}`, import.meta.url));
}

function bytesOf(content: string): Buffer {
  return Buffer.from(content, 'ascii');
}

function entryNumbers(count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const ten = `ABC${String(index).padStart(7, '0')}`;
    return ten + entryCheckDigit(ten);
  });
}

describe('CAPE Declaration file (domain.md §3): golden files, byte for byte', () => {
  const entries = ['ABC12345676', '31600000173', '00012345674'];

  it('one file: header, one undashed entry per row, CRLF, ASCII, no BOM', () => {
    const files = writeCapeFiles(entries, { date: '2026-05-01' });
    expect(files.map((file) => [file.name, file.entryCount])).toEqual([['cape-declaration-2026-05-01.csv', 3]]);
    expect(bytesOf(files[0]!.content)).toEqual(golden('cape-declaration-2026-05-01.csv'));
  });

  it('dashed form as an option', () => {
    const [file] = writeCapeFiles(entries, { date: '2026-05-01', dashes: true });
    expect(bytesOf(file!.content)).toEqual(golden('dashed/cape-declaration-2026-05-01.csv'));
  });

  it('split in input order with predictable names', () => {
    const files = writeCapeFiles([...entries, 'EQ710000017', 'EQ710000025'], { date: '2026-05-01', maxPerFile: 2 });
    expect(files.map((file) => [file.name, file.entryCount])).toEqual([
      ['cape-declaration-2026-05-01-part-1-of-3.csv', 2],
      ['cape-declaration-2026-05-01-part-2-of-3.csv', 2],
      ['cape-declaration-2026-05-01-part-3-of-3.csv', 1],
    ]);
    for (const file of files) expect(bytesOf(file.content)).toEqual(golden(`split/${file.name}`));
  });
});

describe('limits', () => {
  it('9,999 entries fit one file; 10,000 make two (9,999 + 1); 19,998 make two', () => {
    expect(writeCapeFiles(entryNumbers(9999), { date: '2026-05-01' }).map((file) => file.entryCount)).toEqual([9999]);
    expect(writeCapeFiles(entryNumbers(10_000), { date: '2026-05-01' }).map((file) => file.entryCount)).toEqual([9999, 1]);
    expect(writeCapeFiles(entryNumbers(19_998), { date: '2026-05-01' }).map((file) => file.entryCount)).toEqual([9999, 9999]);
  });

  it('a full dashed file stays under 1 MB and is pure ASCII', () => {
    const [file] = writeCapeFiles(entryNumbers(MAX_ENTRIES_PER_DECLARATION), { date: '2026-05-01', dashes: true });
    expect(Buffer.byteLength(file!.content)).toBeLessThan(MAX_DECLARATION_BYTES);
    expect(/^[\x20-\x7e\r\n]*$/.test(file!.content)).toBe(true);
    expect(file!.content.startsWith('Entry Number\r\n')).toBe(true);
  });

  it('keeps input order across parts', () => {
    const numbers = entryNumbers(25);
    const files = writeCapeFiles(numbers, { date: '2026-05-01', maxPerFile: 10 });
    const rows = files.flatMap((file) => file.content.split('\r\n').slice(1, -1));
    expect(rows).toEqual(numbers);
  });

  it('no entries, no file (CAPE rejects an empty declaration)', () => {
    expect(writeCapeFiles([], { date: '2026-05-01' })).toEqual([]);
  });

  it('refuses limits outside 1 to 9,999 and anything not in normal form', () => {
    expect(() => writeCapeFiles(['ABC12345676'], { date: '2026-05-01', maxPerFile: 10_000 })).toThrow(RangeError);
    expect(() => writeCapeFiles(['ABC12345676'], { date: '2026-05-01', maxPerFile: 0 })).toThrow(RangeError);
    expect(() => writeCapeFiles(['ABC12345676'], { date: '2026-05-01', maxPerFile: 2.5 })).toThrow(RangeError);
    expect(() => writeCapeFiles(['ABC-1234567-6'], { date: '2026-05-01' })).toThrow(RangeError);
  });

  it('names', () => {
    expect(capeFileName('2026-05-01', 1, 1)).toBe('cape-declaration-2026-05-01.csv');
    expect(capeFileName('2026-05-01', 2, 3)).toBe('cape-declaration-2026-05-01-part-2-of-3.csv');
  });
});
