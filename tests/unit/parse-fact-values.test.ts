import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseAdcvdStatus,
  parseAmount,
  parseEntryType,
  parseFactDate,
  parseFlag,
  parseLiquidationStatus,
  parseProtestOpen,
} from '../../utils/parse-fact-values';

describe('parseFactDate', () => {
  it.each([
    ['2026-01-05', '2026-01-05'],
    ['01/05/2026', '2026-01-05'],
    ['1/5/2026', '2026-01-05'],
    ['1/5/26', '2026-01-05'],
    ['12/31/99', '2099-12-31'],
    ['02/29/2028', '2028-02-29'],
    ['2028-2-29', '2028-02-29'],
    ['2026/01/05', '2026-01-05'],
    ['01-05-2026', '2026-01-05'],
    [' 01/05/2026 ', '2026-01-05'],
    ['01/05/2026 12:00:00 AM', '2026-01-05'],
    ['2026-01-05T00:00:00', '2026-01-05'],
  ])('%j → %s', (text, date) => {
    expect(parseFactDate(text)).toBe(date);
  });

  it.each(['02/29/2026', '13/01/2026', '31/12/2026', '2026-02-30', '00/10/2026', 'January 5, 2026', '2026', '5.1', 'n/a'])(
    '%j is not understood',
    (text) => {
      expect(parseFactDate(text)).toBeNull();
    },
  );

  it('a placeholder date outside 1900–2199 is not understood (12/31/9999 stands for "none", and its deadlines would pass year 9999)', () => {
    for (const text of ['12/31/9999', '9999-12-31', '01/01/1899', '0001-01-01', '2200-01-01']) expect(parseFactDate(text)).toBeNull();
    expect(parseFactDate('1900-01-01')).toBe('1900-01-01');
    expect(parseFactDate('12/31/2199')).toBe('2199-12-31');
  });

  it('a blank cell says nothing', () => {
    expect(parseFactDate('')).toBeUndefined();
    expect(parseFactDate('  ')).toBeUndefined();
  });
});

describe('parseAmount', () => {
  it.each([
    ['955.17', 955.17],
    ['0', 0],
    ['0.00', 0],
    ['$1,234.56', 1234.56],
    ['$ 1,234,567.89', 1234567.89],
    ['1234', 1234],
    ['(1,234.56)', -1234.56],
    ['($12.00)', -12],
    ['-$12.00', -12],
    ['$-12.00', -12],
    ['USD 12.50', 12.5],
    ['12.50 USD', 12.5],
    ['1.234,56', 1234.56],
    ['12,5', 12.5],
    ['1,234', 1234],
    ['-0', 0],
  ])('%j → %d', (text, amount) => {
    expect(parseAmount(text)).toBe(amount);
  });

  it.each(['abc', '$', '1.2.3', '12a', '--5', '.', '5.', '.5x'])('%j is not understood', (text) => {
    expect(parseAmount(text)).toBeNull();
  });

  it('a blank cell says nothing', () => {
    expect(parseAmount('')).toBeUndefined();
  });

  it('reads any amount written with $ and thousands separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), (cents) => {
        const amount = cents / 100;
        const text = `$${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
        expect(parseAmount(text)).toBeCloseTo(amount, 2);
      }),
    );
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string(), (text) => void parseAmount(text)));
  });
});

describe('parseLiquidationStatus (issue 3 §2 words)', () => {
  it.each([
    ['Unliquidated', 'unliquidated'],
    ['OPEN', 'unliquidated'],
    ['Pending', 'unliquidated'],
    ['Liquidated', 'liquidated'],
    ['Final', 'final'],
    ['Finally Liquidated', 'final'],
    ['finally-liquidated', 'final'],
    ['Suspended', 'suspended'],
    ['Extended', 'extended'],
    ['Under Review', 'under-review'],
    ['under_review', 'under-review'],
    ['Cancelled', 'cancelled'],
    ['Canceled', 'cancelled'],
    ['Rejected', 'cancelled'],
    ['Cancelled/Rejected', 'cancelled'],
  ])('%j → %s', (text, status) => {
    expect(parseLiquidationStatus(text)).toBe(status);
  });

  it('reports unknown words (null) and leaves blanks unsaid', () => {
    expect(parseLiquidationStatus('Reliquidated?')).toBeNull();
    expect(parseLiquidationStatus('L')).toBeNull();
    expect(parseLiquidationStatus(' ')).toBeUndefined();
  });
});

describe('flags', () => {
  it.each([
    ['Y', true],
    ['yes', true],
    ['TRUE', true],
    ['1', true],
    ['N', false],
    ['No', false],
    ['false', false],
    ['0', false],
  ])('%j → %s', (text, value) => {
    expect(parseFlag(text)).toBe(value);
  });

  it('anything else is not understood', () => {
    expect(parseFlag('maybe')).toBeNull();
    expect(parseFlag('')).toBeUndefined();
  });

  it('protest status words', () => {
    expect(parseProtestOpen('Open')).toBe(true);
    expect(parseProtestOpen('Suspended')).toBe(true);
    expect(parseProtestOpen('Y')).toBe(true);
    expect(parseProtestOpen('None')).toBe(false);
    expect(parseProtestOpen('Closed')).toBe(false);
    expect(parseProtestOpen('N')).toBe(false);
    expect(parseProtestOpen('Maybe')).toBeNull();
  });

  it('AD/CVD status words; a bare Yes does not say which state', () => {
    expect(parseAdcvdStatus('No')).toBe('none');
    expect(parseAdcvdStatus('None')).toBe('none');
    expect(parseAdcvdStatus('Suspended')).toBe('suspended-pending-commerce');
    expect(parseAdcvdStatus('Suspended - Pending Commerce')).toBe('suspended-pending-commerce');
    expect(parseAdcvdStatus('Pending Liquidation')).toBe('pending-liquidation');
    expect(parseAdcvdStatus('Yes')).toBeNull();
    expect(parseAdcvdStatus('')).toBeUndefined();
  });
});

describe('parseEntryType', () => {
  it.each([
    ['01', '01'],
    ['1', '01'],
    ['47', '47'],
    [' 06 - FTZ Consumption', '06'],
  ])('%j → %s', (text, code) => {
    expect(parseEntryType(text)).toBe(code);
  });

  it('rejects what is not a two-digit code', () => {
    expect(parseEntryType('Consumption')).toBeNull();
    expect(parseEntryType('123')).toBeNull();
    expect(parseEntryType('')).toBeUndefined();
  });
});
