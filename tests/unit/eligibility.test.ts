import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, toDayNumber } from '../../utils/calendar-date';
import { CAPE_WINDOW_LAST_DAY_OFFSET, computeDeadlines } from '../../utils/deadlines';
import { evaluateEligibility, factLabels, type EligibilityResult, type ReasonCode } from '../../utils/eligibility';
import type { EntryFacts, LiquidationStatus } from '../../utils/entry-facts';
import { builtInRuleSets, type RuleSet } from '../../utils/rule-sets';

const eligibleFacts: EntryFacts = {
  entryType: '01',
  entrySummaryDate: '2025-06-02',
  liquidationStatus: 'unliquidated',
  tariffLines: [
    { htsNumber: '8471.30.0100', dutyAmount: 0 },
    { htsNumber: '9903.01.25', dutyAmount: 150.25 },
  ],
  reconciliationFlag: false,
  drawbackFlag: false,
  protestOpen: false,
  adcvdStatus: 'none',
};

const phase1Day = '2026-05-01';
const phase2Day = '2026-07-01';

function check(changes: Partial<EntryFacts>, filingDate = phase1Day, ruleSets?: readonly RuleSet[]): EligibilityResult {
  return evaluateEligibility({ ...eligibleFacts, ...changes }, { filingDate, ruleSets });
}

const codes = (result: EligibilityResult): ReasonCode[] => result.reasons.map((reason) => reason.code);

describe('evaluateEligibility: accepted now', () => {
  it('unliquidated entry with an IEEPA line is eligible and names Phase 1', () => {
    const result = check({});
    expect(result).toMatchObject({
      verdict: 'eligible',
      missingFacts: [],
      assumedFacts: [],
      ruleSet: { id: 'phase-1', name: 'CAPE Phase 1', effectiveFrom: '2026-04-20' },
    });
    expect(codes(result)).toEqual(['unliquidated']);
  });

  it.each([
    ['9903012500', 1],
    ['9903.01.25.00', 1],
    ['9903.02.20', 0.01],
    ['9903.01.01', 20],
  ])('any IEEPA line written %s with duty %d counts', (htsNumber, dutyAmount) => {
    expect(check({ tariffLines: [{ htsNumber, dutyAmount }] }).verdict).toBe('eligible');
  });

  it.each([
    [79, 'eligible'],
    [78, 'eligible'],
    [0, 'eligible'],
    [80, 'not-eligible'],
    [81, 'not-eligible'],
  ])('liquidated %i days before filing → %s', (daysBefore, verdict) => {
    const result = check({ liquidationStatus: 'liquidated', liquidationDate: addDays(phase1Day, -daysBefore) });
    expect(result.verdict).toBe(verdict);
    expect(codes(result)).toEqual([verdict === 'eligible' ? 'liquidated-within-window' : 'past-80-days']);
  });

  it('says the last day of the window', () => {
    const result = check({ liquidationStatus: 'liquidated', liquidationDate: '2026-03-01' }, '2026-05-19');
    expect(result.verdict).toBe('eligible');
    expect(result.reasons[0]?.message).toContain('until 2026-05-19');
  });

  it('the launch example: liquidated 2026-01-31 qualifies on 2026-04-20, 2026-01-30 does not', () => {
    expect(check({ liquidationStatus: 'liquidated', liquidationDate: '2026-01-31' }, '2026-04-20').verdict).toBe('eligible');
    const late = check({ liquidationStatus: 'liquidated', liquidationDate: '2026-01-30' }, '2026-04-20');
    expect(late.verdict).toBe('not-eligible');
    expect(late.reasons[0]?.message).toContain('last day was 2026-04-19');
  });

  it('the window crosses the 2028 leap day', () => {
    expect(check({ liquidationStatus: 'liquidated', liquidationDate: '2027-12-12' }, '2028-02-29').verdict).toBe('eligible');
    expect(check({ liquidationStatus: 'liquidated', liquidationDate: '2027-12-12' }, '2028-03-01').verdict).toBe('not-eligible');
  });

  it('a liquidation date without status, on or before filing, is read as liquidated', () => {
    expect(check({ liquidationStatus: undefined, liquidationDate: addDays(phase1Day, -10) }).verdict).toBe('eligible');
    expect(codes(check({ liquidationStatus: undefined, liquidationDate: addDays(phase1Day, -80) }))).toEqual(['past-80-days']);
  });
});

