import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, fromDayNumber, toDayNumber } from '../../utils/calendar-date';
import {
  CAPE_WINDOW_LAST_DAY_OFFSET,
  capeWindowLastDay,
  computeDeadlines,
  isWithinCapeWindow,
  type Deadline,
  type DeadlineName,
  type EntryDeadlines,
} from '../../utils/deadlines';
import type { EntryFacts, LiquidationStatus } from '../../utils/entry-facts';

const liquidated = (liquidationDate: string, extra: Partial<EntryFacts> = {}): EntryFacts => ({
  liquidationStatus: 'liquidated',
  liquidationDate,
  ...extra,
});

describe('CAPE window constant (domain.md §6)', () => {
  it('is the conservative reading: last day = liquidation + 79', () => {
    expect(CAPE_WINDOW_LAST_DAY_OFFSET).toBe(79);
    expect(capeWindowLastDay('2026-03-01')).toBe('2026-05-19');
  });

  it('matches the launch summaries: liquidated after 30 January 2026 qualified on 2026-04-20', () => {
    expect(isWithinCapeWindow('2026-01-31', '2026-04-20')).toBe(true);
    expect(isWithinCapeWindow('2026-01-30', '2026-04-20')).toBe(false);
  });

  it.each([
    ['2026-03-01', '2026-05-18', true],
    ['2026-03-01', '2026-05-19', true],
    ['2026-03-01', '2026-05-20', false],
    ['2026-03-01', '2026-02-28', true],
  ])('liquidated %s, filed %s → within window %s', (liquidation, filing, expected) => {
    expect(isWithinCapeWindow(liquidation, filing)).toBe(expected);
  });
});

