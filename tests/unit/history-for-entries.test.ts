import { afterEach, describe, expect, it } from 'vitest';
import { entryCheckDigit } from '../../utils/entry-check-digit';
import { openHistoryDb, type HistoryDb } from '../../utils/history-db';
import { learnEntryFactsBulk, saveClaims } from '../../utils/history-store';
import { historyForEntries } from '../../utils/history-for-entries';
import { uniqueDbName } from './helpers/history-fixtures';

const opened: HistoryDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function entry(serial: number): string {
  const firstTen = `HIS${String(serial).padStart(7, '0')}`;
  return `${firstTen}${entryCheckDigit(firstTen)}`;
}

const updatedAt = '2026-11-01T10:00:00.000Z';

/** 60 claims of 5 entries each (300 claim entries), and facts of the first 40 entries. */
async function seededHistory(): Promise<HistoryDb> {
  const db = await openHistoryDb(uniqueDbName('history-for-entries'));
  opened.push(db);
  await saveClaims(
    db,
    Array.from({ length: 60 }, (_, claim) => ({
      claim: { claimNumber: `CAPE-${claim}`, aceStatus: 'pending' as const, source: 'recorded' as const, notes: '', updatedAt },
      entries: Array.from({ length: 5 }, (_, offset) => ({
        claimNumber: `CAPE-${claim}`,
        entryNumber: entry((claim * 3 + offset) % 150),
        outcome: offset === 0 ? ('rejected' as const) : ('pending' as const),
        ...(offset === 0 ? { aceErrorText: 'INVALID HTS', reasonCode: 'invalid-hts' } : {}),
        updatedAt,
      })),
    })),
  );
  await learnEntryFactsBulk(db, Array.from({ length: 40 }, (_, index) => ({ entryNumber: entry(index), facts: { entryType: '01' } })), 'page', '2026-11-01');
  return db;
}

function sorted(history: Awaited<ReturnType<typeof historyForEntries>>) {
  return {
    claims: [...history.claims].map(([key, claims]) => [key, [...claims].sort((a, b) => a.claimNumber.localeCompare(b.claimNumber))]).sort(),
    facts: [...history.facts].sort(),
  };
}

describe('historyForEntries', () => {
  it('answers the same by key (a few entries) and by scanning in batches (many entries)', async () => {
    const db = await seededHistory();
    const few = new Set([entry(3), entry(7), entry(149), entry(500)]);
    const many = new Set(Array.from({ length: 200 }, (_, index) => entry(index)));
    // 300 claim entries > 4 × 10: by key; 300 ≤ 200 × 10: scanned, 7 records at a time.
    const byKey = await historyForEntries(db, few);
    const scanned = await historyForEntries(db, many, 7);
    expect(byKey.claims.get(entry(3))?.length).toBeGreaterThan(0);
    expect(byKey.claims.has(entry(500))).toBe(false);
    expect(byKey.facts.get(entry(7))).toEqual({ entryType: '01' });
    const scannedFew = { claims: new Map([...scanned.claims].filter(([key]) => few.has(key))), facts: new Map([...scanned.facts].filter(([key]) => few.has(key))) };
    expect(sorted(scannedFew)).toEqual(sorted(byKey));
    expect(scanned.claims.size).toBe(150);
    expect(scanned.facts.size).toBe(40);
    expect([...scanned.claims.values()].flat().filter((claim) => claim.outcome === 'rejected')).toHaveLength(60);
    expect([...scanned.claims.values()].flat().find((claim) => claim.outcome === 'rejected')).toMatchObject({ reasonCode: 'invalid-hts' });
  });
});
