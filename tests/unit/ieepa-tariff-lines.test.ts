import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  builtInIeepaTariffTable,
  describeChapterNinetyNineNumber,
  isDutiableIeepaLine,
  isIeepaHtsNumber,
  normalizeHtsNumber,
  type IeepaTariffTable,
} from '../../utils/ieepa-tariff-lines';

describe('normalizeHtsNumber', () => {
  it.each([
    ['9903.01.25', '9903.01.25'],
    ['9903012500', '9903.01.25.00'],
    ['9903.01.25.00', '9903.01.25.00'],
    ['99030125', '9903.01.25'],
    [' 9903 01 25 ', '9903.01.25'],
    ['9903-01-25', '9903.01.25'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeHtsNumber(input)).toBe(expected);
  });

  it.each(['', '9903.01', '9903.01.2', '9903.01.25.0', '9903.01.25.000', 'ABCD.01.25', '9903.01.25x'])('rejects %j', (input) => {
    expect(normalizeHtsNumber(input)).toBeNull();
  });

  it('never throws and keeps only 8 or 10 digits', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const normal = normalizeHtsNumber(text);
        if (normal !== null) expect(normal.replace(/\./g, '')).toMatch(/^\d{8}(\d{2})?$/);
      }),
    );
  });
});

describe('isIeepaHtsNumber (domain.md §7)', () => {
  it.each(['9903.01.01', '9903.01.24', '9903.01.25', '9903012500', '9903.01.25.00', '9903.01.63', '9903.02.01', '9903020500'])(
    '%s is IEEPA',
    (hts) => {
      expect(isIeepaHtsNumber(hts)).toBe(true);
    },
  );

  it.each(['9903.03.01', '9903.88.15', '9903.88.03', '9903.81.90', '9903.85.02', '8471.30.01.00', '9903.00.01', '9904.01.25', '9903.01'])(
    '%s is not IEEPA',
    (hts) => {
      expect(isIeepaHtsNumber(hts)).toBe(false);
    },
  );

  it('follows a user-edited table', () => {
    const table: IeepaTariffTable = { ...builtInIeepaTariffTable, ieepaSubheadings: ['9903.01'] };
    expect(isIeepaHtsNumber('9903.02.10', table)).toBe(false);
    expect(isIeepaHtsNumber('9903.01.10', table)).toBe(true);
  });
});

describe('isDutiableIeepaLine', () => {
  it('needs duty above zero', () => {
    expect(isDutiableIeepaLine({ htsNumber: '9903.01.25', dutyAmount: 0.01 })).toBe(true);
    expect(isDutiableIeepaLine({ htsNumber: '9903.01.25', dutyAmount: 0 })).toBe(false);
    expect(isDutiableIeepaLine({ htsNumber: '9903.01.25', dutyAmount: -5 })).toBe(false);
    expect(isDutiableIeepaLine({ htsNumber: '9903.01.25' })).toBe(false);
  });

  it('ignores duty on non-IEEPA lines', () => {
    expect(isDutiableIeepaLine({ htsNumber: '9903.88.15', dutyAmount: 100 })).toBe(false);
    expect(isDutiableIeepaLine({ htsNumber: '9903.03.01', dutyAmount: 100 })).toBe(false);
  });
});

describe('describeChapterNinetyNineNumber (versioned table, meanings [open])', () => {
  it('has a version and a source', () => {
    expect(builtInIeepaTariffTable.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(builtInIeepaTariffTable.source).toContain('[open]');
  });

  it.each([
    ['9903.01.01', 'fentanyl', true],
    ['9903.01.24', 'fentanyl', true],
    ['9903012500', 'baseline', true],
    ['9903.01.26', 'exemption', true],
    ['9903.01.34', 'exemption', true],
    ['9903.01.43', 'country-specific', true],
    ['9903.01.89', 'country-specific', true],
    ['9903.02.10.00', 'revised', true],
    ['9903.03.01', 'Section 122', false],
    ['9903.88.15', 'Section 301', false],
  ])('%s → %s', (hts, words, isIeepa) => {
    const range = describeChapterNinetyNineNumber(hts);
    expect(range?.meaning).toContain(words);
    expect(range?.isIeepa).toBe(isIeepa);
  });

  it('returns undefined for numbers the table does not cover', () => {
    expect(describeChapterNinetyNineNumber('8471.30.01')).toBeUndefined();
    expect(describeChapterNinetyNineNumber('nonsense')).toBeUndefined();
  });

  it('agrees with isIeepaHtsNumber on every covered number', () => {
    for (const range of builtInIeepaTariffTable.ranges) {
      expect(isIeepaHtsNumber(range.from)).toBe(range.isIeepa);
      expect(isIeepaHtsNumber(range.to)).toBe(range.isIeepa);
    }
  });
});
