import { afterEach, describe, expect, it, vi } from 'vitest';
import { openHistoryDb, type HistoryDb } from '../../utils/history-db';
import { HistoryWriteError } from '../../utils/history-errors';
import type { ClaimEntryRecord, ClaimRecord, StagedBatchRecord } from '../../utils/history-schema';
import {
  deleteStagedBatch,
  factValues,
  findClaimsForEntry,
  getClaim,
  getEntryFacts,
  getEntryFactsBulk,
  getStagedBatch,
  knownClaimsForEntries,
  learnEntryFacts,
  learnEntryFactsBulk,
  listStagedBatches,
  recentClaims,
  recordClaimForBatch,
  saveClaim,
  saveClaims,
  saveStagedBatch,
  searchByPrefix,
  wipeHistory,
} from '../../utils/history-store';
import { entryCheckDigit } from '../../utils/entry-check-digit';
import { uniqueDbName } from './helpers/history-fixtures';

const T1 = '2026-04-21T10:00:00.000Z';
const T2 = '2026-04-22T10:00:00.000Z';
const T3 = '2026-04-23T10:00:00.000Z';

function entryNumber(filerCode: string, serial: number): string {
  const firstTen = `${filerCode}${String(serial).padStart(7, '0')}`;
  return `${firstTen}${entryCheckDigit(firstTen)}`;
}

function claim(claimNumber: string, fields: Partial<ClaimRecord> = {}): ClaimRecord {
  return { claimNumber, aceStatus: 'pending', source: 'captured', notes: '', updatedAt: T1, ...fields };
}

function entry(claimNumber: string, number: string, fields: Partial<ClaimEntryRecord> = {}): ClaimEntryRecord {
  return { claimNumber, entryNumber: number, outcome: 'accepted', updatedAt: T1, ...fields };
}

const openDbs: HistoryDb[] = [];
async function freshDb(): Promise<HistoryDb> {
  const db = await openHistoryDb(uniqueDbName('store'));
  openDbs.push(db);
  return db;
}

afterEach(() => {
  vi.restoreAllMocks();
  while (openDbs.length) openDbs.pop()!.close();
});

const A1 = entryNumber('ABC', 1);
const A2 = entryNumber('ABC', 2);
const A3 = entryNumber('ABC', 3);
const B1 = entryNumber('B2X', 1);

