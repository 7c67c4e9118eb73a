import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, fromDayNumber, toDayNumber } from '../../utils/calendar-date';
import type { EntryFacts } from '../../utils/entry-facts';
import { daysInYear, quarterOf, rateForQuarter, type RateKind } from '../../utils/interest-rates';
import { dollarsToCents, estimateRefund, formatCents, sumRefundEstimates } from '../../utils/refund-estimate';

const thousandDollars: EntryFacts = {
  entrySummaryDate: '2025-01-01',
  tariffLines: [
    { htsNumber: '8471.30.0100', dutyAmount: 250 },
    { htsNumber: '9903.01.25', dutyAmount: 1000 },
    { htsNumber: '9903.88.15', dutyAmount: 75 },
  ],
};

/** Independent day-by-day compounding to check the quarter-by-quarter product against. */
function dailyLoopInterestCents(principalCents: number, from: string, until: string, kind: RateKind): number {
  let balance = principalCents;
  for (let day = from; day < until; day = addDays(day, 1)) {
    const rate = rateForQuarter(quarterOf(day), kind)!;
    balance *= 1 + rate.percent / 100 / daysInYear(Number(day.slice(0, 4)));
  }
  return Math.round(balance - principalCents);
}

describe('estimateRefund: IEEPA duty paid', () => {
  it('sums only IEEPA lines with duty, in cents', () => {
    const facts: EntryFacts = {
      tariffLines: [
        { htsNumber: '9903.01.25', dutyAmount: 150.25 },
        { htsNumber: '9903012500', dutyAmount: 0.1 },
        { htsNumber: '9903.02.10.00', dutyAmount: 0.2 },
        { htsNumber: '9903.01.30', dutyAmount: 0 },
        { htsNumber: '9903.03.01', dutyAmount: 99 },
        { htsNumber: '8471.30.0100', dutyAmount: 12 },
      ],
    };
    const estimate = estimateRefund(facts, { today: '2026-05-01', rateKind: 'non-corporate' });
    expect(estimate.ieepaDutyCents).toBe(15055);
    expect(estimate.isEstimate).toBe(true);
    expect(estimate.label).toBe('Estimate');
  });

  it('says when IEEPA lines lack an amount, or no lines are known', () => {
    expect(estimateRefund({ entrySummaryDate: '2025-05-01', tariffLines: [{ htsNumber: '9903.01.25' }] }, { today: '2026-05-01', rateKind: 'corporate' }).missingFacts).toEqual([
      'dutyAmount',
    ]);
    const none = estimateRefund({ entrySummaryDate: '2025-05-01' }, { today: '2026-05-01', rateKind: 'corporate' });
    expect(none.missingFacts).toEqual(['tariffLines']);
    expect(none.ieepaDutyCents).toBe(0);
    expect(none.interestCents).toBe(0);
  });
});

