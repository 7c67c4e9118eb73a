import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../utils/calendar-date';
import { entryCheckDigit } from '../../utils/entry-check-digit';
import { openHistoryDb, type HistoryDb } from '../../utils/history-db';
import { assessEntryInHistory, entryInHistory, lookUpHistory, lookupHitKey } from '../../utils/history-lookup';
import type { ClaimEntryRecord, ClaimRecord } from '../../utils/history-schema';
import { learnEntryFacts, learnEntryFactsBulk, saveClaim } from '../../utils/history-store';
import { statusOptionsFrom } from '../../utils/status-options';
import { countEntriesLeavingCapeWindow } from '../../utils/toolbar-badge';
import { uniqueDbName } from './helpers/history-fixtures';

const T1 = '2026-04-21T10:00:00.000Z';
const T2 = '2026-04-22T10:00:00.000Z';
const today = '2026-11-23';
const options = statusOptionsFrom({ checkAsOfDate: null, assumeMissingFlagsAreNo: true }, today);

function entryNumber(filerCode: string, serial: number): string {
  const firstTen = `${filerCode}${String(serial).padStart(7, '0')}`;
  return `${firstTen}${entryCheckDigit(firstTen)}`;
}

function claim(claimNumber: string, fields: Partial<ClaimRecord> = {}): ClaimRecord {
  return { claimNumber, aceStatus: 'pending', source: 'imported', notes: '', updatedAt: T1, ...fields };
}

function onClaim(claimNumber: string, number: string, fields: Partial<ClaimEntryRecord> = {}): ClaimEntryRecord {
  return { claimNumber, entryNumber: number, outcome: 'accepted', updatedAt: T1, ...fields };
}

const openDbs: HistoryDb[] = [];
async function freshDb(): Promise<HistoryDb> {
  const db = await openHistoryDb(uniqueDbName('lookup'));
  openDbs.push(db);
  return db;
}

afterEach(() => {
  while (openDbs.length) openDbs.pop()!.close();
});

const A1 = entryNumber('ABC', 1234567);
const A2 = entryNumber('ABC', 1234568);
const A3 = entryNumber('ABC', 1234569);
const B1 = entryNumber('B2X', 101);

async function seeded(): Promise<HistoryDb> {
  const db = await freshDb();
  await saveClaim(db, claim('C20260421-0007', { aceStatus: 'accepted-with-errors', filedDate: '2026-04-21' }), [
    onClaim('C20260421-0007', A1),
    onClaim('C20260421-0007', A2, { outcome: 'rejected', aceErrorText: 'ENTRY ON DRAWBACK' }),
  ]);
  await saveClaim(db, claim('CAPE-9001', { aceStatus: 'rejected', updatedAt: T2 }), [onClaim('CAPE-9001', A2, { outcome: 'rejected', updatedAt: T2 })]);
  await saveClaim(db, claim('CAPE-9002'), []);
  await learnEntryFacts(db, A3, { entryType: '01' }, 'page', '2026-11-20');
  return db;
}

describe('lookUpHistory', () => {
  it('finds a whole entry number in any form, first', async () => {
    const db = await seeded();
    for (const text of [A2, 'abc-1234568-4', ' ABC 1234568 4 ']) {
      const { query, hits } = await lookUpHistory(db, text);
      expect(query.kind).toBe('entry');
      expect(hits[0]).toEqual({ kind: 'entry', entryNumber: A2, inHistory: true });
      expect(hits.filter((hit) => hit.kind === 'entry' && hit.entryNumber === A2)).toHaveLength(1);
    }
  });

  it('offers a valid entry number history does not know, marked so', async () => {
    const db = await seeded();
    const { hits } = await lookUpHistory(db, B1);
    expect(hits).toEqual([{ kind: 'entry', entryNumber: B1, inHistory: false }]);
  });

  it('finds entries on claims and in the ledger by their start', async () => {
    const db = await seeded();
    const { hits } = await lookUpHistory(db, 'abc-12345');
    expect(hits.map(lookupHitKey)).toEqual([`entry:${A1}`, `entry:${A2}`, `entry:${A3}`]);
  });

  it('finds claims by their start, the exact one first', async () => {
    const db = await seeded();
    expect((await lookUpHistory(db, 'cape-900')).hits.map(lookupHitKey)).toEqual(['claim:CAPE-9001', 'claim:CAPE-9002']);
    expect((await lookUpHistory(db, 'c20260421-0007')).hits.map(lookupHitKey)).toEqual(['claim:C20260421-0007']);
  });

  it('finds the entry a wrong check digit was meant to be', async () => {
    const db = await seeded();
    const { query, hits } = await lookUpHistory(db, 'ABC-1234568-0');
    expect(query).toMatchObject({ kind: 'wrong-check-digit', expectedCheckDigit: 4 });
    expect(hits.map(lookupHitKey)).toEqual([`entry:${A2}`]);
  });

  it('answers nothing for an empty box and for text nothing starts with', async () => {
    const db = await seeded();
    expect((await lookUpHistory(db, '   ')).hits).toEqual([]);
    expect((await lookUpHistory(db, 'ZZZ')).hits).toEqual([]);
  });
});