describe('computeDeadlines: liquidated entries', () => {
  it('gives every liquidation clock with labels', () => {
    const deadlines = computeDeadlines(liquidated('2026-03-01'), '2026-04-20');
    expect(deadlines.capeWindowEnd).toEqual({
      name: 'capeWindowEnd',
      date: '2026-05-19',
      daysLeft: 29,
      label: 'Last day CAPE accepts this liquidated entry',
    });
    expect(deadlines.voluntaryReliquidationEnd?.date).toBe('2026-05-30');
    expect(deadlines.protestDeadline?.date).toBe('2026-08-28');
    expect(deadlines.finalLiquidation?.date).toBe('2026-08-28');
    expect(deadlines.estimatedLiquidation).toBeUndefined();
    expect(deadlines.pscWindowEnd).toBeUndefined();
    expect(deadlines.nextDeadline?.name).toBe('capeWindowEnd');
    for (const name of ['voluntaryReliquidationEnd', 'protestDeadline', 'finalLiquidation'] as const) {
      expect(deadlines[name]?.label.length).toBeGreaterThan(10);
    }
  });

  it.each([
    ['2026-05-18', 1, 'capeWindowEnd'],
    ['2026-05-19', 0, 'capeWindowEnd'],
    ['2026-05-20', -1, 'voluntaryReliquidationEnd'],
  ])('CAPE window end, today %s: daysLeft %i, next %s', (today, daysLeft, next) => {
    const deadlines = computeDeadlines(liquidated('2026-03-01'), today);
    expect(deadlines.capeWindowEnd?.daysLeft).toBe(daysLeft);
    expect(deadlines.nextDeadline?.name).toBe(next);
  });

  it.each([
    ['2026-05-29', 'voluntaryReliquidationEnd', 1],
    ['2026-05-30', 'voluntaryReliquidationEnd', 0],
    ['2026-05-31', 'protestDeadline', 89],
    ['2026-08-27', 'protestDeadline', 1],
    ['2026-08-28', 'protestDeadline', 0],
  ])('after the CAPE window, today %s: next is %s in %i days', (today, next, daysLeft) => {
    const deadlines = computeDeadlines(liquidated('2026-03-01'), today);
    expect(deadlines.nextDeadline?.name).toBe(next);
    expect(deadlines.nextDeadline?.daysLeft).toBe(daysLeft);
  });

  it('has no next deadline once the protest deadline has passed', () => {
    const deadlines = computeDeadlines(liquidated('2026-03-01'), '2026-08-29');
    expect(deadlines.protestDeadline?.daysLeft).toBe(-1);
    expect(deadlines.nextDeadline).toBeUndefined();
  });

  it.each([
    ['2026-01-31', '2026-04-20', 'month end into the next months'],
    ['2026-10-13', '2026-12-31', 'last day on the year end'],
    ['2027-12-12', '2028-02-29', 'last day on the 2028 leap day'],
    ['2027-12-13', '2028-03-01', 'counting over the 2028 leap day'],
    ['2028-02-29', '2028-05-18', 'liquidated on the leap day'],
  ])('CAPE window: liquidated %s → last day %s (%s)', (liquidation, lastDay) => {
    const deadlines = computeDeadlines(liquidated(liquidation), liquidation);
    expect(deadlines.capeWindowEnd?.date).toBe(lastDay);
    expect(deadlines.capeWindowEnd?.daysLeft).toBe(79);
  });

  it('leap day boundaries: day before, day of, day after', () => {
    expect(computeDeadlines(liquidated('2027-12-12'), '2028-02-28').capeWindowEnd?.daysLeft).toBe(1);
    expect(computeDeadlines(liquidated('2027-12-12'), '2028-02-29').capeWindowEnd?.daysLeft).toBe(0);
    expect(computeDeadlines(liquidated('2027-12-12'), '2028-03-01').capeWindowEnd?.daysLeft).toBe(-1);
  });

  it('year end boundaries: day of and day after', () => {
    expect(computeDeadlines(liquidated('2026-10-13'), '2026-12-31').nextDeadline?.name).toBe('capeWindowEnd');
    const after = computeDeadlines(liquidated('2026-10-13'), '2027-01-01');
    expect(after.capeWindowEnd?.daysLeft).toBe(-1);
    expect(after.nextDeadline?.name).toBe('voluntaryReliquidationEnd');
    expect(after.nextDeadline?.date).toBe('2027-01-11');
  });

  it.each([
    ['2027-12-01', 'voluntaryReliquidationEnd', '2028-02-29'],
    ['2027-09-02', 'protestDeadline', '2028-02-29'],
    ['2027-09-02', 'finalLiquidation', '2028-02-29'],
  ])('liquidated %s: %s falls on the leap day %s', (liquidation, name, date) => {
    expect(computeDeadlines(liquidated(liquidation), '2027-09-02')[name as DeadlineName]?.date).toBe(date);
  });

  it('takes a missing status with a past liquidation date as liquidated', () => {
    const deadlines = computeDeadlines({ liquidationDate: '2026-03-01' }, '2026-04-20');
    expect(deadlines.capeWindowEnd?.date).toBe('2026-05-19');
  });

  it('leaves out final liquidation while a protest is open', () => {
    const deadlines = computeDeadlines(liquidated('2026-03-01', { protestOpen: true }), '2026-04-20');
    expect(deadlines.protestDeadline?.date).toBe('2026-08-28');
    expect(deadlines.finalLiquidation).toBeUndefined();
  });

  it('finally liquidated entries keep their past dates, with nothing ahead', () => {
    const deadlines = computeDeadlines({ liquidationStatus: 'final', liquidationDate: '2025-06-01' }, '2026-04-20');
    expect(deadlines.finalLiquidation?.date).toBe('2025-11-28');
    expect(deadlines.finalLiquidation?.daysLeft).toBeLessThan(0);
    expect(deadlines.nextDeadline).toBeUndefined();
  });

  it('gives nothing for a liquidated entry without a liquidation date', () => {
    expect(computeDeadlines({ liquidationStatus: 'liquidated' }, '2026-04-20')).toEqual({});
  });

  it('follows a rule set with a different window', () => {
    const deadlines = computeDeadlines(liquidated('2026-03-01'), '2026-04-20', { capeWindowLastDayOffset: 89 });
    expect(deadlines.capeWindowEnd?.date).toBe('2026-05-29');
  });
});