describe('saveClaim', () => {
  it('adds a claim with its entries and reports what changed', async () => {
    const db = await freshDb();
    const result = await saveClaim(db, claim('cape-1', { filedDate: '2026-04-21' }), [
      entry('CAPE-1', A1),
      entry('CAPE-1', A2, { outcome: 'rejected', aceErrorText: 'ENTRY ON DRAWBACK' }),
    ]);
    expect(result).toEqual({ claims: { added: 1, updated: 0, unchanged: 0 }, claimEntries: { added: 2, updated: 0, unchanged: 0 } });
    const details = await getClaim(db, 'CAPE-1');
    expect(details?.claim.claimNumber).toBe('CAPE-1');
    expect(details?.counts).toEqual({ entries: 2, accepted: 1, rejected: 1, pending: 0 });
    expect(details?.entries.find((each) => each.entryNumber === A2)?.reasonCode).toBe('drawback');
  });

  it('counts a repeated save as unchanged', async () => {
    const db = await freshDb();
    await saveClaim(db, claim('C-1'), [entry('C-1', A1)]);
    expect(await saveClaim(db, claim('C-1'), [entry('C-1', A1)])).toEqual({
      claims: { added: 0, updated: 0, unchanged: 1 },
      claimEntries: { added: 0, updated: 0, unchanged: 1 },
    });
  });

  it('lets the newer record win per field and keeps fields only the older one has', async () => {
    const db = await freshDb();
    await saveClaim(db, claim('C-1', { updatedAt: T2, aceStatus: 'accepted', filedDate: '2026-04-20', notes: 'call Acme' }), [
      entry('C-1', A1, { updatedAt: T2, outcome: 'accepted' }),
    ]);
    const older = await saveClaim(db, claim('C-1', { updatedAt: T1, aceStatus: 'pending', importerNumber: '12-3456789AB' }), [
      entry('C-1', A1, { updatedAt: T1, outcome: 'pending' }),
    ]);
    expect(older.claims).toEqual({ added: 0, updated: 1, unchanged: 0 });
    expect(older.claimEntries).toEqual({ added: 0, updated: 0, unchanged: 1 });
    let stored = (await getClaim(db, 'C-1'))!;
    expect(stored.claim).toMatchObject({ aceStatus: 'accepted', filedDate: '2026-04-20', importerNumber: '12-3456789AB', notes: 'call Acme', updatedAt: T2 });
    expect(stored.entries[0]?.outcome).toBe('accepted');

    await saveClaim(db, claim('C-1', { updatedAt: T3, aceStatus: 'accepted-with-errors', source: 'imported' }), [
      entry('C-1', A1, { updatedAt: T3, outcome: 'rejected', aceErrorText: 'INVALID HTS' }),
    ]);
    stored = (await getClaim(db, 'C-1'))!;
    expect(stored.claim).toMatchObject({ aceStatus: 'accepted-with-errors', source: 'imported', notes: 'call Acme', updatedAt: T3 });
    expect(stored.entries[0]).toMatchObject({ outcome: 'rejected', aceErrorText: 'INVALID HTS', reasonCode: 'invalid-hts' });
  });

  it('drops the error text of an older outcome when the newer outcome differs', async () => {
    const db = await freshDb();
    await saveClaim(db, claim('C-1'), [entry('C-1', A1, { outcome: 'rejected', aceErrorText: 'UNABLE TO CALCULATE DUTY' })]);
    await saveClaim(db, claim('C-1', { updatedAt: T2 }), [entry('C-1', A1, { outcome: 'accepted', updatedAt: T2 })]);
    const stored = (await getClaim(db, 'C-1'))!.entries[0]!;
    expect(stored).toEqual({ claimNumber: 'C-1', entryNumber: A1, outcome: 'accepted', updatedAt: T2 });
  });

  it('saves several claims in one call and merges duplicates within it', async () => {
    const db = await freshDb();
    const result = await saveClaims(db, [
      { claim: claim('C-1'), entries: [entry('C-1', A1)] },
      { claim: claim('C-2'), entries: [entry('C-2', A1), entry('C-2', B1)] },
      { claim: claim('C-2', { updatedAt: T2, aceStatus: 'accepted' }), entries: [entry('C-2', B1, { updatedAt: T2, outcome: 'rejected' })] },
    ]);
    expect(result.claims.added).toBe(2);
    expect(result.claimEntries.added).toBe(3);
    expect((await getClaim(db, 'C-2'))?.claim.aceStatus).toBe('accepted');
    expect((await getClaim(db, 'C-2'))?.entries.find((each) => each.entryNumber === B1)?.outcome).toBe('rejected');
  });

  it('refuses a bad claim number, a bad entry number or an entry of another claim, writing nothing', async () => {
    const db = await freshDb();
    await expect(saveClaim(db, claim('C 1'))).rejects.toMatchObject({ name: 'HistoryWriteError', failure: 'invalid-record' });
    await expect(saveClaim(db, claim('C-1'), [entry('C-1', 'ABC123')])).rejects.toBeInstanceOf(HistoryWriteError);
    await expect(saveClaim(db, claim('C-1'), [entry('C-2', A1)])).rejects.toThrow(/names claim C-2/);
    expect(await db.count('claims')).toBe(0);
    expect(await db.count('claimEntries')).toBe(0);
  });

  it('stores entry numbers in normal form whatever form they came in', async () => {
    const db = await freshDb();
    await saveClaim(db, claim('C-1'), [entry('C-1', `${A1.slice(0, 3).toLowerCase()}-${A1.slice(3, 10)}-${A1.slice(10)}`)]);
    expect((await getClaim(db, 'C-1'))?.entries[0]?.entryNumber).toBe(A1);
  });
});

