import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deadlinesOfReadableFacts } from '../../utils/deadlines';
import { createDeadlinesMemo } from '../../utils/deadlines-memo';
import { eligibilityOfReadableFacts, type EligibilityOptions } from '../../utils/eligibility';
import type { EntryFacts } from '../../utils/entry-facts';
import { createVerdictMemo } from '../../utils/verdict-memo';

const maybe = <T>(values: T[]) => fc.constantFrom<T | undefined>(undefined, ...values);
const dates = ['2025-01-31', '2025-06-01', '2026-02-28', '2026-03-10', '2026-04-30', '2026-05-20', '2026-09-01', '0001-01-01', '2100-12-31'];

// Few values per fact, so entries often share a key and the memo answers from what an earlier entry left.
const facts: fc.Arbitrary<EntryFacts> = fc.record(
  {
    entryType: maybe(['01', '02', '06', '08', '09', '21', '31', '47', '1', 'X9', '001']),
    entrySummaryDate: maybe(dates),
    liquidationDate: maybe(dates),
    liquidationStatus: maybe(['unliquidated', 'liquidated', 'final', 'suspended', 'extended', 'under-review', 'cancelled'] as const),
    tariffLines: fc.option(
      fc.array(fc.record({ htsNumber: fc.constantFrom('9903.01.25', '9903.02.10', '9903.88.15', '8471.30.0100'), dutyAmount: maybe([0, 12.5]) }), {
        maxLength: 3,
      }),
      { nil: undefined },
    ),
    reconciliationFlag: maybe([true, false]),
    reconciliationSummaryFiled: maybe([true, false]),
    drawbackFlag: maybe([true, false]),
    protestOpen: maybe([true, false]),
    adcvdStatus: maybe(['none', 'suspended-pending-commerce', 'pending-liquidation'] as const),
    importerNumber: maybe(['12-3456789', '98-7654321']),
  },
  { requiredKeys: [] },
);

const settings = fc.record({
  filingDate: fc.constantFrom('2026-05-01', '2026-07-15', '2026-01-01'),
  assumeWhenMissing: fc.constantFrom<EligibilityOptions['assumeWhenMissing']>(undefined, { drawbackFlag: false, protestOpen: false }),
});

describe('check memos', () => {
  it('the verdict memo answers as the rules do, for every entry of a check', () => {
    fc.assert(
      fc.property(fc.array(facts, { maxLength: 60 }), settings, (list, options) => {
        const verdictOf = createVerdictMemo(options);
        for (const each of list) expect(verdictOf(each)).toEqual(eligibilityOfReadableFacts(each, options));
      }),
    );
  });

  it('the deadlines memo answers as the clocks do, for every entry of a check', () => {
    fc.assert(
      fc.property(fc.array(facts, { maxLength: 60 }), fc.constantFrom('2026-05-01', '2026-11-23'), fc.constantFrom(undefined, 79, 120), (list, today, offset) => {
        const options = offset === undefined ? {} : { capeWindowLastDayOffset: offset };
        const deadlinesOf = createDeadlinesMemo(today, options);
        for (const each of list) expect(deadlinesOf(each)).toEqual(deadlinesOfReadableFacts(each, today, options));
      }),
    );
  });
});
