import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { canonicalJson } from '../../utils/canonical-json';
import { entryCheckDigit } from '../../utils/entry-check-digit';
import { BackupImportError, backupFileName, exportBackup, importBackup, readBackup, type BackupDocument } from '../../utils/history-backup';
import { openHistoryDb, type HistoryDb } from '../../utils/history-db';
import { HistoryWriteError } from '../../utils/history-errors';
import { HISTORY_SCHEMA_VERSION, HISTORY_STORE_NAMES, type ClaimRecord } from '../../utils/history-schema';
import { getClaim, learnEntryFacts, saveClaim, saveStagedBatch, wipeHistory } from '../../utils/history-store';
import { uniqueDbName } from './helpers/history-fixtures';

const T1 = '2026-04-21T10:00:00.000Z';
const T2 = '2026-04-22T10:00:00.000Z';
const T3 = '2026-04-23T10:00:00.000Z';

function entryNumber(filerCode: string, serial: number): string {
  const firstTen = `${filerCode}${String(serial).padStart(7, '0')}`;
  return `${firstTen}${entryCheckDigit(firstTen)}`;
}
const A1 = entryNumber('ABC', 1);
const A2 = entryNumber('ABC', 2);

function claim(claimNumber: string, fields: Partial<ClaimRecord> = {}): ClaimRecord {
  return { claimNumber, aceStatus: 'pending', source: 'captured', notes: '', updatedAt: T1, ...fields };
}

const openDbs: HistoryDb[] = [];
async function freshDb(): Promise<HistoryDb> {
  const db = await openHistoryDb(uniqueDbName('backup'));
  openDbs.push(db);
  return db;
}
afterEach(() => {
  vi.restoreAllMocks();
  while (openDbs.length) openDbs.pop()!.close();
});

async function seeded(): Promise<HistoryDb> {
  const db = await freshDb();
  await saveClaim(db, claim('CAPE-1', { filedDate: '2026-04-20', aceStatus: 'accepted-with-errors', notes: 'Acme' }), [
    { claimNumber: 'CAPE-1', entryNumber: A1, outcome: 'accepted', updatedAt: T1 },
    { claimNumber: 'CAPE-1', entryNumber: A2, outcome: 'rejected', aceErrorText: 'ENTRY ON DRAWBACK', updatedAt: T1 },
  ]);
  await saveClaim(db, claim('CAPE-2', { updatedAt: T2 }), [{ claimNumber: 'CAPE-2', entryNumber: A2, outcome: 'pending', updatedAt: T2 }]);
  await learnEntryFacts(db, A1, { entryType: '01', tariffLines: [{ htsNumber: '9903.01.25', dutyAmount: 99.5 }] }, 'page', '2026-04-20', T1);
  await saveStagedBatch(db, {
    id: 'b1',
    createdAt: T1,
    updatedAt: T2,
    state: 'exported',
    rows: [{ input: A1, row: 2, entryNumber: A1 }],
    exportedFiles: [{ fileName: 'part-1.csv', entryNumbers: [A1], exportedAt: T2 }],
  });
  return db;
}

async function snapshot(db: HistoryDb): Promise<string> {
  const stores: Record<string, unknown[]> = {};
  for (const store of HISTORY_STORE_NAMES) stores[store] = await db.getAll(store);
  return canonicalJson(stores);
}

async function rewritten(text: string, edit: (document: BackupDocument) => void, recomputeChecksum: boolean): Promise<string> {
  const document = JSON.parse(text) as BackupDocument;
  edit(document);
  if (recomputeChecksum) document.checksum = createHash('sha256').update(canonicalJson(document.data)).digest('hex');
  return JSON.stringify(document);
}