describe('lookups', () => {
  async function seeded(): Promise<HistoryDb> {
    const db = await freshDb();
    await saveClaim(db, claim('CAPE-100', { filedDate: '2026-04-20', updatedAt: T1 }), [entry('CAPE-100', A1, { outcome: 'rejected', aceErrorText: 'ENTRY ON DRAWBACK' }), entry('CAPE-100', A2)]);
    await saveClaim(db, claim('CAPE-101', { filedDate: '2026-04-22', updatedAt: T3 }), [entry('CAPE-101', A1, { outcome: 'pending' })]);
    await saveClaim(db, claim('X-7', { updatedAt: T2 }), [entry('X-7', B1)]);
    await learnEntryFacts(db, A3, { entryType: '01' }, 'page', '2026-04-20');
    return db;
  }

  it('finds every claim holding an entry, newest filed first, from any written form', async () => {
    const db = await seeded();
    const found = await findClaimsForEntry(db, `${A1.slice(0, 3).toLowerCase()}-${A1.slice(3, 10)}-${A1.slice(10)}`);
    expect(found.map(({ claim: each, entry: row }) => [each?.claimNumber, row.outcome, row.reasonCode])).toEqual([
      ['CAPE-101', 'pending', undefined],
      ['CAPE-100', 'rejected', 'drawback'],
    ]);
    expect(await findClaimsForEntry(db, B1.replace('1', '9'))).toEqual([]);
  });

  it('returns undefined for a claim it does not hold', async () => {
    const db = await seeded();
    expect(await getClaim(db, 'NOPE-1')).toBeUndefined();
    expect(await getClaim(db, 'bad claim')).toBeUndefined();
  });

  it('searches entry numbers (claimed or only in the ledger) and claim numbers by prefix', async () => {
    const db = await seeded();
    expect(await searchByPrefix(db, 'abc-')).toEqual({ entryNumbers: [A1, A2, A3], claims: [] });
    expect((await searchByPrefix(db, 'abc', 2)).entryNumbers).toEqual([A1, A2]);
    expect((await searchByPrefix(db, ' cape-10')).claims.map((each) => each.claimNumber)).toEqual(['CAPE-100', 'CAPE-101']);
    expect((await searchByPrefix(db, 'X-')).claims.map((each) => each.claimNumber)).toEqual(['X-7']);
    expect(await searchByPrefix(db, '')).toEqual({ entryNumbers: [], claims: [] });
    expect(await searchByPrefix(db, 'ZZZ')).toEqual({ entryNumbers: [], claims: [] });
  });

  it('lists recent claims, most recently changed first', async () => {
    const db = await seeded();
    expect((await recentClaims(db)).map((each) => each.claimNumber)).toEqual(['CAPE-101', 'X-7', 'CAPE-100']);
    expect((await recentClaims(db, 1)).map((each) => each.claimNumber)).toEqual(['CAPE-101']);
  });

  it('maps entries to the claims holding them and leaves unclaimed entries out', async () => {
    const db = await seeded();
    const known = await knownClaimsForEntries(db, [A1, A2, A3, B1]);
    expect([...known.keys()].sort()).toEqual([A1, A2, B1].sort());
    expect(known.get(A1)).toEqual([
      { claimNumber: 'CAPE-100', outcome: 'rejected', reasonCode: 'drawback' },
      { claimNumber: 'CAPE-101', outcome: 'pending' },
    ]);
  });

  it('answers 10,000 entries against 20,000 stored claim entries in one call', async () => {
    const db = await freshDb();
    const items = Array.from({ length: 20 }, (_, claimIndex) => ({
      claim: claim(`BULK-${claimIndex}`),
      entries: Array.from({ length: 1000 }, (_, index) => entry(`BULK-${claimIndex}`, entryNumber('BLK', claimIndex * 1000 + index), { outcome: index % 10 === 0 ? 'rejected' : 'accepted' })),
    }));
    await saveClaims(db, items);
    const asked = Array.from({ length: 10_000 }, (_, index) => entryNumber('BLK', index * 3));
    const started = performance.now();
    const known = await knownClaimsForEntries(db, asked);
    const elapsed = performance.now() - started;
    expect(known.size).toBe(Math.ceil(20_000 / 3));
    expect(known.get(entryNumber('BLK', 0))).toEqual([{ claimNumber: 'BULK-0', outcome: 'rejected' }]);
    expect(known.get(entryNumber('BLK', 19_998))).toEqual([{ claimNumber: 'BULK-19', outcome: 'accepted' }]);
    expect(elapsed).toBeLessThan(10_000);
  });
});