describe('computeDeadlines: unliquidated entries', () => {
  const unliquidated: EntryFacts = { liquidationStatus: 'unliquidated', entrySummaryDate: '2025-04-10' };

  it('estimates liquidation at entry summary + 314 and the PSC window 15 days before it', () => {
    const deadlines = computeDeadlines(unliquidated, '2025-12-01');
    expect(deadlines.estimatedLiquidation?.date).toBe('2026-02-18');
    expect(deadlines.estimatedLiquidation?.label).toContain('314');
    // 314 − 15 = 299 < 300, so the liquidation clock decides
    expect(deadlines.pscWindowEnd?.date).toBe('2026-02-03');
    expect(deadlines.pscWindowEnd?.note).toBeUndefined();
    expect(deadlines.capeWindowEnd).toBeUndefined();
    expect(deadlines.nextDeadline?.name).toBe('pscWindowEnd');
  });

  it.each([
    ['2026-02-02', 'pscWindowEnd', 1],
    ['2026-02-03', 'pscWindowEnd', 0],
    ['2026-02-04', 'estimatedLiquidation', 14],
    ['2026-02-18', 'estimatedLiquidation', 0],
  ])('today %s: next is %s in %i days', (today, name, daysLeft) => {
    const deadlines = computeDeadlines(unliquidated, today);
    expect(deadlines.nextDeadline?.name).toBe(name);
    expect(deadlines.nextDeadline?.daysLeft).toBe(daysLeft);
  });

  it('nothing ahead once the estimated liquidation has passed', () => {
    expect(computeDeadlines(unliquidated, '2026-02-19').nextDeadline).toBeUndefined();
  });

  it('uses a scheduled liquidation date and then the 300-day clock decides the PSC window', () => {
    const deadlines = computeDeadlines({ ...unliquidated, liquidationDate: '2026-06-30' }, '2025-12-01');
    expect(deadlines.estimatedLiquidation).toMatchObject({ date: '2026-06-30', label: 'Scheduled liquidation' });
    expect(deadlines.pscWindowEnd?.date).toBe('2026-02-04');
    expect(deadlines.pscWindowEnd?.note).toContain('entry summary date');
  });

  it('a scheduled date 15 days before which is earlier than 300 days decides', () => {
    const deadlines = computeDeadlines({ ...unliquidated, liquidationDate: '2025-12-31' }, '2025-12-01');
    expect(deadlines.pscWindowEnd?.date).toBe('2025-12-16');
  });

  it.each(['suspended', 'extended', 'under-review'] as LiquidationStatus[])(
    '%s: no estimated liquidation, PSC window from the 300-day clock only',
    (status) => {
      const deadlines = computeDeadlines({ liquidationStatus: status, entrySummaryDate: '2025-04-10' }, '2025-12-01');
      expect(deadlines.estimatedLiquidation).toBeUndefined();
      expect(deadlines.pscWindowEnd?.date).toBe('2026-02-04');
      expect(deadlines.capeWindowEnd).toBeUndefined();
    },
  );

  it('unknown status: estimates, and says it assumes the entry is unliquidated', () => {
    const deadlines = computeDeadlines({ entrySummaryDate: '2025-05-20' }, '2025-12-01');
    expect(deadlines.estimatedLiquidation?.date).toBe('2026-03-30');
    expect(deadlines.estimatedLiquidation?.note).toContain('not known');
    expect(deadlines.pscWindowEnd?.note).toContain('not known');
  });

  it('cancelled entries have no deadlines', () => {
    expect(computeDeadlines({ liquidationStatus: 'cancelled', liquidationDate: '2026-03-01', entrySummaryDate: '2025-04-10' }, '2026-04-20')).toEqual({});
  });

  it('no facts, no deadlines', () => {
    expect(computeDeadlines({}, '2026-04-20')).toEqual({});
  });

  it('treats a malformed date as missing instead of throwing', () => {
    expect(computeDeadlines({ liquidationStatus: 'liquidated', liquidationDate: '2026-02-30' }, '2026-04-20')).toEqual({});
    expect(computeDeadlines({ liquidationStatus: 'unliquidated', entrySummaryDate: 'soon' }, '2026-04-20')).toEqual({});
  });
});