describe('estimateRefund: interest (domain.md §8)', () => {
  it('one full quarter at 7% non-corporate, 365-day year', () => {
    const estimate = estimateRefund(thousandDollars, { today: '2026-05-01', rateKind: 'non-corporate', interestUntil: '2025-04-01' });
    // 100000 × ((1 + 0.07/365)^90 − 1) = 1740.84
    expect(estimate.interestCents).toBe(1741);
    expect(estimate.totalCents).toBe(101741);
    expect(estimate.quarters).toEqual([{ quarter: '2025-Q1', percent: 7, days: 90 }]);
    expect(estimate.assumedQuarters).toEqual([]);
  });

  it('Q4 2024 at 8% over a 366-day year', () => {
    const facts = { ...thousandDollars, entrySummaryDate: '2024-10-01' };
    const estimate = estimateRefund(facts, { today: '2026-05-01', rateKind: 'non-corporate', interestUntil: '2025-01-01' });
    // 100000 × ((1 + 0.08/366)^92 − 1) = 2031.06
    expect(estimate.interestCents).toBe(2031);
  });

  it('across the year end each year uses its own days and rate', () => {
    const facts = { ...thousandDollars, entrySummaryDate: '2024-12-02' };
    const nonCorporate = estimateRefund(facts, { today: '2026-05-01', rateKind: 'non-corporate', interestUntil: '2025-01-31' });
    const corporate = estimateRefund(facts, { today: '2026-05-01', rateKind: 'corporate', interestUntil: '2025-01-31' });
    expect(nonCorporate.interestCents).toBe(1239); // 1238.56
    expect(corporate.interestCents).toBe(1073); // 1072.54
    expect(corporate.rateKind).toBe('corporate');
    expect(nonCorporate.quarters.map((quarter) => [quarter.quarter, quarter.days])).toEqual([
      ['2024-Q4', 30],
      ['2025-Q1', 30],
    ]);
  });

  it('quarters missing from the table use the last known rate and say so', () => {
    const facts = { ...thousandDollars, entrySummaryDate: '2026-01-01' };
    const estimate = estimateRefund(facts, { today: '2026-05-01', rateKind: 'non-corporate', interestUntil: '2026-10-01' });
    expect(estimate.assumedQuarters).toEqual(['2026-Q2', '2026-Q3']);
    expect(estimate.quarters[1]).toEqual({ quarter: '2026-Q2', percent: 7, days: 91, assumedFrom: '2026-Q1' });
    expect(estimate.notes.join(' ')).toContain('No rate in the table for 2026-Q2, 2026-Q3: used the 2026-Q1 rate');
  });

  it('the user-extended table is used', () => {
    const facts = { ...thousandDollars, entrySummaryDate: '2026-04-01' };
    const rates = [{ quarter: '2026-Q2', nonCorporatePercent: 0, corporatePercent: 0, source: 'test' }];
    const estimate = estimateRefund(facts, { today: '2026-05-01', rateKind: 'non-corporate', interestUntil: '2026-07-01', rates });
    expect(estimate.interestCents).toBe(0);
    expect(estimate.assumedQuarters).toEqual([]);
  });

  it('by default runs to today + 45 days and says why', () => {
    const estimate = estimateRefund(thousandDollars, { today: '2026-05-01', rateKind: 'non-corporate' });
    expect(estimate.interestFrom).toBe('2025-01-01');
    expect(estimate.interestUntil).toBe('2026-06-15');
    expect(estimate.notes[0]).toContain('45 days');
    expect(estimate.interestCents).toBe(dailyLoopInterestCents(100000, '2025-01-01', '2026-06-15', 'non-corporate'));
  });

  it('no interest when the end is not after the start', () => {
    const estimate = estimateRefund(thousandDollars, { today: '2026-05-01', rateKind: 'corporate', interestUntil: '2024-12-01' });
    expect(estimate.interestCents).toBe(0);
    expect(estimate.quarters).toEqual([]);
  });

  it('cannot estimate interest without the entry summary date', () => {
    const estimate = estimateRefund({ tariffLines: thousandDollars.tariffLines }, { today: '2026-05-01', rateKind: 'corporate' });
    expect(estimate.interestCents).toBeNull();
    expect(estimate.totalCents).toBe(100000);
    expect(estimate.missingFacts).toEqual(['entrySummaryDate']);
    expect(estimate.isEstimate).toBe(true);
  });

  it('cannot estimate interest with an empty rate table', () => {
    const estimate = estimateRefund(thousandDollars, { today: '2026-05-01', rateKind: 'corporate', rates: [] });
    expect(estimate.interestCents).toBeNull();
    expect(estimate.notes.join(' ')).toContain('rate table is empty');
  });

  it('matches day-by-day compounding for any dates and amounts', () => {
    const date = fc.integer({ min: toDayNumber('2024-10-01'), max: toDayNumber('2027-12-31') }).map(fromDayNumber);
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 800 }), fc.integer({ min: 1, max: 100_000_000 }), fc.constantFrom<RateKind>('corporate', 'non-corporate'), (from, length, cents, rateKind) => {
        const until = addDays(from, length);
        const facts: EntryFacts = { entrySummaryDate: from, tariffLines: [{ htsNumber: '9903.01.25', dutyAmount: cents / 100 }] };
        const estimate = estimateRefund(facts, { today: from, rateKind, interestUntil: until });
        expect(estimate.ieepaDutyCents).toBe(cents);
        expect(Math.abs(estimate.interestCents! - dailyLoopInterestCents(cents, from, until, rateKind))).toBeLessThanOrEqual(1);
        expect(estimate.quarters.reduce((sum, quarter) => sum + quarter.days, 0)).toBe(daysBetween(from, until));
        expect(estimate.totalCents).toBe(estimate.ieepaDutyCents + estimate.interestCents!);
      }),
      { numRuns: 200 },
    );
  });
});

describe('money helpers', () => {
  it.each([
    [1.005, 101],
    [0.1 + 0.2, 30],
    [150.25, 15025],
    [1234567.89, 123456789],
    [0, 0],
  ])('dollarsToCents(%d) = %i', (dollars, cents) => {
    expect(dollarsToCents(dollars)).toBe(cents);
  });

  it.each([
    [0, '$0.00'],
    [5, '$0.05'],
    [123456789, '$1,234,567.89'],
    [-1050, '-$10.50'],
  ])('formatCents(%i) = %s', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });

  it('sums estimates, counting unknown interest as zero', () => {
    const a = estimateRefund(thousandDollars, { today: '2026-05-01', rateKind: 'corporate', interestUntil: '2025-04-01' });
    const b = estimateRefund({ tariffLines: [{ htsNumber: '9903.01.25', dutyAmount: 10 }] }, { today: '2026-05-01', rateKind: 'corporate' });
    expect(sumRefundEstimates([a, b])).toEqual({
      ieepaDutyCents: 101000,
      interestCents: a.interestCents,
      totalCents: 101000 + a.interestCents!,
    });
  });
});
