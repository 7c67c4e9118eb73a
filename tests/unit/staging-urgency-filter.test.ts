import { describe, expect, it } from 'vitest';
import { addDays } from '../../utils/calendar-date';
import { entryCheckDigit } from '../../utils/entry-check-digit';
import { readInputText } from '../../utils/read-input';
import { StagingCheckResults } from '../../utils/staging-check';
import { exportedFilesAfter, stagedBatchStateOf, stagedExclusionRows, stagedReadyEntryNumbers } from '../../utils/staging-export';
import { matchesStagingFilter, noStagingFilter, stagingRowCodes } from '../../utils/staging-filter';
import { StagedList } from '../../utils/staging-list';
import { stagedRowFromInput } from '../../utils/staging-rows';
import { summarizeStaging } from '../../utils/staging-summary';
import { stagingUrgency, urgentFirstOrder } from '../../utils/staging-urgency';
import { stagedRowView } from '../../utils/staging-view';
import { writeCapeFiles } from '../../utils/cape-file';

const today = '2026-11-23';

function entry(serial: number, filerCode = 'ABC'): string {
  const firstTen = `${filerCode}${String(serial).padStart(7, '0')}`;
  return `${firstTen}${entryCheckDigit(firstTen)}`;
}

/** An ES-003-like report: liquidated entries (dates relative to today) with one dutiable IEEPA line each. */
function report(rows: Array<{ entryNumber: string; liquidatedDaysAgo?: number }>): string {
  const header = 'Entry Summary Number,Entry Type Code,Entry Summary Date,Liquidation Date,Liquidation Status,HTS Number,Line Tariff Duty Amount';
  const lines = rows.map(({ entryNumber, liquidatedDaysAgo }) =>
    liquidatedDaysAgo === undefined
      ? `${entryNumber},01,${addDays(today, -200)},,Unliquidated,9903.01.25,100.00`
      : `${entryNumber},01,${addDays(today, -300)},${addDays(today, -liquidatedDaysAgo)},Liquidated,9903.01.25,100.00`,
  );
  return [header, ...lines].join('\n');
}

function staged(text: string, options = {}) {
  const list = new StagedList();
  const results = new StagingCheckResults();
  const affected = list.add(readInputText(text, { source: 'report.csv' }).entries.map(stagedRowFromInput), 'report.csv');
  const context = { options: { today, eligibility: { assumeWhenMissing: { reconciliationFlag: false, drawbackFlag: false, protestOpen: false, adcvdStatus: 'none' as const } }, ...options }, knownClaims: new Map(), storedFacts: new Map() };
  results.recheck(list.rows, affected, context);
  return { list, results, resultOf: (id: number) => results.get(id), context };
}

describe('urgency', () => {
  const [a, b, c, d] = [entry(1), entry(2), entry(3), entry(4)];
  // Last day is liquidation + 79: 75 days ago leaves 4 days, 60 ago leaves 19, 78 ago leaves 1.
  const text = report([{ entryNumber: a }, { entryNumber: b, liquidatedDaysAgo: 75 }, { entryNumber: c, liquidatedDaysAgo: 60 }, { entryNumber: d, liquidatedDaysAgo: 78 }]);

  it('counts ready entries leaving the 80-day window within 7 days and names the most urgent', () => {
    const { list, resultOf } = staged(text);
    expect(stagingUrgency(list.rows, resultOf)).toEqual({
      leavingSoon: 2,
      withinDays: 7,
      mostUrgent: { entryNumber: d, lastDay: addDays(today, 1), daysLeft: 1 },
      urgentFirst: false,
    });
  });

  it('puts ready entries with a closing window first, soonest first, the rest after in order', () => {
    const { list, resultOf, results, context } = staged(text);
    const order = urgentFirstOrder(list.rows, resultOf);
    expect(order.map((id) => list.get(id)!.entryNumber)).toEqual([d, b, c, a]);
    results.recheck(list.rows, list.reorder(order, 'urgent'), context);
    expect(stagingUrgency(list.rows, resultOf).urgentFirst).toBe(true);
    expect(stagedReadyEntryNumbers(list.rows, resultOf)).toEqual([d, b, c, a]);
  });

  it('has no most urgent entry when none is liquidated', () => {
    const { list, resultOf } = staged(report([{ entryNumber: a }]));
    expect(stagingUrgency(list.rows, resultOf)).toMatchObject({ leavingSoon: 0, mostUrgent: null, urgentFirst: true });
  });
});

