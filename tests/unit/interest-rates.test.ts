import { describe, expect, it } from 'vitest';
import {
  builtInOverpaymentRates,
  daysInYear,
  isQuarterName,
  nextQuarterStart,
  quarterOf,
  quarterStart,
  rateForQuarter,
} from '../../utils/interest-rates';

describe('quarters', () => {
  it.each([
    ['2025-01-01', '2025-Q1', '2025-04-01'],
    ['2025-03-31', '2025-Q1', '2025-04-01'],
    ['2025-04-01', '2025-Q2', '2025-07-01'],
    ['2025-09-30', '2025-Q3', '2025-10-01'],
    ['2025-10-01', '2025-Q4', '2026-01-01'],
    ['2025-12-31', '2025-Q4', '2026-01-01'],
    ['2028-02-29', '2028-Q1', '2028-04-01'],
  ])('%s is in %s; next quarter starts %s', (date, quarter, next) => {
    expect(quarterOf(date)).toBe(quarter);
    expect(nextQuarterStart(date)).toBe(next);
  });

  it('quarter start dates', () => {
    expect(quarterStart('2025-Q1')).toBe('2025-01-01');
    expect(quarterStart('2025-Q4')).toBe('2025-10-01');
    expect(() => quarterStart('2025-Q5')).toThrow(RangeError);
  });

  it('quarter names', () => {
    expect(isQuarterName('2026-Q2')).toBe(true);
    expect(isQuarterName('2026-Q0')).toBe(false);
    expect(isQuarterName('Q2 2026')).toBe(false);
  });

  it('days in a year', () => {
    expect(daysInYear(2025)).toBe(365);
    expect(daysInYear(2024)).toBe(366);
    expect(daysInYear(2028)).toBe(366);
    expect(daysInYear(2100)).toBe(365);
    expect(daysInYear(2000)).toBe(366);
  });
});

describe('overpayment rates (domain.md §8)', () => {
  it('holds Q4 2024 and Q1 2025 through Q1 2026', () => {
    expect(builtInOverpaymentRates.map((rate) => [rate.quarter, rate.nonCorporatePercent, rate.corporatePercent])).toEqual([
      ['2024-Q4', 8, 7],
      ['2025-Q1', 7, 6],
      ['2025-Q2', 7, 6],
      ['2025-Q3', 7, 6],
      ['2025-Q4', 7, 6],
      ['2026-Q1', 7, 6],
    ]);
  });

  it.each([
    ['2024-Q4', 'non-corporate', 8],
    ['2024-Q4', 'corporate', 7],
    ['2025-Q3', 'non-corporate', 7],
    ['2026-Q1', 'corporate', 6],
  ] as const)('%s %s → %i%%', (quarter, kind, percent) => {
    expect(rateForQuarter(quarter, kind)).toEqual({ quarter, percent });
  });

  it('a later quarter uses the last known rate and says so', () => {
    expect(rateForQuarter('2026-Q2', 'non-corporate')).toEqual({ quarter: '2026-Q2', percent: 7, assumedFrom: '2026-Q1' });
    expect(rateForQuarter('2027-Q3', 'corporate')).toEqual({ quarter: '2027-Q3', percent: 6, assumedFrom: '2026-Q1' });
  });

  it('an earlier quarter uses the earliest known rate and says so', () => {
    expect(rateForQuarter('2024-Q3', 'non-corporate')).toEqual({ quarter: '2024-Q3', percent: 8, assumedFrom: '2024-Q4' });
  });

  it('a gap uses the rate before it', () => {
    const rates = [
      { quarter: '2026-Q1', nonCorporatePercent: 7, corporatePercent: 6, source: 'test' },
      { quarter: '2026-Q3', nonCorporatePercent: 5, corporatePercent: 4, source: 'test' },
    ];
    expect(rateForQuarter('2026-Q2', 'non-corporate', rates)).toEqual({ quarter: '2026-Q2', percent: 7, assumedFrom: '2026-Q1' });
    expect(rateForQuarter('2026-Q3', 'corporate', rates)).toEqual({ quarter: '2026-Q3', percent: 4 });
  });

  it('the user extends the table', () => {
    const rates = [...builtInOverpaymentRates, { quarter: '2026-Q2', nonCorporatePercent: 6, corporatePercent: 5, source: 'user' }];
    expect(rateForQuarter('2026-Q2', 'non-corporate', rates)).toEqual({ quarter: '2026-Q2', percent: 6 });
  });

  it('ignores malformed quarters and gives nothing for an empty table', () => {
    expect(rateForQuarter('2025-Q1', 'corporate', [{ quarter: 'soon', nonCorporatePercent: 1, corporatePercent: 1, source: 'x' }])).toBeUndefined();
    expect(rateForQuarter('2025-Q1', 'corporate', [])).toBeUndefined();
  });
});