describe('entry ledger', () => {
  it('keeps each fact with its own source and date', async () => {
    const db = await freshDb();
    await learnEntryFacts(db, A1, { entryType: '01', liquidationStatus: 'unliquidated' }, 'file', '2026-04-10', T1);
    const record = await learnEntryFacts(db, A1, { liquidationStatus: 'liquidated', liquidationDate: '2026-04-03' }, 'page', '2026-04-20', T2);
    expect(record).toEqual({
      entryNumber: A1,
      facts: {
        entryType: { value: '01', source: 'file', learnedOn: '2026-04-10' },
        liquidationStatus: { value: 'liquidated', source: 'page', learnedOn: '2026-04-20' },
        liquidationDate: { value: '2026-04-03', source: 'page', learnedOn: '2026-04-20' },
      },
      updatedAt: T2,
    });
    expect(factValues(record.facts)).toEqual({ entryType: '01', liquidationStatus: 'liquidated', liquidationDate: '2026-04-03' });
  });

  it('does not let a fact learned earlier replace one learned later', async () => {
    const db = await freshDb();
    await learnEntryFacts(db, A1, { liquidationStatus: 'liquidated' }, 'page', '2026-04-20', T2);
    const counts = await learnEntryFactsBulk(db, [{ entryNumber: A1, facts: { liquidationStatus: 'unliquidated' } }], 'file', '2026-03-01', T3);
    expect(counts).toEqual({ added: 0, updated: 0, unchanged: 1 });
    expect((await getEntryFacts(db, A1))?.facts.liquidationStatus).toEqual({ value: 'liquidated', source: 'page', learnedOn: '2026-04-20' });
  });

  it('learns thousands of entries in one call and reads them back in bulk', async () => {
    const db = await freshDb();
    const items = Array.from({ length: 5000 }, (_, index) => ({ entryNumber: entryNumber('LED', index), facts: { entryType: index % 2 ? '01' : '21' } }));
    expect(await learnEntryFactsBulk(db, items, 'page', '2026-04-20')).toEqual({ added: 5000, updated: 0, unchanged: 0 });
    const found = await getEntryFactsBulk(db, [entryNumber('LED', 1), entryNumber('LED', 4999), A1]);
    expect(found.size).toBe(2);
    expect(found.get(entryNumber('LED', 4999))?.facts.entryType?.value).toBe('01');
  });

  it('refuses something that is not an entry number and writes nothing', async () => {
    const db = await freshDb();
    await expect(learnEntryFactsBulk(db, [{ entryNumber: A1, facts: { entryType: '01' } }, { entryNumber: 'hello', facts: {} }], 'manual', '2026-04-20')).rejects.toMatchObject({
      failure: 'invalid-record',
    });
    expect(await db.count('entryLedger')).toBe(0);
  });
});