describe('evaluateEligibility: accepted, refund at liquidation (domain.md §5)', () => {
  it.each([
    ['suspended', 'suspended'],
    ['extended', 'extended'],
    ['under-review', 'under review'],
  ] as [LiquidationStatus, string][])('%s liquidation', (liquidationStatus, words) => {
    const result = check({ liquidationStatus });
    expect(result.verdict).toBe('eligible-refund-at-liquidation');
    expect(codes(result)).toEqual(['awaits-liquidation']);
    expect(result.reasons[0]?.message).toContain(words);
  });

  it.each(['21', '22', '31', '32', '33', '34', '35', '36', '37', '38'])('warehouse type %s', (entryType) => {
    const result = check({ entryType });
    expect(result.verdict).toBe('eligible-refund-at-liquidation');
    expect(codes(result)).toEqual(['warehouse-awaits-liquidation']);
  });

  it.each(['23', '30', '39'])('type %s is not a warehouse type', (entryType) => {
    expect(check({ entryType }).verdict).toBe('eligible');
  });

  it('a liquidated warehouse entry inside the window is eligible now', () => {
    expect(check({ entryType: '21', liquidationStatus: 'liquidated', liquidationDate: addDays(phase1Day, -5) }).verdict).toBe('eligible');
  });

  it('AD/CVD suspended pending Commerce', () => {
    const result = check({ entryType: '03', adcvdStatus: 'suspended-pending-commerce' });
    expect(result.verdict).toBe('eligible-refund-at-liquidation');
    expect(codes(result)).toEqual(['adcvd-awaits-commerce']);
  });

  it('several reasons to wait are all named', () => {
    expect(codes(check({ entryType: '34', liquidationStatus: 'suspended', adcvdStatus: 'suspended-pending-commerce' }))).toEqual([
      'awaits-liquidation',
      'warehouse-awaits-liquidation',
      'adcvd-awaits-commerce',
    ]);
  });
});

describe('evaluateEligibility: rejections (domain.md §5)', () => {
  it.each([
    ['no IEEPA line at all', { tariffLines: [{ htsNumber: '8471.30.0100', dutyAmount: 12 }] }, 'no-ieepa-line'],
    ['IEEPA line with zero duty', { tariffLines: [{ htsNumber: '9903.01.30', dutyAmount: 0 }] }, 'no-ieepa-line'],
    ['Section 301 and 122 lines only', { tariffLines: [{ htsNumber: '9903.88.15', dutyAmount: 50 }, { htsNumber: '9903.03.01', dutyAmount: 5 }] }, 'no-ieepa-line'],
    ['type 09', { entryType: '09' }, 'reconciliation'],
    ['flagged for reconciliation', { reconciliationFlag: true }, 'reconciliation'],
    ['drawback flag', { drawbackFlag: true }, 'drawback'],
    ['type 47', { entryType: '47' }, 'drawback'],
    ['type 08', { entryType: '08' }, 'duty-deferral'],
    ['open protest', { protestOpen: true }, 'open-protest'],
    ['AD/CVD pending liquidation', { entryType: '03', adcvdStatus: 'pending-liquidation' }, 'adcvd-pending-liquidation'],
    ['cancelled', { liquidationStatus: 'cancelled' }, 'cancelled'],
    ['finally liquidated', { liquidationStatus: 'final', liquidationDate: addDays(phase1Day, -20) }, 'finally-liquidated'],
    ['finally liquidated without a date', { liquidationStatus: 'final' }, 'finally-liquidated'],
  ] as [string, Partial<EntryFacts>, ReasonCode][])('%s → %s', (_, changes, code) => {
    const result = check(changes);
    expect(result.verdict).toBe('not-eligible');
    expect(codes(result)).toEqual([code]);
    expect(result.reasons[0]?.message).toMatch(/\.$/);
    expect(result.missingFacts).toEqual([]);
  });

  it('past 80 days and past the protest period: both, in CBP order', () => {
    expect(codes(check({ liquidationStatus: 'liquidated', liquidationDate: addDays(phase1Day, -181) }))).toEqual(['past-80-days', 'finally-liquidated']);
    expect(codes(check({ liquidationStatus: 'liquidated', liquidationDate: addDays(phase1Day, -180) }))).toEqual(['past-80-days']);
  });

  it('lists every proven rejection in CBP order', () => {
    const result = check({
      tariffLines: [{ htsNumber: '9903.88.15', dutyAmount: 50 }],
      reconciliationFlag: true,
      drawbackFlag: true,
      protestOpen: true,
      liquidationStatus: 'final',
      liquidationDate: '2025-01-10',
    });
    expect(codes(result)).toEqual(['no-ieepa-line', 'reconciliation', 'drawback', 'open-protest', 'past-80-days', 'finally-liquidated']);
  });

  it('a known rejection wins over missing facts', () => {
    const result = evaluateEligibility({ entryType: '08' }, { filingDate: phase1Day });
    expect(result.verdict).toBe('not-eligible');
    expect(codes(result)).toEqual(['duty-deferral']);
    expect(result.missingFacts).toEqual([]);
  });

  it('treats a malformed liquidation date as missing', () => {
    const result = check({ liquidationStatus: 'liquidated', liquidationDate: '2026-02-30' });
    expect(result.verdict).toBe('unknown');
    expect(result.missingFacts).toEqual(['liquidationDate']);
  });
});

