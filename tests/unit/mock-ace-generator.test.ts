import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasValidCheckDigit } from '../../utils/entry-check-digit';
import { es003Columns, generateEs003Rows, renderEs003Csv, renderEs003Html } from '../fixtures/ace/generate-es003';
import { writeEs003Csv } from '../fixtures/ace/write-es003-csv';

const today = '2026-11-23';
const normal = (shown: string) => shown.replace(/-/g, '');

describe('mock ES-003 generator', () => {
  it('is deterministic by seed', () => {
    const first = generateEs003Rows({ entries: 500, seed: 42, today });
    const again = generateEs003Rows({ entries: 500, seed: 42, today });
    const other = generateEs003Rows({ entries: 500, seed: 43, today });
    expect(again).toEqual(first);
    expect(other.rows.map((row) => row.entrySummaryNumber)).not.toEqual(first.rows.map((row) => row.entrySummaryNumber));
  });

  it('makes the requested number of entries, or exactly the requested number of lines', () => {
    const byEntries = generateEs003Rows({ entries: 4_000, seed: 1, today });
    expect(new Set(byEntries.rows.map((row) => normal(row.entrySummaryNumber))).size).toBe(4_000);
    expect(Object.keys(byEntries.expected)).toHaveLength(4_000);
    expect(byEntries.rows.length).toBeGreaterThanOrEqual(10_000);
    const byRows = generateEs003Rows({ rows: 10_000, seed: 1, today });
    expect(byRows.rows).toHaveLength(10_000);
  });

  it('gives valid numbers a right check digit and invalid ones a wrong one, each in the entry column', () => {
    const { rows, expected, validEntries, invalidEntries } = generateEs003Rows({ entries: 2_000, seed: 7, today });
    const inColumn = new Set(rows.map((row) => normal(row.entrySummaryNumber)));
    expect(validEntries.length).toBeGreaterThan(1_500);
    expect(invalidEntries.length).toBeGreaterThan(20);
    for (const entry of validEntries) {
      expect(hasValidCheckDigit(entry)).toBe(true);
      expect(inColumn.has(entry)).toBe(true);
      expect(expected[entry]?.verdict).not.toBe('invalid');
    }
    for (const entry of invalidEntries) {
      expect(hasValidCheckDigit(entry)).toBe(false);
      expect(expected[entry]?.verdict).toBe('invalid');
    }
    expect(rows.some((row) => /^[A-Z0-9]{3}-\d{7}-\d$/.test(row.entrySummaryNumber))).toBe(true);
    expect(rows.some((row) => /^[A-Z0-9]{11}$/.test(row.entrySummaryNumber))).toBe(true);
  });

  it('mixes in look-alikes that are never valid entry numbers', () => {
    const { lookAlikes, expected } = generateEs003Rows({ entries: 2_000, seed: 7, today });
    expect(lookAlikes).toContain('202-325-8000');
    expect(lookAlikes).toContain('(877) 227-5511');
    const elevenDigits = lookAlikes.filter((text) => /^\d{11}$/.test(text));
    expect(elevenDigits.length).toBeGreaterThan(100);
    expect(lookAlikes.some((text) => /^\d{12}$/.test(text))).toBe(true);
    for (const text of lookAlikes) {
      const bare = text.replace(/[\s().-]/g, '');
      if (bare.length === 11) expect(hasValidCheckDigit(bare), text).toBe(false);
      expect(expected[bare]).toBeUndefined();
    }
  });

  it('states deadlines only where they are still ahead of today', () => {
    const { expected } = generateEs003Rows({ entries: 3_000, seed: 3, today });
    const withDeadline = Object.values(expected).filter((entry) => entry.nextDeadline !== undefined);
    expect(withDeadline.length).toBeGreaterThan(300);
    for (const entry of withDeadline) {
      expect(entry.verdict).toBe('eligible');
      expect(entry.nextDeadline! >= today).toBe(true);
    }
  });

  it('renders the same report as HTML and CSV', () => {
    const { rows } = generateEs003Rows({ rows: 300, seed: 5, today });
    const html = renderEs003Html(rows);
    expect(html.match(/<tr>/g)).toHaveLength(301);
    for (const column of es003Columns) expect(html).toContain(`<th scope="col">${column}</th>`);
    const csv = renderEs003Csv(rows);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(es003Columns.join(','));
    expect(lines).toHaveLength(302);
    expect(lines.at(-1)).toBe('');
  });

  it('streams a CSV to disk identical to the in-memory one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'es003-'));
    try {
      const path = join(dir, 'es003.csv');
      const result = await writeEs003Csv(path, { lines: 5_000, seed: 9, today });
      expect(result.lines).toBe(5_000);
      const written = readFileSync(path, 'utf8');
      expect(written).toBe(renderEs003Csv(generateEs003Rows({ rows: 5_000, seed: 9, today }).rows));
      expect(result.bytes).toBe(Buffer.byteLength(written));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('mock ACE fixture expectations', () => {
  const root = fileURLToPath(new URL('../fixtures/ace', import.meta.url));
  const expected: Record<string, Record<string, { verdict: string }>> = JSON.parse(readFileSync(join(root, 'expected.json'), 'utf8'));
  const lookAlikes: Record<string, string[]> = JSON.parse(readFileSync(join(root, 'lookalikes.json'), 'utf8'));

  it('lists only numbers whose check digit agrees with their verdict', () => {
    const all = Object.values(expected).flatMap((entries) => Object.entries(entries));
    expect(all.length).toBeGreaterThan(150);
    for (const [entry, { verdict }] of all) {
      expect(entry).toMatch(/^[A-Z0-9]{3}\d{8}$/);
      expect(hasValidCheckDigit(entry), entry).toBe(verdict !== 'invalid');
    }
  });

  it('shows each ES-003 copy\'s numbers on its page, and no look-alike passes the check digit', () => {
    const html = readFileSync(join(root, 'reports', 'es003-grid.html'), 'utf8');
    for (const entry of Object.keys(expected['/reports/es003-grid.html'] ?? {})) {
      expect(html.includes(entry) || html.includes(`${entry.slice(0, 3)}-${entry.slice(3, 10)}-${entry.slice(10)}`), entry).toBe(true);
    }
    for (const text of Object.values(lookAlikes).flat()) {
      const bare = text.replace(/[\s().-]/g, '');
      if (bare.length === 11) expect(hasValidCheckDigit(bare), text).toBe(false);
    }
  });
});