function batch(id: string, fields: Partial<StagedBatchRecord> = {}): StagedBatchRecord {
  return {
    id,
    createdAt: T1,
    updatedAt: T1,
    state: 'staging',
    rows: [
      { input: A1, row: 2, entryNumber: A1 },
      { input: `${A2} `, row: 3, entryNumber: A2 },
      { input: 'garbage', row: 4, entryNumber: null },
      { input: A3, row: 5, entryNumber: A3, removed: true },
    ],
    exportedFiles: [],
    ...fields,
  };
}

describe('staged batches', () => {
  it('saves, reads, lists and deletes batches', async () => {
    const db = await freshDb();
    await saveStagedBatch(db, batch('b1', { name: 'Acme April' }));
    await saveStagedBatch(db, batch('b2', { updatedAt: T2, state: 'exported', exportedFiles: [{ fileName: 'f1.csv', entryNumbers: [A1, A2], exportedAt: T2 }] }));
    expect((await getStagedBatch(db, 'b1'))?.rows).toHaveLength(4);
    expect(await listStagedBatches(db)).toEqual([
      {
        id: 'b2',
        createdAt: T1,
        updatedAt: T2,
        state: 'exported',
        rowCount: 4,
        activeRowCount: 3,
        exportedFiles: [{ fileName: 'f1.csv', entryCount: 2, exportedAt: T2 }],
        unrecordedFileCount: 1,
      },
      { id: 'b1', name: 'Acme April', createdAt: T1, updatedAt: T1, state: 'staging', rowCount: 4, activeRowCount: 3, exportedFiles: [], unrecordedFileCount: 0 },
    ]);
    await deleteStagedBatch(db, 'b1');
    expect(await getStagedBatch(db, 'b1')).toBeUndefined();
    expect(await db.count('stagedBatches')).toBe(1);
  });

  it('keeps extra row fields the side panel adds', async () => {
    const db = await freshDb();
    interface PanelRow { input: string; row: number; entryNumber: string | null; status: 'ready' | 'excluded' }
    const rows: PanelRow[] = [{ input: A1, row: 2, entryNumber: A1, status: 'ready' }];
    await saveStagedBatch(db, { ...batch('b1'), rows });
    expect((await getStagedBatch<PanelRow>(db, 'b1'))?.rows[0]?.status).toBe('ready');
  });

  it('refuses a batch without rows', async () => {
    const db = await freshDb();
    await expect(saveStagedBatch(db, { ...batch('b1'), rows: undefined as never })).rejects.toMatchObject({ failure: 'invalid-record' });
  });
});