const dayNumbers = { min: toDayNumber('2024-01-01'), max: toDayNumber('2030-12-31') };
const calendarDate = fc.integer(dayNumbers).map(fromDayNumber);
const statuses = fc.constantFrom<LiquidationStatus | undefined>(
  undefined,
  'unliquidated',
  'liquidated',
  'final',
  'suspended',
  'extended',
  'under-review',
  'cancelled',
);
const anyFacts = fc.record(
  {
    liquidationStatus: statuses,
    liquidationDate: calendarDate,
    entrySummaryDate: calendarDate,
    protestOpen: fc.boolean(),
  },
  { requiredKeys: [] },
);

function all(deadlines: EntryDeadlines): Deadline[] {
  const names: DeadlineName[] = ['capeWindowEnd', 'voluntaryReliquidationEnd', 'protestDeadline', 'finalLiquidation', 'estimatedLiquidation', 'pscWindowEnd'];
  return names.flatMap((name) => (deadlines[name] ? [deadlines[name]] : []));
}

describe('computeDeadlines properties', () => {
  it('daysLeft is always daysBetween(today, date) and names match keys', () => {
    fc.assert(
      fc.property(anyFacts, calendarDate, (facts, today) => {
        const deadlines = computeDeadlines(facts as EntryFacts, today);
        for (const deadline of all(deadlines)) {
          expect(deadline.daysLeft).toBe(daysBetween(today, deadline.date));
          expect(deadlines[deadline.name]).toBe(deadline);
        }
      }),
    );
  });

  it('liquidation clocks are always ordered: CAPE window < voluntary reliquidation < protest = final', () => {
    fc.assert(
      fc.property(calendarDate, calendarDate, fc.boolean(), (liquidationDate, today, protestOpen) => {
        const deadlines = computeDeadlines({ liquidationStatus: 'liquidated', liquidationDate, protestOpen }, today);
        expect(deadlines.capeWindowEnd!.date < deadlines.voluntaryReliquidationEnd!.date).toBe(true);
        expect(deadlines.voluntaryReliquidationEnd!.date < deadlines.protestDeadline!.date).toBe(true);
        if (!protestOpen) expect(deadlines.finalLiquidation!.date).toBe(deadlines.protestDeadline!.date);
        expect(daysBetween(liquidationDate, deadlines.capeWindowEnd!.date)).toBe(CAPE_WINDOW_LAST_DAY_OFFSET);
      }),
    );
  });

  it('the PSC window always ends at least 15 days before the estimated liquidation and within 300 days of the summary', () => {
    fc.assert(
      fc.property(calendarDate, fc.option(calendarDate, { nil: undefined }), calendarDate, (entrySummaryDate, liquidationDate, today) => {
        const deadlines = computeDeadlines({ liquidationStatus: 'unliquidated', entrySummaryDate, liquidationDate }, today);
        const psc = deadlines.pscWindowEnd!;
        expect(daysBetween(entrySummaryDate, psc.date)).toBeLessThanOrEqual(300);
        expect(daysBetween(psc.date, deadlines.estimatedLiquidation!.date)).toBeGreaterThanOrEqual(15);
      }),
    );
  });

  it('next deadline is the CAPE window while open, else the earliest still ahead', () => {
    fc.assert(
      fc.property(anyFacts, calendarDate, (facts, today) => {
        const deadlines = computeDeadlines(facts as EntryFacts, today);
        const ahead = all(deadlines).filter((deadline) => deadline.daysLeft >= 0);
        if (ahead.length === 0) {
          expect(deadlines.nextDeadline).toBeUndefined();
          return;
        }
        const next = deadlines.nextDeadline!;
        expect(next.daysLeft).toBeGreaterThanOrEqual(0);
        if (deadlines.capeWindowEnd && deadlines.capeWindowEnd.daysLeft >= 0) expect(next.name).toBe('capeWindowEnd');
        else expect(next.daysLeft).toBe(Math.min(...ahead.map((deadline) => deadline.daysLeft)));
      }),
    );
  });

  it('the CAPE window end moves one for one with the liquidation date', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -400, max: 400 }), (liquidationDate, shift) => {
        const a = computeDeadlines(liquidated(liquidationDate), liquidationDate).capeWindowEnd!;
        const b = computeDeadlines(liquidated(addDays(liquidationDate, shift)), liquidationDate).capeWindowEnd!;
        expect(daysBetween(a.date, b.date)).toBe(shift);
      }),
    );
  });
});