describe('evaluateEligibility: Phase 1 and Phase 2 reconciliation (domain.md §5)', () => {
  const flagged: Partial<EntryFacts> = { reconciliationFlag: true, reconciliationSummaryFiled: false };

  it('Phase 1 rejects a flagged type 01 entry and says when Phase 2 accepts it', () => {
    const result = check(flagged, '2026-06-28');
    expect(result.verdict).toBe('not-eligible');
    expect(result.ruleSet.id).toBe('phase-1');
    expect(result.reasons[0]?.message).toContain('From 2026-06-29 (CAPE Phase 2)');
  });

  it.each(['01', '02', '06'])('Phase 2 accepts flagged type %s while no type 09 is filed', (entryType) => {
    const result = check({ ...flagged, entryType }, '2026-06-29');
    expect(result.verdict).toBe('eligible');
    expect(result.ruleSet).toEqual({ id: 'phase-2', name: 'CAPE Phase 2', effectiveFrom: '2026-06-29' });
    expect(codes(result)).toEqual(['reconciliation-no-type-09', 'unliquidated']);
  });

  it('Phase 2 rejects a flagged entry once a type 09 is filed', () => {
    const result = check({ reconciliationFlag: true, reconciliationSummaryFiled: true }, phase2Day);
    expect(result.verdict).toBe('not-eligible');
    expect(result.reasons[0]?.message).toContain('type 09 reconciliation summary has been filed');
  });

  it('Phase 2 still rejects flagged types other than 01, 02, 06, with no later phase to point to', () => {
    const result = check({ ...flagged, entryType: '03' }, phase2Day);
    expect(codes(result)).toEqual(['reconciliation']);
    expect(result.reasons[0]?.message).toContain('Leave it out');
  });

  it('Phase 2 still rejects type 09', () => {
    expect(codes(check({ entryType: '09' }, phase2Day))).toEqual(['reconciliation']);
  });

  it('Phase 2 needs to know whether a type 09 was filed', () => {
    const result = check({ reconciliationFlag: true }, phase2Day);
    expect(result.verdict).toBe('unknown');
    expect(result.missingFacts).toEqual(['reconciliationSummaryFiled']);
  });

  it('Phase 1 does not ask about type 09 for a flagged entry: it is rejected anyway', () => {
    expect(check({ reconciliationFlag: true }, phase1Day).verdict).toBe('not-eligible');
  });
});

