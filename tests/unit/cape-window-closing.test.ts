import { describe, expect, it } from 'vitest';
import { addDays } from '../../utils/calendar-date';
import { CAPE_WINDOW_WARNING_DAYS, entriesLeavingCapeWindow, leavesCapeWindowSoon, toolbarBadgeText, type RememberedEntry } from '../../utils/cape-window-closing';
import { CAPE_WINDOW_LAST_DAY_OFFSET } from '../../utils/deadlines';
import { entryCheckDigit } from '../../utils/entry-check-digit';
import type { EntryFacts } from '../../utils/entry-facts';
import { statusOptionsFrom } from '../../utils/status-options';

const today = '2026-11-23';
const options = statusOptionsFrom({ checkAsOfDate: null, assumeMissingFlagsAreNo: true }, today);

function entryNumber(serial: number): string {
  const firstTen = `ABC${String(serial).padStart(7, '0')}`;
  return `${firstTen}${entryCheckDigit(firstTen)}`;
}

/** A liquidated consumption entry with a dutiable IEEPA line whose CAPE window's last day is `daysLeft` from today. */
function liquidated(serial: number, daysLeft: number, extra: Partial<EntryFacts> = {}, claims: RememberedEntry['claims'] = []): RememberedEntry {
  const liquidationDate = addDays(today, daysLeft - CAPE_WINDOW_LAST_DAY_OFFSET);
  return {
    entryNumber: entryNumber(serial),
    facts: {
      entryType: '01',
      entrySummaryDate: addDays(liquidationDate, -314),
      liquidationDate,
      liquidationStatus: 'liquidated',
      tariffLines: [{ htsNumber: '9903.01.25', dutyAmount: 120 }],
      ...extra,
    },
    claims,
  };
}

describe('leavesCapeWindowSoon', () => {
  it('counts last days from today to 6 days ahead, and no others', () => {
    const byDaysLeft = [-1, 0, 1, 6, 7, 30].map((daysLeft, index) => [daysLeft, leavesCapeWindowSoon(liquidated(index + 1, daysLeft), options)] as const);
    expect(byDaysLeft).toEqual([
      [-1, false],
      [0, true],
      [1, true],
      [6, true],
      [7, false],
      [30, false],
    ]);
    expect(CAPE_WINDOW_WARNING_DAYS).toBe(7);
  });

  it('leaves out entries a claim already holds, but not ones a claim rejected', () => {
    expect(leavesCapeWindowSoon(liquidated(1, 3, {}, [{ claimNumber: 'CAPE-1', outcome: 'accepted' }]), options)).toBe(false);
    expect(leavesCapeWindowSoon(liquidated(2, 3, {}, [{ claimNumber: 'CAPE-1', outcome: 'pending' }]), options)).toBe(false);
    expect(leavesCapeWindowSoon(liquidated(3, 3, {}, [{ claimNumber: 'CAPE-1', outcome: 'rejected', reasonCode: 'invalid-hts' }]), options)).toBe(true);
  });

  it('leaves out entries a known fact rules out, and keeps ones only missing facts leave open', () => {
    expect(leavesCapeWindowSoon(liquidated(1, 3, { drawbackFlag: true }), options)).toBe(false);
    expect(leavesCapeWindowSoon(liquidated(2, 3, { entryType: '47' }), options)).toBe(false);
    const strict = statusOptionsFrom({ checkAsOfDate: null, assumeMissingFlagsAreNo: false }, today);
    expect(leavesCapeWindowSoon(liquidated(3, 3), strict)).toBe(true);
  });

  it('needs a liquidation date: unliquidated entries have no CAPE window to leave', () => {
    const entry = liquidated(1, 3);
    const { liquidationDate: _dropped, ...facts } = entry.facts;
    expect(leavesCapeWindowSoon({ ...entry, facts: { ...facts, liquidationStatus: 'unliquidated' } }, options)).toBe(false);
  });

  it('counts as of the "check as of" date when one is set', () => {
    const entry = liquidated(1, 10);
    expect(leavesCapeWindowSoon(entry, options)).toBe(false);
    expect(leavesCapeWindowSoon(entry, statusOptionsFrom({ checkAsOfDate: addDays(today, 5), assumeMissingFlagsAreNo: true }, today))).toBe(true);
  });
});

describe('entriesLeavingCapeWindow', () => {
  it('lists the entries that leave soon, in the order given', () => {
    const entries = [liquidated(1, 2), liquidated(2, 20), liquidated(3, 0), liquidated(4, -3)];
    expect(entriesLeavingCapeWindow(entries, options)).toEqual([entryNumber(1), entryNumber(3)]);
    expect(entriesLeavingCapeWindow(entries, options, 30)).toEqual([entryNumber(1), entryNumber(2), entryNumber(3)]);
  });
});

describe('toolbarBadgeText', () => {
  it('is empty for none and caps what fits on the icon', () => {
    expect(toolbarBadgeText(0)).toBe('');
    expect(toolbarBadgeText(7)).toBe('7');
    expect(toolbarBadgeText(999)).toBe('999');
    expect(toolbarBadgeText(1000)).toBe('999+');
  });
});