describe('recordClaimForBatch', () => {
  const files = [
    { fileName: 'part-1.csv', entryNumbers: [A1, A2], exportedAt: T2 },
    { fileName: 'part-2.csv', entryNumbers: [B1], exportedAt: T2 },
  ];

  it('puts the file’s entries under the claim as pending and marks the batch recorded once every file is', async () => {
    const db = await freshDb();
    await saveStagedBatch(db, batch('b1', { state: 'exported', exportedFiles: files }));
    const first = await recordClaimForBatch(db, { batchId: 'b1', fileName: 'part-1.csv', claimNumber: ' cape-200 ', filedDate: '2026-04-22', updatedAt: T3 });
    expect(first.claim).toEqual({ claimNumber: 'CAPE-200', filedDate: '2026-04-22', aceStatus: 'pending', entryCount: 2, source: 'recorded', notes: '', updatedAt: T3 });
    expect(first.entriesAdded).toBe(2);
    expect(first.batch.state).toBe('exported');
    expect((await getClaim(db, 'CAPE-200'))?.counts).toEqual({ entries: 2, accepted: 0, rejected: 0, pending: 2 });

    const second = await recordClaimForBatch(db, { batchId: 'b1', fileName: 'part-2.csv', claimNumber: 'CAPE-201', filedDate: '2026-04-22', updatedAt: T3 });
    expect(second.batch.state).toBe('recorded');
    expect((await getStagedBatch(db, 'b1'))?.exportedFiles.map((file) => file.claimNumber)).toEqual(['CAPE-200', 'CAPE-201']);
  });

  it('keeps outcomes the overlay already captured for that claim', async () => {
    const db = await freshDb();
    await saveClaim(db, claim('CAPE-200', { aceStatus: 'accepted-with-errors', source: 'captured' }), [entry('CAPE-200', A1, { outcome: 'rejected', aceErrorText: 'INVALID HTS' })]);
    await saveStagedBatch(db, batch('b1', { state: 'exported', exportedFiles: files }));
    const result = await recordClaimForBatch(db, { batchId: 'b1', fileName: 'part-1.csv', claimNumber: 'CAPE-200', filedDate: '2026-04-22', updatedAt: T3 });
    expect(result.entriesAdded).toBe(1);
    expect(result.claim).toMatchObject({ aceStatus: 'accepted-with-errors', source: 'captured', filedDate: '2026-04-22' });
    const details = (await getClaim(db, 'CAPE-200'))!;
    expect(details.entries.find((each) => each.entryNumber === A1)).toMatchObject({ outcome: 'rejected', reasonCode: 'invalid-hts' });
  });

  it('moves pending entries off a mistyped claim number when the file is recorded again', async () => {
    const db = await freshDb();
    await saveStagedBatch(db, batch('b1', { state: 'exported', exportedFiles: files }));
    await recordClaimForBatch(db, { batchId: 'b1', fileName: 'part-1.csv', claimNumber: 'CAPE-2OO', filedDate: '2026-04-22', updatedAt: T2 });
    await recordClaimForBatch(db, { batchId: 'b1', fileName: 'part-1.csv', claimNumber: 'CAPE-200', filedDate: '2026-04-22', updatedAt: T3 });
    expect(await getClaim(db, 'CAPE-2OO')).toBeUndefined();
    expect((await findClaimsForEntry(db, A1)).map(({ entry: row }) => row.claimNumber)).toEqual(['CAPE-200']);
  });

  it('says so when the batch or file is gone, or the claim number is unusable', async () => {
    const db = await freshDb();
    await expect(recordClaimForBatch(db, { batchId: 'nope', fileName: 'x.csv', claimNumber: 'C-1', filedDate: '2026-04-22' })).rejects.toMatchObject({ failure: 'not-found' });
    await saveStagedBatch(db, batch('b1', { state: 'exported', exportedFiles: files }));
    await expect(recordClaimForBatch(db, { batchId: 'b1', fileName: 'x.csv', claimNumber: 'C-1', filedDate: '2026-04-22' })).rejects.toThrow(/no exported file named x\.csv/);
    await expect(recordClaimForBatch(db, { batchId: 'b1', fileName: 'part-1.csv', claimNumber: 'C/1', filedDate: '2026-04-22' })).rejects.toMatchObject({ failure: 'invalid-record' });
    expect(await db.count('claims')).toBe(0);
  });
});

describe('wipeHistory', () => {
  it('empties every store', async () => {
    const db = await freshDb();
    await saveClaim(db, claim('C-1'), [entry('C-1', A1)]);
    await learnEntryFacts(db, A1, { entryType: '01' }, 'manual', '2026-04-20');
    await saveStagedBatch(db, batch('b1'));
    await wipeHistory(db);
    for (const store of ['claims', 'claimEntries', 'entryLedger', 'stagedBatches'] as const) expect(await db.count(store)).toBe(0);
  });
});

