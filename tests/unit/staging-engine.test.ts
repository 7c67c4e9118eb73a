import { afterEach, describe, expect, it } from 'vitest';
import { writeCapeFiles } from '../../utils/cape-file';
import { checkDeclaration } from '../../utils/check-declaration';
import { entryCheckDigit } from '../../utils/entry-check-digit';
import { writeExclusionsReport } from '../../utils/exclusions-report';
import { openHistoryDb, type HistoryDb } from '../../utils/history-db';
import { getClaim, getStagedBatch, saveClaim } from '../../utils/history-store';
import { readInputText } from '../../utils/read-input';
import { StagingEngine } from '../../utils/staging-engine';
import { MAX_STAGING_INPUT_BYTES } from '../../utils/staging-input';
import { noStagingFilter } from '../../utils/staging-filter';
import type { StagingState, StagingWorkerMessage } from '../../utils/staging-protocol';
import { uniqueDbName } from './helpers/history-fixtures';

const today = '2026-11-23';
const options = { today };
const opened: HistoryDb[] = [];

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function entry(serial: number, filerCode = 'ABC'): string {
  const firstTen = `${filerCode}${String(serial).padStart(7, '0')}`;
  return `${firstTen}${entryCheckDigit(firstTen)}`;
}

function engineOn(name: string) {
  const messages: StagingWorkerMessage[] = [];
  const engine = new StagingEngine({
    openDb: async () => {
      const db = await openHistoryDb(name);
      opened.push(db);
      return db;
    },
    post: (message) => messages.push(message),
    saveDelayMs: 0,
  });
  const lastState = (): StagingState => (messages.filter((message) => message.type === 'state').at(-1) as { state: StagingState }).state;
  return { engine, messages, lastState };
}

