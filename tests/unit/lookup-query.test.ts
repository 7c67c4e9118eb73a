import { describe, expect, it } from 'vitest';
import { lookupPrefix, readLookupQuery } from '../../utils/lookup-query';

describe('readLookupQuery', () => {
  it('reads an empty box as empty', () => {
    expect(readLookupQuery('')).toEqual({ kind: 'empty' });
    expect(readLookupQuery('  \t ')).toEqual({ kind: 'empty' });
  });

  it.each([
    ['ABC-1234567-6', 'ABC12345676'],
    ['abc12345676', 'ABC12345676'],
    [' abc 1234567 6 ', 'ABC12345676'],
    ['"316-0000017-3"', '31600000173'],
    ['Entry: 999-9999999-0', '99999999990'],
  ])('reads %j as the whole entry number %s', (text, entryNumber) => {
    expect(readLookupQuery(text)).toMatchObject({ kind: 'entry', entryNumber });
  });

  it('reads digits missing leading zeros that the check digit confirms as restored', () => {
    expect(readLookupQuery('12300000010')).toMatchObject({ kind: 'entry', entryNumber: '12300000010' });
    expect(readLookupQuery('31600000173')).toMatchObject({ kind: 'entry' });
    expect(readLookupQuery('1230000000')).toEqual({ kind: 'entry-with-zeros-restored', text: '1230000000', entryNumber: '01230000000' });
    expect(readLookupQuery('1230000001')).toEqual({ kind: 'partial', text: '1230000001' });
    expect(readLookupQuery('0000017')).toEqual({ kind: 'partial', text: '0000017' });
  });

  it('names the check digit a whole number should have', () => {
    expect(readLookupQuery('ABC-1234567-5')).toEqual({ kind: 'wrong-check-digit', text: 'ABC-1234567-5', entryNumber: 'ABC12345675', expectedCheckDigit: 6 });
  });

  it('reads the start of a number or a claim number as partial', () => {
    expect(readLookupQuery('ABC-12')).toEqual({ kind: 'partial', text: 'ABC-12' });
    expect(readLookupQuery('CAPE-26-0000418')).toEqual({ kind: 'partial', text: 'CAPE-26-0000418' });
    expect(readLookupQuery(' c20260421-0007 ')).toEqual({ kind: 'partial', text: 'c20260421-0007' });
  });
});

describe('lookupPrefix', () => {
  it('drops a wrong check digit so the number it was meant to be is still found', () => {
    expect(lookupPrefix(readLookupQuery('ABC-1234567-5'))).toBe('ABC1234567');
  });

  it('searches what was typed otherwise', () => {
    expect(lookupPrefix(readLookupQuery(' ABC-12 '))).toBe('ABC-12');
    expect(lookupPrefix(readLookupQuery(''))).toBe('');
  });
});