describe('evaluateEligibility: rule set by filing date', () => {
  it.each([
    ['2026-04-19', 'cape-not-open'],
    ['2026-04-20', 'phase-1'],
    ['2026-06-28', 'phase-1'],
    ['2026-06-29', 'phase-2'],
    ['2030-01-01', 'phase-2'],
  ])('filing %s → %s', (filingDate, expected) => {
    const result = check({}, filingDate);
    if (expected === 'cape-not-open') {
      expect(result.verdict).toBe('unknown');
      expect(codes(result)).toEqual(['cape-not-open']);
      expect(result.reasons[0]?.message).toContain('CAPE opens on 2026-04-20');
      expect(result.ruleSet.id).toBe('phase-1');
      expect(result.missingFacts).toEqual([]);
    } else {
      expect(result.ruleSet.id).toBe(expected);
      expect(result.verdict).toBe('eligible');
    }
  });

  it('with no rule sets at all, says so instead of crashing', () => {
    const result = check({}, phase1Day, []);
    expect(result.verdict).toBe('unknown');
    expect(codes(result)).toEqual(['cape-not-open']);
    expect(result.ruleSet.id).toBe('none');
  });

  it('a new phase is data: a later rule set that takes all liquidated entries', () => {
    const phase3: RuleSet = {
      ...builtInRuleSets[1]!,
      id: 'phase-3-example',
      name: 'Example later phase',
      effectiveFrom: '2026-10-01',
      rejects: builtInRuleSets[1]!.rejects.filter((code) => code !== 'past-80-days' && code !== 'finally-liquidated'),
    };
    const ruleSets = [phase3, ...builtInRuleSets];
    const old = { liquidationStatus: 'final' as const, liquidationDate: '2025-05-01' };
    expect(check(old, '2026-09-30', ruleSets).verdict).toBe('not-eligible');
    const result = check(old, '2026-10-01', ruleSets);
    expect(result.verdict).toBe('eligible');
    expect(result.ruleSet.id).toBe('phase-3-example');
    expect(codes(result)).toEqual(['liquidated']);
  });
});

describe('evaluateEligibility: unknown names the missing facts', () => {
  it.each([
    ['reconciliationFlag', ['reconciliationFlag']],
    ['drawbackFlag', ['drawbackFlag']],
    ['protestOpen', ['protestOpen']],
    ['adcvdStatus', ['adcvdStatus']],
    ['tariffLines', ['tariffLines']],
    ['liquidationStatus', ['liquidationStatus']],
    ['entryType', ['entryType']],
  ] as [keyof EntryFacts, string[]][])('without %s', (fact, missing) => {
    const facts: EntryFacts = { ...eligibleFacts };
    delete facts[fact];
    const result = evaluateEligibility(facts, { filingDate: phase1Day });
    expect(result.verdict).toBe('unknown');
    expect(result.missingFacts).toEqual(missing);
    expect(codes(result)).toEqual(['facts-missing']);
    expect(result.reasons[0]?.message).toContain(factLabels[missing[0] as keyof typeof factLabels]);
  });

  it('liquidated without a date needs the date', () => {
    expect(check({ liquidationStatus: 'liquidated' }).missingFacts).toEqual(['liquidationDate']);
  });

  it('an IEEPA line without its duty amount needs the amount', () => {
    expect(check({ tariffLines: [{ htsNumber: '9903.01.25' }] }).missingFacts).toEqual(['dutyAmount']);
  });

  it('one IEEPA line with duty is enough even if another lacks the amount', () => {
    expect(check({ tariffLines: [{ htsNumber: '9903.01.25' }, { htsNumber: '9903.01.10', dutyAmount: 3 }] }).verdict).toBe('eligible');
  });

  it('an empty list of tariff lines is not knowledge', () => {
    expect(check({ tariffLines: [] }).missingFacts).toEqual(['tariffLines']);
  });

  it('a future liquidation date without a status stays unknown', () => {
    expect(check({ liquidationStatus: undefined, liquidationDate: addDays(phase1Day, 30) }).missingFacts).toEqual(['liquidationStatus']);
  });

  it('names each missing fact once, in check order', () => {
    const result = evaluateEligibility({ tariffLines: eligibleFacts.tariffLines }, { filingDate: phase1Day });
    expect(result.verdict).toBe('unknown');
    expect(result.missingFacts).toEqual(['liquidationStatus', 'reconciliationFlag', 'entryType', 'drawbackFlag', 'protestOpen', 'adcvdStatus']);
    expect(result.reasons[0]?.message).toContain('settings');
  });

  it('the user may choose what to assume for missing flags, and the verdict says so', () => {
    const facts: EntryFacts = { entryType: '01', liquidationStatus: 'unliquidated', tariffLines: eligibleFacts.tariffLines, drawbackFlag: true };
    const assumeWhenMissing = { reconciliationFlag: false, drawbackFlag: false, protestOpen: false, adcvdStatus: 'none' as const };
    const rejected = evaluateEligibility(facts, { filingDate: phase1Day, assumeWhenMissing });
    expect(codes(rejected)).toEqual(['drawback', 'assumed-facts']);
    expect(rejected.assumedFacts).toEqual(['reconciliationFlag', 'protestOpen', 'adcvdStatus']);
    const accepted = evaluateEligibility({ ...facts, drawbackFlag: undefined }, { filingDate: phase1Day, assumeWhenMissing });
    expect(accepted.verdict).toBe('eligible');
    expect(accepted.reasons.at(-1)?.message).toContain('Drawback Flag = false');
  });
});