describe('StagingEngine', () => {
  const a = entry(1);
  const b = entry(2);
  const text = `Entry Number\n${a}\n${a.toLowerCase()}\nxyz\n${b}\n`;

  it('stages pasted text, shows rows a window at a time, removes and undoes', async () => {
    const { engine, lastState } = engineOn(uniqueDbName('staging'));
    const state = await engine.handle({ type: 'init', options });
    expect(state).toMatchObject({ loaded: true, batchState: 'staging', summary: { rows: 0 } });
    const added = await engine.handle({ type: 'add-text', jobId: 1, text, source: 'pasted text' });
    expect(added).toEqual({ added: 4, errors: [] });
    expect(lastState().summary).toMatchObject({ rows: 4, ready: 2, excluded: 2 });
    const view = await engine.handle({ type: 'view', filter: noStagingFilter, start: 1, end: 3 });
    expect(view.total).toBe(4);
    expect(view.rows.map((row) => [row.index, row.row, row.status])).toEqual([
      [2, 3, 'excluded'],
      [3, 4, 'excluded'],
    ]);
    // Removing the first of two makes the second the one kept.
    const firstId = (await engine.handle({ type: 'view', filter: noStagingFilter, start: 0, end: 1 })).rows[0]!.id;
    await engine.handle({ type: 'remove', ids: [firstId] });
    expect(lastState().summary).toMatchObject({ ready: 2, excluded: 1, removed: 1 });
    expect(lastState().undoLabel).toBe('remove 1 row');
    expect(await engine.handle({ type: 'undo' })).toBe('remove 1 row');
    expect(lastState().summary).toMatchObject({ ready: 2, excluded: 2, removed: 0 });
    expect(await engine.handle({ type: 'remove-shown', filter: { ...noStagingFilter, code: 'duplicate' } })).toBe(1);
    expect(lastState().summary).toMatchObject({ ready: 2, excluded: 1, removed: 1 });
  });

  it('saves a small change at once, and a file of many rows a moment later so the panel draws it first', async () => {
    const name = uniqueDbName('staging');
    const messages: StagingWorkerMessage[] = [];
    const engine = new StagingEngine({ openDb: () => openHistoryDb(name).then((db) => (opened.push(db), db)), post: (message) => messages.push(message), bulkSaveDelayMs: 300 });
    await engine.handle({ type: 'init', options });
    const db = await openHistoryDb(name);
    opened.push(db);
    const savedRows = async () => (await getStagedBatch(db, (messages.filter((message) => message.type === 'state').at(-1) as { state: StagingState }).state.batchId))?.rows.length ?? 0;
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    await engine.handle({ type: 'add-text', jobId: 1, text: `Entry Number\n${a}\n`, source: 'pasted text' });
    await wait(50);
    expect(await savedRows()).toBe(1);
    const many = Array.from({ length: 1_000 }, (_, index) => entry(100 + index)).join('\n');
    await engine.handle({ type: 'add-text', jobId: 2, text: `Entry Number\n${many}\n`, source: 'a file' });
    await wait(50);
    expect(await savedRows()).toBe(1);
    await wait(500);
    expect(await savedRows()).toBe(1_001);
  });

  it('keeps the staged list, removals and fixes across a restart (a new engine on the same database)', async () => {
    const name = uniqueDbName('staging');
    const first = engineOn(name);
    await first.engine.handle({ type: 'init', options });
    await first.engine.handle({ type: 'add-text', jobId: 1, text, source: 'pasted text' });
    await first.engine.handle({ type: 'remove', ids: [3] });
    await first.engine.flush();
    const second = engineOn(name);
    const state = await second.engine.handle({ type: 'init', options });
    expect(state.summary).toMatchObject({ rows: 4, ready: 2, excluded: 1, removed: 1 });
    const view = await second.engine.handle({ type: 'view', filter: { ...noStagingFilter, status: 'removed' }, start: 0, end: 10 });
    expect(view.rows.map((row) => [row.id, row.input])).toEqual([[3, 'xyz']]);
  });

  it('exports what the core writes, records the claim, then shows the entries as claimed', async () => {
    const name = uniqueDbName('staging');
    const { engine, lastState } = engineOn(name);
    await engine.handle({ type: 'init', options });
    await engine.handle({ type: 'add-text', jobId: 1, text, source: 'list.csv' });
    const expected = checkDeclaration(readInputText(text, { source: 'list.csv' }).entries, options);
    const files = await engine.handle({ type: 'export', options: { date: today, dashes: true, maxPerFile: 1 } });
    expect(files).toEqual(writeCapeFiles(expected.readyEntryNumbers, { date: today, dashes: true, maxPerFile: 1 }).map((file) => ({ name: file.name, content: file.content })));
    const report = await engine.handle({ type: 'exclusions-report', date: today });
    expect(report.content).toBe(
      writeExclusionsReport(
        expected.entries
          .filter((each) => each.exclusion)
          .map((each) => ({ row: each.row, input: each.input, entryNumber: each.entryNumber, code: each.exclusion!.code, message: each.exclusion!.message, source: 'list.csv' })),
      ),
    );
    expect(lastState()).toMatchObject({ batchState: 'exported', unrecordedFiles: [{ fileName: files[0]!.name, entryCount: 1 }, { fileName: files[1]!.name, entryCount: 1 }] });

    const recorded = await engine.handle({ type: 'record-claim', batchId: lastState().batchId, fileName: files[0]!.name, claimNumber: 'cape-26-0000901', filedDate: today });
    expect(recorded).toEqual({ claimNumber: 'CAPE-26-0000901', entriesAdded: 1 });
    expect(lastState()).toMatchObject({ batchState: 'exported', recordedFiles: [{ fileName: files[0]!.name, claimNumber: 'CAPE-26-0000901' }], unrecordedFiles: [{ fileName: files[1]!.name }] });
    expect(lastState().summary.excludedBy).toContainEqual({ code: 'already-claimed', label: 'Already claimed', count: 1 });
    const db = await openHistoryDb(name);
    opened.push(db);
    expect((await getClaim(db, 'CAPE-26-0000901'))?.entries.map((each) => [each.entryNumber, each.outcome])).toEqual([[a, 'pending']]);
    expect((await getStagedBatch(db, lastState().batchId))?.state).toBe('exported');

    await engine.handle({ type: 'forget-file', batchId: lastState().batchId, fileName: files[1]!.name });
    expect(lastState()).toMatchObject({ batchState: 'recorded', unrecordedFiles: [] });
    await engine.handle({ type: 'new-list' });
    expect(lastState()).toMatchObject({ batchState: 'staging', summary: { rows: 0 }, recordedFiles: [] });
  });

  it('keeps an earlier list with unrecorded files listed after a new list is started', async () => {
    const { engine, lastState } = engineOn(uniqueDbName('staging'));
    await engine.handle({ type: 'init', options });
    await engine.handle({ type: 'add-text', jobId: 1, text, source: 'list.csv' });
    const [file] = await engine.handle({ type: 'export', options: { date: today, dashes: false, maxPerFile: 9999 } });
    const firstBatch = lastState().batchId;
    await engine.handle({ type: 'new-list' });
    expect(lastState().batchId).not.toBe(firstBatch);
    expect(lastState().unrecordedFiles).toEqual([expect.objectContaining({ batchId: firstBatch, fileName: file!.name, entryCount: 2 })]);
    await engine.handle({ type: 'record-claim', batchId: firstBatch, fileName: file!.name, claimNumber: 'CAPE-1', filedDate: today });
    expect(lastState().unrecordedFiles).toEqual([]);
  });

  it('re-stages the rejected entries of a claim with ACE’s words, and says why when there are none', async () => {
    const name = uniqueDbName('staging');
    const db = await openHistoryDb(name);
    opened.push(db);
    const updatedAt = '2026-11-01T10:00:00.000Z';
    await saveClaim(db, { claimNumber: 'CAPE-7', aceStatus: 'accepted-with-errors', source: 'imported', notes: '', updatedAt }, [
      { claimNumber: 'CAPE-7', entryNumber: a, outcome: 'accepted', updatedAt },
      { claimNumber: 'CAPE-7', entryNumber: b, outcome: 'rejected', aceErrorText: 'UNABLE TO CALCULATE DUTY', updatedAt },
    ]);
    const { engine, lastState } = engineOn(name);
    await engine.handle({ type: 'init', options });
    expect(await engine.handle({ type: 'restage-claim', claimNumber: 'cape-7' })).toEqual({ added: 1, errors: [] });
    expect(lastState().summary).toMatchObject({ rows: 1, ready: 1, sources: [{ name: 'claim CAPE-7', rows: 1 }] });
    const [row] = (await engine.handle({ type: 'view', filter: noStagingFilter, start: 0, end: 1 })).rows;
    expect(row?.messages).toContain('Rejected on claim CAPE-7: UNABLE TO CALCULATE DUTY');
    // The accepted entry, added again, is left out as already claimed.
    await engine.handle({ type: 'add-text', jobId: 2, text: a, source: 'pasted text' });
    expect(lastState().summary.excludedBy).toEqual([{ code: 'already-claimed', label: 'Already claimed', count: 1 }]);
    expect((await engine.handle({ type: 'restage-claim', claimNumber: 'CAPE-404' })).errors[0]).toMatch(/^Claim CAPE-404 is not in your history/);
  });

  it('refuses binary and oversized files with a message, adds the good ones', async () => {
    const { engine, lastState } = engineOn(uniqueDbName('staging'));
    await engine.handle({ type: 'init', options });
    const workbook = new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2, 3, 255, 254])]);
    const huge = { size: MAX_STAGING_INPUT_BYTES + 1 } as Blob;
    const result = await engine.handle({
      type: 'add-files',
      jobId: 1,
      files: [
        { name: 'book.xlsx', blob: workbook },
        { name: 'huge.csv', blob: huge },
        { name: 'good.csv', blob: new Blob([text]) },
      ],
    });
    expect(result.added).toBe(4);
    expect(result.errors).toEqual([
      expect.stringMatching(/^book\.xlsx was not added: the input is .*not text.*\.$/),
      'huge.csv was not added: it is 50.1 MB, and the side panel reads files up to 50.0 MB. Split it (for example by importer or by month) and add the parts.',
    ]);
    expect(lastState().summary.rows).toBe(4);
  });

  it('cancels a read between chunks and leaves the list as it was', async () => {
    const { engine, messages, lastState } = engineOn(uniqueDbName('staging'));
    await engine.handle({ type: 'init', options });
    await engine.handle({ type: 'add-text', jobId: 1, text, source: 'first' });
    const big = `Entry Number\n${Array.from({ length: 200_000 }, (_, index) => entry(index + 10)).join('\n')}\n`;
    const reading = engine.handle({ type: 'add-text', jobId: 2, text: big, source: 'big' });
    while (!messages.some((message) => message.type === 'progress' && message.jobId === 2)) await new Promise((resolve) => setTimeout(resolve, 1));
    await engine.handle({ type: 'cancel', jobId: 2 });
    await expect(reading).rejects.toThrow('Reading was cancelled; the list is as it was.');
    expect(lastState().summary.rows).toBe(4);
  });
});