describe('entryInHistory and assessEntryInHistory', () => {
  it('gathers every claim and the ledger, and gives the verdict the overlay would', async () => {
    const db = await seeded();
    const found = await entryInHistory(db, A2);
    expect(found.claims.map((each) => [each.entry.claimNumber, each.entry.outcome])).toEqual([
      ['C20260421-0007', 'rejected'],
      ['CAPE-9001', 'rejected'],
    ]);
    expect(found.ledger).toBeUndefined();
    const assessment = assessEntryInHistory(found, options);
    expect(assessment.verdict).not.toBe('claimed');
    expect(assessment.claims).toEqual([
      { claimNumber: 'C20260421-0007', outcome: 'rejected', reasonCode: 'drawback' },
      { claimNumber: 'CAPE-9001', outcome: 'rejected' },
    ]);
    expect(assessEntryInHistory(await entryInHistory(db, A1), options)).toMatchObject({ verdict: 'claimed', holdingClaim: { claimNumber: 'C20260421-0007' } });
    const withFacts = await entryInHistory(db, A3);
    expect(withFacts.ledger?.facts.entryType).toEqual({ value: '01', source: 'page', learnedOn: '2026-11-20' });
  });
});

describe('countEntriesLeavingCapeWindow', () => {
  it('counts ledger entries whose CAPE window closes within 7 days and no claim holds', async () => {
    const db = await freshDb();
    const liquidatedDaysAgo = (days: number) => ({
      entryType: '01',
      liquidationStatus: 'liquidated' as const,
      liquidationDate: addDays(today, -days),
      entrySummaryDate: addDays(today, -days - 314),
      tariffLines: [{ htsNumber: '9903.01.25', dutyAmount: 50 }],
    });
    // Last day is liquidation + 79: 75 days ago leaves 4 days, 72 leaves 7 (outside), 80 has passed.
    await learnEntryFacts(db, entryNumber('ABC', 1), liquidatedDaysAgo(75), 'file', today);
    await learnEntryFacts(db, entryNumber('ABC', 2), liquidatedDaysAgo(79), 'file', today);
    await learnEntryFacts(db, entryNumber('ABC', 3), liquidatedDaysAgo(72), 'file', today);
    await learnEntryFacts(db, entryNumber('ABC', 4), liquidatedDaysAgo(80), 'file', today);
    await learnEntryFacts(db, entryNumber('ABC', 5), liquidatedDaysAgo(76), 'file', today);
    await learnEntryFacts(db, entryNumber('ABC', 6), { entryType: '01' }, 'page', today);
    expect(await countEntriesLeavingCapeWindow(db, options)).toBe(3);
    await saveClaim(db, claim('CAPE-1'), [onClaim('CAPE-1', entryNumber('ABC', 5), { outcome: 'pending' })]);
    expect(await countEntriesLeavingCapeWindow(db, options)).toBe(2);
  });

  it('reads a ledger larger than one page', async () => {
    const db = await freshDb();
    const facts = { entryType: '01', liquidationStatus: 'liquidated' as const, liquidationDate: addDays(today, -77), tariffLines: [{ htsNumber: '9903.01.25', dutyAmount: 5 }] };
    await learnEntryFactsBulk(
      db,
      Array.from({ length: 5200 }, (_, index) => ({ entryNumber: entryNumber('W5R', index), facts })),
      'file',
      today,
    );
    expect(await countEntriesLeavingCapeWindow(db, options)).toBe(5200);
  });
});
