import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDeclaration } from '../../utils/check-declaration';
import { entryCheckDigit } from '../../utils/entry-check-digit';
import { readInputText } from '../../utils/read-input';
import { StagingCheckResults, type StagingCheckContext } from '../../utils/staging-check';
import { StagedList } from '../../utils/staging-list';
import { inputEntryOfRow, stagedRowFromInput, type NewStagedRow } from '../../utils/staging-rows';
import { StagingUndoStack } from '../../utils/staging-undo';

function entry(serial: number, filerCode = 'ABC'): string {
  const firstTen = `${filerCode}${String(serial).padStart(7, '0')}`;
  return `${firstTen}${entryCheckDigit(firstTen)}`;
}

function rowsOf(text: string, source = 'list.csv'): NewStagedRow[] {
  return readInputText(text, { source }).entries.map(stagedRowFromInput);
}

const context: StagingCheckContext = { options: { today: '2026-11-23' }, knownClaims: new Map(), storedFacts: new Map() };

describe('StagingUndoStack', () => {
  it('pops newest first and forgets the oldest past its limit', () => {
    const stack = new StagingUndoStack<number>(3);
    for (const value of [1, 2, 3, 4]) stack.push(value);
    expect(stack.size).toBe(3);
    expect(stack.peek()).toBe(4);
    expect([stack.pop(), stack.pop(), stack.pop(), stack.pop()]).toEqual([4, 3, 2, undefined]);
  });
});

describe('StagedList', () => {
  const a = entry(1);
  const b = entry(2);

  it('gives rows stable ids and undoes an add', () => {
    const list = new StagedList();
    list.add(rowsOf(`Entry Number\n${a}\n${b}\n`), 'list.csv');
    expect(list.rows.map((row) => row.id)).toEqual([1, 2]);
    expect(list.undoLabel).toBe('add 2 rows from list.csv');
    list.add(rowsOf(`${a}\n`, 'pasted text'), 'pasted text');
    expect(list.rows.map((row) => row.id)).toEqual([1, 2, 3]);
    expect(list.undo()?.label).toBe('add 1 row from pasted text');
    expect(list.rows).toHaveLength(2);
  });

  it('continues ids after the highest saved one', () => {
    const list = new StagedList([{ id: 7, row: 2, input: a, entryNumber: a, problems: [], facts: {}, rowCount: 1 }]);
    list.add(rowsOf(`${b}\n`), 'x');
    expect(list.rows.map((row) => row.id)).toEqual([7, 8]);
  });

  it('removes, restores and undoes, reporting the entry numbers touched', () => {
    const list = new StagedList();
    list.add(rowsOf(`Entry Number\n${a}\n${a}\n${b}\n`), 'list.csv');
    const affected = list.remove([1]);
    expect(affected).toEqual({ all: false, entryNumbers: new Set([a]), rowIds: new Set([1]) });
    expect(list.get(1)?.removed).toBe(true);
    expect(list.remove([1]).all === false && list.undoLabel).toBe('remove 1 row');
    list.restore([1]);
    expect(list.get(1)?.removed).toBeUndefined();
    list.undo();
    expect(list.get(1)?.removed).toBe(true);
    list.undo();
    expect(list.get(1)?.removed).toBeUndefined();
    expect(list.undoLabel).toBe('add 3 rows from list.csv');
  });

  it('accepts only proposed fixes, and undoes the acceptance', () => {
    const damaged = entry(2345678, '001').replace(/^0+/, '');
    const list = new StagedList();
    list.add(rowsOf(`Entry Number\n${damaged}\n${a}\n`), 'list.csv');
    const affected = list.acceptFixes([1, 2]);
    expect(affected.all === false && [...affected.rowIds]).toEqual([1]);
    expect(list.get(1)?.fixAccepted).toBe(true);
    expect(inputEntryOfRow(list.get(1)!).problems).toEqual([]);
    list.undo();
    expect(list.get(1)?.fixAccepted).toBeUndefined();
    expect(inputEntryOfRow(list.get(1)!).problems.map((problem) => problem.code)).toEqual(['spreadsheet-damage']);
  });

  it('clears and undoes the clear', () => {
    const list = new StagedList();
    list.add(rowsOf(`${a}\n${b}\n`), 'x');
    expect(list.clear()).toEqual({ all: true });
    expect(list.rows).toEqual([]);
    list.undo();
    expect(list.rows.map((row) => row.entryNumber)).toEqual([a, b]);
    expect(list.get(2)?.entryNumber).toBe(b);
  });

  it('reorders, keeping unnamed rows after in their order, and undoes', () => {
    const list = new StagedList();
    list.add(rowsOf(`${a}\n${b}\n${entry(3)}\n${a}\n`), 'x');
    const affected = list.reorder([3], 'put the most urgent first');
    expect(list.rows.map((row) => row.id)).toEqual([3, 1, 2, 4]);
    // Only the entry listed twice can change which row is its first.
    expect(affected).toEqual({ all: false, entryNumbers: new Set([a]), rowIds: new Set() });
    expect(list.reorder([3], 'again').all === false && list.undoLabel).toBe('put the most urgent first');
    list.undo();
    expect(list.rows.map((row) => row.id)).toEqual([1, 2, 3, 4]);
  });
});

