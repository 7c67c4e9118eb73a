import { describe, expect, it } from 'vitest';
import { entryCheckDigit, hasValidCheckDigit } from '../../utils/entry-check-digit';

describe('entryCheckDigit (domain.md §4 worked examples)', () => {
  it.each([
    ['ABC1234567', 6],
    ['9999999999', 0],
    ['1230000001', 0],
    ['9ZZ0000000', 3],
    ['3160000017', 3],
  ])('%s → %i', (firstTen, expected) => {
    expect(entryCheckDigit(firstTen)).toBe(expected);
  });

  it('accepts lower case like upper case', () => {
    expect(entryCheckDigit('abc1234567')).toBe(6);
  });

  it('rejects wrong lengths and characters', () => {
    expect(entryCheckDigit('ABC123456')).toBeNull();
    expect(entryCheckDigit('AB-1234567')).toBeNull();
  });

  it('validates whole numbers', () => {
    expect(hasValidCheckDigit('ABC12345676')).toBe(true);
    expect(hasValidCheckDigit('ABC12345675')).toBe(false);
    expect(hasValidCheckDigit('ABC1234567')).toBe(false);
  });
});
