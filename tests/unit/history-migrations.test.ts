import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openHistoryDb } from '../../utils/history-db';
import { migrateRecord } from '../../utils/history-migrations';
import { recordProblems } from '../../utils/history-records';
import { HISTORY_SCHEMA_VERSION, HISTORY_STORE_NAMES, type HistoryStoreName } from '../../utils/history-schema';
import { findClaimsForEntry, getClaim } from '../../utils/history-store';
import { createDatabaseFromFixture, readHistoryFixture, uniqueDbName } from './helpers/history-fixtures';

function keyOf(store: HistoryStoreName, record: Record<string, unknown>): IDBValidKey {
  switch (store) {
    case 'claims':
      return record.claimNumber as string;
    case 'claimEntries':
      return [record.claimNumber as string, record.entryNumber as string];
    case 'entryLedger':
      return record.entryNumber as string;
    case 'stagedBatches':
      return record.id as string;
  }
}

describe('history schema versions', () => {
  it('keeps a fixture for every earlier schema version', () => {
    for (let version = 1; version < HISTORY_SCHEMA_VERSION; version++) {
      const path = fileURLToPath(new URL(`../fixtures/history/v${version}.json`, import.meta.url));
      expect(existsSync(path), `tests/fixtures/history/v${version}.json`).toBe(true);
    }
  });

  it('creates every store and index in a new database', async () => {
    const db = await openHistoryDb(uniqueDbName('fresh'));
    expect(db.version).toBe(HISTORY_SCHEMA_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([...HISTORY_STORE_NAMES].sort());
    const transaction = db.transaction([...HISTORY_STORE_NAMES], 'readonly');
    expect([...transaction.objectStore('claimEntries').indexNames].sort()).toEqual(['byClaimNumber', 'byEntryNumber']);
    expect([...transaction.objectStore('claims').indexNames]).toEqual(['byUpdatedAt']);
    expect([...transaction.objectStore('stagedBatches').indexNames]).toEqual(['byUpdatedAt']);
    db.close();
  });
});

describe('upgrade from a database written by schema v1', () => {
  const fixture = readHistoryFixture(1);

  async function openUpgraded() {
    const name = uniqueDbName('v1');
    await createDatabaseFromFixture(name, fixture);
    return { name, db: await openHistoryDb(name) };
  }

  it('loses no record in any store', async () => {
    const { db } = await openUpgraded();
    expect(db.version).toBe(HISTORY_SCHEMA_VERSION);
    for (const store of HISTORY_STORE_NAMES) {
      const records = fixture.stores[store] ?? [];
      expect(await db.count(store), store).toBe(records.length);
      for (const record of records) {
        expect(await db.get(store, keyOf(store, record) as never), `${store} ${JSON.stringify(keyOf(store, record))}`).toBeDefined();
      }
    }
    db.close();
  });

  it('leaves every record valid for the current schema', async () => {
    const { db } = await openUpgraded();
    for (const store of HISTORY_STORE_NAMES) {
      for (const record of await db.getAll(store)) expect(recordProblems[store](record), `${store} ${JSON.stringify(record)}`).toEqual([]);
    }
    db.close();
  });

  it('derives the reason code of each claim entry from its ACE error text, other fields untouched', async () => {
    const { db } = await openUpgraded();
    const reasonOf = async (claimNumber: string, entryNumber: string) => (await db.get('claimEntries', [claimNumber, entryNumber]))?.reasonCode;
    expect(await reasonOf('CAPE-2026-000101', 'ABC12345684')).toBe('drawback');
    expect(await reasonOf('CAPE-2026-000101', 'ABC12345692')).toBe('reconciliation');
    expect(await reasonOf('C20260424M2K', 'M2K00451203')).toBe('finally-liquidated');
    expect(await reasonOf('C20260424M2K', 'M2K00451211')).toBe('unknown-ace-error');
    expect(await reasonOf('C20260424M2K', 'M2K00451229')).toBeUndefined();
    expect(await reasonOf('CAPE-2026-000101', 'ABC12345676')).toBeUndefined();
    for (const old of fixture.stores.claimEntries!) {
      const { reasonCode, ...rest } = (await db.get('claimEntries', [old.claimNumber as string, old.entryNumber as string]))!;
      expect(rest).toEqual(old);
      expect(reasonCode === undefined || typeof reasonCode === 'string').toBe(true);
    }
    db.close();
  });

  it('gives each ledger fact the source and date its entry had', async () => {
    const { db } = await openUpgraded();
    const record = await db.get('entryLedger', 'ABC12345676');
    expect(record).toEqual({
      entryNumber: 'ABC12345676',
      facts: {
        entryType: { value: '01', source: 'page', learnedOn: '2026-04-20' },
        entrySummaryDate: { value: '2025-06-02', source: 'page', learnedOn: '2026-04-20' },
        liquidationStatus: { value: 'unliquidated', source: 'page', learnedOn: '2026-04-20' },
        tariffLines: {
          value: [{ htsNumber: '9903.01.25', dutyAmount: 1250.5 }, { htsNumber: '8471.30.0100' }],
          source: 'page',
          learnedOn: '2026-04-20',
        },
      },
      updatedAt: '2026-04-20T13:00:00.000Z',
    });
    expect((await db.get('entryLedger', '31600000173'))?.facts.drawbackFlag).toEqual({ value: true, source: 'manual', learnedOn: '2026-04-24' });
    db.close();
  });

  it('keeps claims and staged batches exactly as they were', async () => {
    const { db } = await openUpgraded();
    for (const claim of fixture.stores.claims!) expect(await db.get('claims', claim.claimNumber as string)).toEqual(claim);
    for (const batch of fixture.stores.stagedBatches!) expect(await db.get('stagedBatches', batch.id as string)).toEqual(batch);
    db.close();
  });

  it('answers lookups through the indexes after the upgrade', async () => {
    const { db } = await openUpgraded();
    const holding = await findClaimsForEntry(db, 'ABC-1234568-4');
    expect(holding.map(({ entry }) => [entry.claimNumber, entry.outcome])).toEqual([
      ['CAPE-2026-000102', 'pending'],
      ['CAPE-2026-000101', 'rejected'],
    ]);
    expect((await getClaim(db, 'cape-2026-000101'))?.counts).toEqual({ entries: 4, accepted: 2, rejected: 2, pending: 0 });
    db.close();
  });

  it('does nothing more when the upgraded database is opened again', async () => {
    const { name, db } = await openUpgraded();
    const before = await db.getAll('entryLedger');
    db.close();
    const again = await openHistoryDb(name);
    expect(await again.getAll('entryLedger')).toEqual(before);
    again.close();
  });
});

describe('migrateRecord', () => {
  it('brings v1 records to the current shape and leaves current records alone', () => {
    const v1Entry = { claimNumber: 'C1', entryNumber: 'ABC12345684', outcome: 'rejected', aceErrorText: 'entry on drawback', updatedAt: '2026-04-22T15:04:05.000Z' };
    expect(migrateRecord('claimEntries', v1Entry, 1)).toEqual({ ...v1Entry, reasonCode: 'drawback' });
    expect(migrateRecord('claimEntries', v1Entry, HISTORY_SCHEMA_VERSION)).toBe(v1Entry);
    const v1Ledger = { entryNumber: 'ABC12345676', facts: { entryType: '01', drawbackFlag: undefined }, source: 'file', learnedOn: '2026-04-01', updatedAt: '2026-04-01T00:00:00.000Z' };
    expect(migrateRecord('entryLedger', v1Ledger, 1)).toEqual({
      entryNumber: 'ABC12345676',
      facts: { entryType: { value: '01', source: 'file', learnedOn: '2026-04-01' } },
      updatedAt: '2026-04-01T00:00:00.000Z',
    });
    const claim = { claimNumber: 'C1' };
    expect(migrateRecord('claims', claim, 1)).toBe(claim);
  });
});