describe('StagingCheckResults', () => {
  it('after any sequence of changes equals a full check of the rows left', () => {
    const numbers = [entry(1), entry(2), entry(3), `${entry(4).slice(0, 10)}0`, entry(2345678, '001').replace(/^0+/, ''), 'junk'];
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), picks: fc.array(fc.integer({ min: 0, max: numbers.length - 1 }), { minLength: 1, maxLength: 5 }) }),
      fc.record({ kind: fc.constant('remove' as const), ids: fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 3 }) }),
      fc.record({ kind: fc.constant('restore' as const), ids: fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 3 }) }),
      fc.record({ kind: fc.constant('fix' as const), ids: fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 3 }) }),
      fc.record({ kind: fc.constant('reorder' as const), ids: fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 6 }) }),
      fc.constant({ kind: 'undo' as const }),
      fc.constant({ kind: 'clear' as const }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 25 }), (operations) => {
        const list = new StagedList();
        const results = new StagingCheckResults();
        for (const step of operations) {
          let affected;
          switch (step.kind) {
            case 'add':
              affected = list.add(rowsOf(`Entry Number\n${step.picks.map((pick) => numbers[pick]).join('\n')}\n`), 'x');
              break;
            case 'remove':
              affected = list.remove(step.ids);
              break;
            case 'restore':
              affected = list.restore(step.ids);
              break;
            case 'fix':
              affected = list.acceptFixes(step.ids);
              break;
            case 'reorder':
              affected = list.reorder(step.ids, 'reorder');
              break;
            case 'clear':
              affected = list.clear();
              break;
            case 'undo':
              affected = list.undo()?.affected ?? { all: false as const, entryNumbers: new Set<string>(), rowIds: new Set<number>() };
              break;
          }
          results.recheck(list.rows, affected, context);
        }
        const active = list.rows.filter((row) => !row.removed);
        const full = checkDeclaration(active.map((row) => inputEntryOfRow(row)), context.options);
        expect(active.map((row) => results.get(row.id))).toEqual(full.entries);
      }),
      { numRuns: 200 },
    );
  });
});

describe('StagingCheckResults.checkAppended', () => {
  it('checks appended rows in chunks exactly as a full check of the whole list would', async () => {
    const numbers = [entry(1), entry(2), entry(3), entry(4), `${entry(5).slice(0, 10)}0`, entry(2345678, '001').replace(/^0+/, ''), 'junk', ''];
    const rowsArbitrary = fc.array(fc.integer({ min: 0, max: numbers.length - 1 }), { minLength: 1, maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(rowsArbitrary, rowsArbitrary, fc.integer({ min: 1, max: 7 }), fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 5 }), async (first, second, chunkSize, removed) => {
        const list = new StagedList();
        const results = new StagingCheckResults();
        results.recheck(list.rows, list.add(rowsOf(`Entry Number\n${first.map((pick) => numbers[pick]).join('\n')}\n`), 'first'), context);
        results.recheck(list.rows, list.remove(removed), context);
        const reserved = list.reserve(rowsOf(`Entry Number\n${second.map((pick) => numbers[pick]).join('\n')}\n`, 'second'));
        const progress: number[] = [];
        const checked = await results.checkAppended(list.rows, reserved, context, { chunkSize, onProgress: (done) => progress.push(done) });
        results.adopt(checked);
        list.addReserved(reserved, 'second');
        expect(checked.size).toBe(reserved.length);
        expect(progress.at(-1)).toBe(reserved.length);
        const active = list.rows.filter((row) => !row.removed);
        const full = checkDeclaration(active.map((row) => inputEntryOfRow(row)), context.options);
        expect(active.map((row) => results.get(row.id))).toEqual(full.entries);
      }),
      { numRuns: 100 },
    );
  });

  it('stops between chunks when cancelled', async () => {
    const list = new StagedList();
    const results = new StagingCheckResults();
    const controller = new AbortController();
    const reserved = list.reserve(rowsOf(`Entry Number\n${Array.from({ length: 50 }, (_, index) => entry(index + 1)).join('\n')}\n`));
    const checked = await results.checkAppended(list.rows, reserved, context, {
      chunkSize: 10,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(checked.size).toBeLessThan(50);
  });
});