describe('exportBackup', () => {
  it('writes one JSON document with version, counts and a SHA-256 checksum of the canonical data', async () => {
    const db = await seeded();
    const document = JSON.parse(await exportBackup(db, T3)) as BackupDocument;
    expect(document.format).toBe('cape-companion-backup');
    expect(document.schemaVersion).toBe(HISTORY_SCHEMA_VERSION);
    expect(document.exportedAt).toBe(T3);
    expect(document.counts).toEqual({ claims: 2, claimEntries: 3, entryLedger: 1, stagedBatches: 1 });
    expect(document.checksum).toBe(createHash('sha256').update(canonicalJson(document.data)).digest('hex'));
    expect(document.data.claimEntries.find((entry) => entry.entryNumber === A2 && entry.claimNumber === 'CAPE-1')?.reasonCode).toBe('drawback');
    expect(backupFileName('2026-04-23')).toBe('cape-companion-backup-2026-04-23.json');
  });
});

describe('importBackup', () => {
  it('restores everything after a wipe, and a second import changes nothing', async () => {
    const db = await seeded();
    const before = await snapshot(db);
    const text = await exportBackup(db);
    await wipeHistory(db);
    const restored = await importBackup(db, text);
    expect(restored.fromSchemaVersion).toBe(HISTORY_SCHEMA_VERSION);
    expect(restored.changes).toEqual({
      claims: { added: 2, updated: 0, unchanged: 0 },
      claimEntries: { added: 3, updated: 0, unchanged: 0 },
      entryLedger: { added: 1, updated: 0, unchanged: 0 },
      stagedBatches: { added: 1, updated: 0, unchanged: 0 },
    });
    expect(await snapshot(db)).toBe(before);
    const again = await importBackup(db, text);
    for (const store of HISTORY_STORE_NAMES) expect(again.changes[store].added + again.changes[store].updated).toBe(0);
  });

  it('restores into another browser profile (a new database)', async () => {
    const source = await seeded();
    const target = await freshDb();
    await importBackup(target, await exportBackup(source));
    expect(await snapshot(target)).toBe(await snapshot(source));
  });

  it('lets the newer record win per key and keeps the stored one on a tie or when it is newer', async () => {
    const db = await seeded();
    const text = await exportBackup(db);
    await saveClaim(db, claim('CAPE-1', { updatedAt: T3, aceStatus: 'accepted', notes: 'newer here' }));
    const backup = await rewritten(
      text,
      (document) => {
        const second = document.data.claims.find((each) => each.claimNumber === 'CAPE-2')!;
        second.aceStatus = 'rejected';
        second.updatedAt = T3;
        document.data.claims.push(claim('CAPE-3', { updatedAt: T1 }));
        document.counts.claims++;
      },
      true,
    );
    const result = await importBackup(db, backup);
    expect(result.changes.claims).toEqual({ added: 1, updated: 1, unchanged: 1 });
    expect((await getClaim(db, 'CAPE-1'))?.claim).toMatchObject({ aceStatus: 'accepted', notes: 'newer here' });
    expect((await getClaim(db, 'CAPE-2'))?.claim.aceStatus).toBe('rejected');
    expect(await getClaim(db, 'CAPE-3')).toBeDefined();
  });

  it('accepts a backup written by schema v1 and brings its records up to date', async () => {
    const db = await freshDb();
    const path = fileURLToPath(new URL('../fixtures/history/backup-v1.json', import.meta.url));
    const result = await importBackup(db, readFileSync(path, 'utf8'));
    expect(result.fromSchemaVersion).toBe(1);
    expect(result.changes).toEqual({
      claims: { added: 3, updated: 0, unchanged: 0 },
      claimEntries: { added: 11, updated: 0, unchanged: 0 },
      entryLedger: { added: 3, updated: 0, unchanged: 0 },
      stagedBatches: { added: 1, updated: 0, unchanged: 0 },
    });
    expect((await db.get('claimEntries', ['CAPE-2026-000101', 'ABC12345692']))?.reasonCode).toBe('reconciliation');
    expect((await db.get('entryLedger', 'M2K00451203'))?.facts.liquidationStatus).toEqual({ value: 'final', source: 'file', learnedOn: '2026-04-18' });
  });

  describe('a file that fails a check changes nothing and says why', () => {
    async function expectRefused(db: HistoryDb, text: string, reason: string, message: RegExp): Promise<void> {
      const before = await snapshot(db);
      const failure = await importBackup(db, text).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(BackupImportError);
      expect((failure as BackupImportError).reason).toBe(reason);
      expect((failure as Error).message).toMatch(message);
      expect((failure as Error).message).toMatch(/Nothing was changed/);
      expect(await snapshot(db)).toBe(before);
    }

    it('empty', async () => {
      const db = await seeded();
      await expectRefused(db, ' \n', 'empty', /empty/);
    });

    it('truncated', async () => {
      const db = await seeded();
      const text = await exportBackup(db);
      await expectRefused(db, text.slice(0, Math.floor(text.length / 2)), 'truncated', /incomplete/);
    });

    it('damaged JSON', async () => {
      const db = await seeded();
      const text = await exportBackup(db);
      const middle = text.indexOf('"claimEntries"');
      await expectRefused(db, `${text.slice(0, middle)}}{${text.slice(middle + 2)}`, 'corrupt', /damaged/);
    });

    it('not JSON at all (a CSV)', async () => {
      const db = await seeded();
      await expectRefused(db, 'Entry Number\r\nABC12345676\r\n', 'not-json', /not a CAPE Companion backup/);
    });

    it('foreign JSON', async () => {
      const db = await seeded();
      await expectRefused(db, '{"format":"other-tool-export","data":{}}', 'foreign', /format says "other-tool-export"/);
      await expectRefused(db, '[1,2,3]', 'foreign', /not a CAPE Companion backup/);
    });

    it('edited after export (checksum mismatch)', async () => {
      const db = await seeded();
      const text = await rewritten(await exportBackup(db), (document) => (document.data.claims[0]!.notes = 'edited'), false);
      await expectRefused(db, text, 'checksum-mismatch', /changed after it was exported/);
    });

    it('counts that do not match the data', async () => {
      const db = await seeded();
      const text = await rewritten(await exportBackup(db), (document) => document.data.claimEntries.pop(), true);
      await expectRefused(db, text, 'corrupt', /says 3 claimEntries records but holds 2/);
    });

    it('made by a newer version', async () => {
      const db = await seeded();
      const text = await rewritten(await exportBackup(db), (document) => (document.schemaVersion = HISTORY_SCHEMA_VERSION + 1), true);
      await expectRefused(db, text, 'newer-version', /newer version of CAPE Companion/);
    });

    it('a bad record among good ones, checksum right', async () => {
      const db = await freshDb();
      const source = await seeded();
      const text = await rewritten(
        await exportBackup(source),
        (document) => {
          document.data.claimEntries[1]!.outcome = 'maybe' as never;
          document.data.claims[0]!.updatedAt = 'yesterday';
        },
        true,
      );
      await expectRefused(db, text, 'invalid-record', /2 record\(s\).*claims record 1 \(CAPE-1\): updatedAt is not an ISO timestamp.*outcome "maybe" is unknown/);
      expect(await db.count('claims')).toBe(0);
    });

    it('a key listed twice', async () => {
      const db = await seeded();
      const text = await rewritten(
        await exportBackup(db),
        (document) => {
          document.data.claims.push({ ...document.data.claims[0]! });
          document.counts.claims++;
        },
        true,
      );
      await expectRefused(db, text, 'invalid-record', /listed twice/);
    });
  });

  it('rolls the whole import back when storage runs out half-way', async () => {
    const source = await seeded();
    const text = await exportBackup(source);
    const db = await freshDb();
    await saveClaim(db, claim('KEEP-1', { notes: 'mine' }));
    const before = await snapshot(db);
    const realPut = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++calls === 4) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    const failure = await importBackup(db, text).catch((error: unknown) => error);
    vi.restoreAllMocks();
    expect(failure).toBeInstanceOf(HistoryWriteError);
    expect((failure as HistoryWriteError).failure).toBe('quota');
    expect(await snapshot(db)).toBe(before);
  });

  it('readBackup checks a file without any database', async () => {
    const db = await seeded();
    const verified = await readBackup(await exportBackup(db, T3));
    expect(verified.exportedAt).toBe(T3);
    expect(verified.data.claims.map((each) => each.claimNumber)).toEqual(['CAPE-1', 'CAPE-2']);
  });
});