const dayRange = (from: string, to: string) => fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);
const statuses: LiquidationStatus[] = ['unliquidated', 'liquidated', 'final', 'suspended', 'extended', 'under-review', 'cancelled'];
const fullFacts = fc.record({
  entryType: fc.constantFrom('01', '02', '03', '06', '07', '08', '09', '11', '21', '23', '31', '34', '47'),
  entrySummaryDate: dayRange('2025-02-01', '2026-06-30'),
  liquidationDate: dayRange('2025-06-01', '2027-06-30'),
  liquidationStatus: fc.constantFrom(...statuses),
  tariffLines: fc.array(
    fc.record({ htsNumber: fc.constantFrom('9903.01.25', '9903012500', '9903.02.10', '9903.88.15', '8471.30.0100', '9903.01.30'), dutyAmount: fc.constantFrom(0, 1, 99.99) }),
    { minLength: 1, maxLength: 4 },
  ),
  reconciliationFlag: fc.boolean(),
  reconciliationSummaryFiled: fc.boolean(),
  drawbackFlag: fc.boolean(),
  protestOpen: fc.boolean(),
  adcvdStatus: fc.constantFrom('none' as const, 'suspended-pending-commerce' as const, 'pending-liquidation' as const),
});
const filingDate = dayRange('2026-04-20', '2027-12-31');
const junkFacts = fc.dictionary(
  fc.constantFrom(...(Object.keys(factLabels) as string[]), 'htsNumber'),
  fc.oneof(fc.anything(), fc.array(fc.record({ htsNumber: fc.anything(), dutyAmount: fc.anything() }, { requiredKeys: [] }))),
);
const droppable = ['entryType', 'entrySummaryDate', 'liquidationDate', 'tariffLines', 'reconciliationFlag', 'reconciliationSummaryFiled', 'drawbackFlag', 'protestOpen', 'adcvdStatus'] as const;

describe('evaluateEligibility properties', () => {
  it('never throws, and the verdict agrees with its reasons', () => {
    fc.assert(
      fc.property(junkFacts, fc.string(), (junk, filing) => {
        const result = evaluateEligibility(junk as EntryFacts, { filingDate: /^\d{4}-\d{2}-\d{2}$/.test(filing) ? filing : phase1Day });
        expect(result.reasons.length).toBeGreaterThan(0);
      }),
    );
    fc.assert(
      fc.property(fullFacts, filingDate, (facts, filing) => {
        const result = evaluateEligibility(facts, { filingDate: filing });
        expect(result.verdict).not.toBe('unknown');
        expect(result.missingFacts).toEqual([]);
        expect(result.reasons.length).toBeGreaterThan(0);
      }),
    );
  });

  it('a decided verdict on partial facts never changes when the missing facts are filled in', () => {
    let decided = 0;
    fc.assert(
      fc.property(fullFacts, fc.subarray([...droppable]), filingDate, (facts, dropped, filing) => {
        const partial: EntryFacts = { ...facts };
        for (const fact of dropped) delete partial[fact];
        const partialResult = evaluateEligibility(partial, { filingDate: filing });
        if (partialResult.verdict === 'unknown') {
          expect(partialResult.missingFacts.length).toBeGreaterThan(0);
          return;
        }
        decided += 1;
        expect(evaluateEligibility(facts, { filingDate: filing }).verdict).toBe(partialResult.verdict);
      }),
      { numRuns: 500 },
    );
    expect(decided).toBeGreaterThan(100);
  });

  it('past-80-days agrees with the deadlines: rejected exactly when filed after capeWindowEnd', () => {
    fc.assert(
      fc.property(dayRange('2025-06-01', '2027-12-31'), filingDate, (liquidationDate, filing) => {
        const facts: EntryFacts = { ...eligibleFacts, liquidationStatus: 'liquidated', liquidationDate };
        const result = evaluateEligibility(facts, { filingDate: filing });
        const windowEnd = computeDeadlines(facts, filing).capeWindowEnd!;
        expect(codes(result).includes('past-80-days')).toBe(filing > windowEnd.date);
        expect(windowEnd.date).toBe(addDays(liquidationDate, CAPE_WINDOW_LAST_DAY_OFFSET));
      }),
    );
  });
});
