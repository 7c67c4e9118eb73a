import { describe, expect, it } from 'vitest';
import type { EntryFacts } from '../../utils/entry-facts';
import type { EntryProblem } from '../../utils/entry-problems';
import { mergeRowFacts, originOf, startMergedFacts } from '../../utils/merge-entry-facts';

const line = (htsNumber: string, dutyAmount?: number) => (dutyAmount === undefined ? { htsNumber } : { htsNumber, dutyAmount });

describe('merging the lines of one entry (ES-003, domain.md §2)', () => {
  it('tariff lines accumulate and agreeing facts stay', () => {
    const merged = startMergedFacts({ entryType: '01', liquidationStatus: 'unliquidated', tariffLines: [line('9903.01.25', 10)] }, 2, null);
    mergeRowFacts(merged, { entryType: '01', liquidationStatus: 'unliquidated', tariffLines: [line('8471.30.0100', 0)] }, 3, null);
    mergeRowFacts(merged, { entryType: '01', tariffLines: [line('9903.01.24', 5)] }, 4, null);
    expect(merged.facts).toEqual({
      entryType: '01',
      liquidationStatus: 'unliquidated',
      tariffLines: [line('9903.01.25', 10), line('8471.30.0100', 0), line('9903.01.24', 5)],
    });
    expect(merged.problems).toBeNull();
  });

  it('a fact missing on the first line is taken from a later one', () => {
    const merged = startMergedFacts({ entryType: '01' }, 2, null);
    mergeRowFacts(merged, { liquidationDate: '2026-03-01', drawbackFlag: false }, 5, null);
    expect(merged.facts).toEqual({ entryType: '01', liquidationDate: '2026-03-01', drawbackFlag: false });
    expect([originOf(merged, 'entryType'), originOf(merged, 'liquidationDate'), originOf(merged, 'drawbackFlag')]).toEqual([2, 5, 5]);
  });

  it('a conflict names the later row a fact was first read on', () => {
    const merged = startMergedFacts({}, 2, null);
    mergeRowFacts(merged, { liquidationDate: '2026-01-05' }, 4, null);
    mergeRowFacts(merged, { liquidationDate: '2026-01-06' }, 6, null);
    expect(merged.problems).toMatchObject([{ code: 'conflicting-facts', row: 6, firstRow: 4 }]);
  });

  it('conflicts are reported with both rows and values, and the fact is left unknown, never guessed', () => {
    const merged = startMergedFacts({ liquidationDate: '2026-01-05', reconciliationFlag: false, entryType: '01' }, 12, null);
    mergeRowFacts(merged, { liquidationDate: '2026-01-09', reconciliationFlag: true, entryType: '01' }, 14, null);
    mergeRowFacts(merged, { liquidationDate: '2026-01-05', reconciliationFlag: false }, 15, null);
    expect(merged.facts).toEqual({ entryType: '01' });
    expect(merged.problems).toEqual([
      { code: 'conflicting-facts', row: 14, fact: 'liquidationDate', factLabel: 'liquidation date', value: '2026-01-09', firstRow: 12, firstValue: '2026-01-05' },
      { code: 'conflicting-facts', row: 14, fact: 'reconciliationFlag', factLabel: 'reconciliation flag', value: 'Y', firstRow: 12, firstValue: 'N' },
    ]);
  });

  it('a value not understood on any line leaves the fact unknown, and is reported once per text', () => {
    const bad = (row: number): EntryProblem => ({
      code: 'bad-fact',
      row,
      fact: 'liquidationStatus',
      factLabel: 'liquidation status',
      text: 'Bogus',
      expected: 'a status',
    });
    const merged = startMergedFacts({ liquidationStatus: 'liquidated' }, 2, null);
    mergeRowFacts(merged, {}, 3, [bad(3)]);
    mergeRowFacts(merged, { liquidationStatus: 'liquidated' }, 4, [bad(4)]);
    expect(merged.facts.liquidationStatus).toBeUndefined();
    expect(merged.problems).toEqual([bad(3)]);

    const first = startMergedFacts({}, 2, [bad(2)]);
    mergeRowFacts(first, { liquidationStatus: 'final' }, 3, null);
    expect(first.facts).toEqual({});
  });

  it('a bad duty amount is reported but does not hide other facts', () => {
    const problem: EntryProblem = { code: 'bad-fact', row: 3, fact: 'dutyAmount', factLabel: 'duty amount', text: 'x', expected: 'an amount' };
    const merged = startMergedFacts({ entryType: '01' } satisfies EntryFacts, 2, [problem]);
    expect(merged.facts).toEqual({ entryType: '01' });
    expect(merged.problems).toEqual([problem]);
  });
});