describe('filters and search', () => {
  const a = entry(1);
  const damaged = entry(2345678, '001').replace(/^0+/, '');
  const badCheckDigit = `abc-0000001-${(Number(a[10]) + 1) % 10}`;
  const text = `Entry Number\n${a}\n${badCheckDigit}\n${damaged}\n${a}\n`;

  it('filters by status, by reason code and by search in any form of the number', () => {
    const { list, resultOf } = staged(text);
    const shown = (filter: Partial<typeof noStagingFilter>) =>
      list.rows.filter((row) => matchesStagingFilter(row, resultOf(row.id), { ...noStagingFilter, ...filter })).map((row) => row.row);
    expect(shown({})).toEqual([2, 3, 4, 5]);
    expect(shown({ status: 'ready' })).toEqual([2, 4]);
    expect(shown({ status: 'excluded' })).toEqual([3, 5]);
    expect(shown({ code: 'duplicate' })).toEqual([5]);
    expect(shown({ code: 'check-digit' })).toEqual([3]);
    expect(shown({ code: 'proposed-fix' })).toEqual([4]);
    expect(shown({ search: `${a.slice(0, 3).toLowerCase()}-${a.slice(3, 10)}-${a[10]}` })).toEqual([2, 5]);
    expect(shown({ search: a.slice(0, 8) })).toEqual([2, 3, 5]);
    expect(shown({ search: 'report.csv' })).toEqual([2, 3, 4, 5]);
    expect(shown({ search: 'fails the check digit' })).toEqual([3]);
    list.remove([1]);
    expect(shown({ status: 'removed' })).toEqual([2]);
  });

  it('gives each row the codes it can be filtered by', () => {
    const { list, resultOf } = staged(text);
    expect(list.rows.map((row) => stagingRowCodes(row, resultOf(row.id)))).toEqual([['facts-missing'], ['check-digit'], ['proposed-fix', 'facts-missing'], ['duplicate']]);
  });

  it('summarises ready and left-out rows by reason', () => {
    const { list, resultOf } = staged(text);
    const summary = summarizeStaging(list.rows, resultOf);
    expect(summary).toMatchObject({ rows: 4, ready: 2, excluded: 2, removed: 0, proposedFixes: 1, readyVerdicts: { unknown: 2 } });
    expect(summary.excludedBy.map((item) => [item.code, item.count])).toEqual([
      ['check-digit', 1],
      ['duplicate', 1],
    ]);
    expect(summary.notes.map((item) => [item.label, item.count])).toEqual([
      ['Facts missing (Check data)', 2],
      ['Leading zeros restored', 1],
    ]);
  });

  it('shows a row with its messages, verdict and proposed fix', () => {
    const { list, resultOf } = staged(text);
    const view = stagedRowView(list.rows[2]!, resultOf(list.rows[2]!.id), 3);
    expect(view).toMatchObject({ index: 3, row: 4, status: 'ready', verdict: 'unknown', proposedFix: '001-2345678-' + damaged.slice(-1), fixAccepted: false, source: 'report.csv' });
    expect(view.messages[0]).toMatch(/^Row 4: ".+" lost its leading zeros in a spreadsheet; restored as 001-2345678-/);
    const duplicate = stagedRowView(list.rows[3]!, resultOf(list.rows[3]!.id), 4);
    expect(duplicate).toMatchObject({ status: 'excluded', reasonLabel: 'Duplicate', verdict: null });
    expect(duplicate.headline).toBe(`Row 5: ${a.slice(0, 3)}-${a.slice(3, 10)}-${a.slice(10)} is already on row 2 of report.csv; only the first is kept.`.replace(' of report.csv', ''));
  });
});

describe('export', () => {
  const a = entry(1);
  const b = entry(2);

  it('lists removed rows in the exclusions report with the core rows, in list order', () => {
    const { list, resultOf, results, context } = staged(`Entry Number\n${a}\nxyz\n${b}\n`);
    results.recheck(list.rows, list.remove([3]), context);
    expect(stagedExclusionRows(list.rows, resultOf)).toEqual([
      { row: 3, input: 'xyz', entryNumber: null, code: 'bad-length', message: expect.stringMatching(/^Row 3: "xyz" has 3 letters/), source: 'report.csv' },
      { row: 4, input: b, entryNumber: b, code: 'removed', message: 'Row 4: removed from the list by you.', source: 'report.csv' },
    ]);
    expect(stagedReadyEntryNumbers(list.rows, resultOf)).toEqual([a]);
  });

  it('replaces unrecorded exported files, keeps recorded ones, and never reuses a recorded name', () => {
    const ready = [a, b, entry(3)];
    const written = writeCapeFiles(ready, { date: today, maxPerFile: 2 });
    const first = exportedFilesAfter([], written, ready, '2026-11-23T10:00:00.000Z');
    expect(first.files.map((file) => [file.fileName, file.entryNumbers])).toEqual([
      ['cape-declaration-2026-11-23-part-1-of-2.csv', [a, b]],
      ['cape-declaration-2026-11-23-part-2-of-2.csv', [entry(3)]],
    ]);
    expect(stagedBatchStateOf(first.files)).toBe('exported');
    const recorded = [{ ...first.files[0]!, claimNumber: 'CAPE-1' }, first.files[1]!];
    expect(stagedBatchStateOf(recorded)).toBe('exported');
    const again = exportedFilesAfter(recorded, writeCapeFiles([entry(3)], { date: today }), [entry(3)], '2026-11-23T11:00:00.000Z');
    expect(again.files.map((file) => [file.fileName, file.claimNumber])).toEqual([
      ['cape-declaration-2026-11-23-part-1-of-2.csv', 'CAPE-1'],
      ['cape-declaration-2026-11-23.csv', undefined],
    ]);
    const clash = exportedFilesAfter([{ ...again.files[1]!, claimNumber: 'CAPE-2' }], writeCapeFiles([a], { date: today }), [a], '2026-11-23T12:00:00.000Z');
    expect(clash.names).toEqual(['cape-declaration-2026-11-23-2.csv']);
    expect(stagedBatchStateOf([{ ...again.files[1]!, claimNumber: 'CAPE-2' }])).toBe('recorded');
    expect(stagedBatchStateOf([])).toBe('staging');
  });
});