describe('failed writes', () => {
  async function withEarlierData(): Promise<HistoryDb> {
    const db = await freshDb();
    await saveClaim(db, claim('KEEP-1', { notes: 'earlier' }), [entry('KEEP-1', A1)]);
    await learnEntryFacts(db, A1, { entryType: '01' }, 'page', '2026-04-20', T1);
    return db;
  }

  async function expectEarlierDataIntact(db: HistoryDb): Promise<void> {
    expect(await db.count('claims')).toBe(1);
    expect(await db.count('claimEntries')).toBe(1);
    expect((await getClaim(db, 'KEEP-1'))?.claim.notes).toBe('earlier');
    expect(await db.count('entryLedger')).toBe(1);
    expect((await getEntryFacts(db, A1))?.facts).toEqual({ entryType: { value: '01', source: 'page', learnedOn: '2026-04-20' } });
  }

  it('rolls back a bulk write when IndexedDB cannot store a value half-way through', async () => {
    const db = await withEarlierData();
    const items = Array.from({ length: 1000 }, (_, index) => ({ entryNumber: entryNumber('FLD', index), facts: { entryType: '01' } as Record<string, unknown> }));
    items.unshift({ entryNumber: A1, facts: { entryType: '21' } });
    items[600]!.facts = { entryType: () => '01' };
    const failure = await learnEntryFactsBulk(db, items as never, 'page', '2026-04-21').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HistoryWriteError);
    expect((failure as HistoryWriteError).failure).toBe('invalid-record');
    expect((failure as HistoryWriteError).message).toMatch(/Nothing was changed/);
    await expectEarlierDataIntact(db);
  });

  it('reports a full disk in plain words and keeps earlier data', async () => {
    const db = await withEarlierData();
    const realPut = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++calls === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    const failure = await saveClaim(db, claim('KEEP-1', { notes: '', aceStatus: 'accepted', updatedAt: T3 }), [
      entry('KEEP-1', A1, { updatedAt: T3, outcome: 'rejected' }),
      entry('KEEP-1', A2, { updatedAt: T3 }),
      entry('KEEP-1', A3, { updatedAt: T3 }),
    ]).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'HistoryWriteError', failure: 'quota' });
    expect((failure as Error).message).toMatch(/no storage space left/);
    vi.restoreAllMocks();
    await expectEarlierDataIntact(db);
    expect((await getClaim(db, 'KEEP-1'))?.claim.aceStatus).toBe('pending');
  });

  it('keeps earlier data when the transaction is aborted mid-way', async () => {
    const db = await withEarlierData();
    const realPut = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const request = realPut.apply(this, args);
      if (++calls === 2) this.transaction.abort();
      return request;
    });
    const failure = await saveClaims(db, [
      { claim: claim('NEW-1'), entries: [entry('NEW-1', A2)] },
      { claim: claim('KEEP-1', { updatedAt: T3, notes: 'overwritten' }), entries: [] },
    ]).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'HistoryWriteError', failure: 'aborted' });
    vi.restoreAllMocks();
    await expectEarlierDataIntact(db);
    expect(await getClaim(db, 'NEW-1')).toBeUndefined();
  });

  it('says the database was closed when it was', async () => {
    const db = await withEarlierData();
    db.close();
    await expect(saveClaim(db, claim('C-9'))).rejects.toMatchObject({ failure: 'closed' });
  });
});

describe('decided results are final', () => {
  it('does not let a later pending or unknown status undo a decided claim status or entry outcome', async () => {
    const db = await freshDb();
    await saveClaim(db, claim('C-1', { aceStatus: 'accepted-with-errors', aceStatusText: 'Accepted with Error(s)' }), [
      entry('C-1', A1, { outcome: 'rejected', aceErrorText: 'INVALID HTS' }),
    ]);
    const result = await saveClaim(db, claim('C-1', { aceStatus: 'unknown', updatedAt: T2, filedDate: '2026-04-20' }), [entry('C-1', A1, { outcome: 'pending', updatedAt: T2 })]);
    expect(result.claimEntries.unchanged).toBe(1);
    const stored = (await getClaim(db, 'C-1'))!;
    expect(stored.claim).toMatchObject({ aceStatus: 'accepted-with-errors', aceStatusText: 'Accepted with Error(s)', filedDate: '2026-04-20', updatedAt: T2 });
    expect(stored.entries[0]).toMatchObject({ outcome: 'rejected', aceErrorText: 'INVALID HTS', updatedAt: T1 });
  });
});
