import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findEntryNumbersInText, formatEntryNumber, parseEntryNumber } from '../../utils/entry-number';

/** Independent reference: Luhn mod 10 from the right over the 10 digits (domain.md §4 says CATAIR equals Luhn). */
function referenceCheckDigit(firstTen: string): number {
  const letterValue = (character: string): number => {
    const index = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.indexOf(character);
    if (index < 0) return Number(character);
    if (index < 9) return index + 1; // A–I
    if (index < 18) return index - 8; // J–R
    return index - 16; // S–Z → 2–9
  };
  const digits = [...firstTen.toUpperCase()].map(letterValue).reverse();
  let sum = 0;
  digits.forEach((digit, fromRight) => {
    // The rightmost of the 10 is position 10 from the left: doubled.
    sum += fromRight % 2 === 0 ? [0, 2, 4, 6, 8, 1, 3, 5, 7, 9][digit]! : digit;
  });
  return (10 - (sum % 10)) % 10;
}

const alphanumeric = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
const digit = fc.constantFrom(...'0123456789');
const firstTen = fc
  .tuple(fc.array(alphanumeric, { minLength: 3, maxLength: 3 }), fc.array(digit, { minLength: 7, maxLength: 7 }))
  .map(([filer, number]) => filer.join('') + number.join(''));
const validEntryNumber = firstTen.map((ten) => ten + referenceCheckDigit(ten));

describe('parseEntryNumber: clean forms (domain.md §4)', () => {
  it.each([
    ['ABC12345676', 'ABC12345676'],
    ['ABC-1234567-6', 'ABC12345676'],
    ['abc-1234567-6', 'ABC12345676'],
    ['  ABC 1234567 6 ', 'ABC12345676'],
    ['ABC.1234567.6', 'ABC12345676'],
    ['"ABC-1234567-6"', 'ABC12345676'],
    ["'ABC12345676'", 'ABC12345676'],
    ['“ABC-1234567-6”', 'ABC12345676'],
    ['ABC–1234567–6', 'ABC12345676'],
    ['="31600000173"', '31600000173'],
    ['999-9999999-0', '99999999990'],
    ['123-0000001-0', '12300000010'],
    ['9zz-0000000-3', '9ZZ00000003'],
    ['Entry: ABC-1234567-6 (filed)', 'ABC12345676'],
    ['Entry#ABC12345676', 'ABC12345676'],
  ])('%j → %s', (raw, normal) => {
    expect(parseEntryNumber(raw)).toEqual({ entryNumber: normal, problems: [] });
  });
});

describe('parseEntryNumber: problems', () => {
  it('empty and blank values', () => {
    for (const raw of ['', '   ', '""', ' - ']) expect(parseEntryNumber(raw).problems).toEqual([{ code: 'empty' }]);
  });

  it('wrong length names the length', () => {
    expect(parseEntryNumber('ABC123456')).toEqual({
      entryNumber: null,
      problems: [{ code: 'bad-length', text: 'ABC123456', length: 9, zeroPaddingTried: false }],
    });
    expect(parseEntryNumber('ABC-1234567-67').problems[0]).toMatchObject({ code: 'bad-length', length: 12 });
    expect(parseEntryNumber('123456789012').problems[0]).toMatchObject({ code: 'bad-length', length: 12 });
  });

  it('characters that cannot be in an entry number', () => {
    expect(parseEntryNumber('AB#1234567-6').problems).toEqual([
      { code: 'bad-characters', text: 'AB#1234567-6', characters: '#', inNumberPart: false },
    ]);
    expect(parseEntryNumber('ABC/1234567/6').problems[0]).toMatchObject({ code: 'bad-characters', characters: '/' });
  });

  it('a letter where the 7 digits or the check digit belong', () => {
    expect(parseEntryNumber('ABC123456O6').problems).toEqual([
      { code: 'bad-characters', text: 'ABC123456O6', characters: 'O', inNumberPart: true },
    ]);
    expect(parseEntryNumber('ABC-12345I7-X').problems[0]).toMatchObject({ code: 'bad-characters', characters: 'IX', inNumberPart: true });
  });

  it('a wrong check digit names the expected digit', () => {
    expect(parseEntryNumber('ABC-1234567-5')).toEqual({
      entryNumber: null,
      problems: [{ code: 'check-digit', entryNumber: 'ABC12345675', expected: 6 }],
    });
    expect(parseEntryNumber('AB1-2345678-0').problems).toEqual([{ code: 'check-digit', entryNumber: 'AB123456780', expected: 7 }]);
  });
});

describe('parseEntryNumber: spreadsheet damage (domain.md §3)', () => {
  it.each([
    ['12345674', '00012345674'],
    ['123456782', '00123456782'],
    ['1234567897', '01234567897'],
    [' 1234567897 ', '01234567897'],
    ['1234567897.0', '01234567897'],
  ])('restores dropped leading zeros of %j when the check digit confirms them', (raw, restored) => {
    const parsed = parseEntryNumber(raw);
    expect(parsed.entryNumber).toBe(restored);
    expect(parsed.problems).toEqual([
      { code: 'spreadsheet-damage', damage: 'leading-zeros', restored: true, text: raw.trim(), entryNumber: restored },
    ]);
  });

  it('does not restore when the padded number fails the check digit', () => {
    expect(parseEntryNumber('12345675')).toEqual({
      entryNumber: null,
      problems: [{ code: 'bad-length', text: '12345675', length: 8, zeroPaddingTried: true }],
    });
  });

  it('pads at most three missing zeros: shorter runs are not damage', () => {
    expect(parseEntryNumber('0000123455').entryNumber).toBe('00000123455');
    expect(parseEntryNumber('123455')).toEqual({
      entryNumber: null,
      problems: [{ code: 'bad-length', text: '123455', length: 6, zeroPaddingTried: false }],
    });
  });

  it.each(['1.12346E+10', '1.23457e+10', '1,12346E+10', '3.16E10', '1E+10'])('%s is scientific notation: not restorable', (raw) => {
    expect(parseEntryNumber(raw)).toEqual({
      entryNumber: null,
      problems: [{ code: 'spreadsheet-damage', damage: 'scientific-notation', restored: false, text: raw }],
    });
  });

  it('an entry number with E in its filer code is not scientific notation', () => {
    expect(parseEntryNumber('1E1-0000000-5').problems[0]?.code).not.toBe('spreadsheet-damage');
  });
});

describe('formatEntryNumber', () => {
  it('writes XXX-NNNNNNN-C', () => {
    expect(formatEntryNumber('ABC12345676')).toBe('ABC-1234567-6');
  });
  it('leaves other lengths unchanged', () => {
    expect(formatEntryNumber('ABC')).toBe('ABC');
  });
});

describe('findEntryNumbersInText', () => {
  it('finds dashed and undashed numbers with offsets and check-digit validity', () => {
    const text = 'Entries ABC-1234567-6 and abc12345675; also 316-0000017-3.';
    expect(findEntryNumbersInText(text)).toEqual([
      { start: 8, end: 21, entryNumber: 'ABC12345676', checkDigitValid: true },
      { start: 26, end: 37, entryNumber: 'ABC12345675', checkDigitValid: false },
      { start: 44, end: 57, entryNumber: '31600000173', checkDigitValid: true },
    ]);
    expect(text.slice(8, 21)).toBe('ABC-1234567-6');
  });

  it.each([
    ['phone numbers', 'Call 202-325-8000 or 1-202-325-8000 or (202) 325-8000'],
    ['12-digit runs', '123456789012 and 9999999999900'],
    ['decimal amounts', '12345678901.00 and 1,23456789012 and 99999999990,50'],
    ['currency amounts', '$99999999990 and €99999999990'],
    ['inside longer codes', 'X99999999990 and 99999999990X and REF-ABC-1234567-6 and ABC-1234567-6-1'],
    ['mixed dashes', 'ABC-12345676 ABC1234567-6'],
    ['ten characters', 'ABC1234567 and 9999999999'],
  ])('ignores %s', (_, text) => {
    expect(findEntryNumbersInText(text)).toEqual([]);
  });

  it('accepts punctuation and line ends around a number', () => {
    const found = findEntryNumbersInText('(ABC-1234567-6)\n"99999999990",[12300000010]');
    expect(found.map((match) => match.entryNumber)).toEqual(['ABC12345676', '99999999990', '12300000010']);
  });

  it('can be called again and again (global pattern state is reset)', () => {
    expect(findEntryNumbersInText('ABC12345676 x')).toHaveLength(1);
    expect(findEntryNumbersInText('ABC12345676 x')).toHaveLength(1);
  });
});

describe('properties', () => {
  it('parsing never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (raw) => {
        const parsed = parseEntryNumber(raw);
        expect(parsed.entryNumber === null || /^[A-Z0-9]{11}$/.test(parsed.entryNumber)).toBe(true);
        expect(parsed.entryNumber !== null || parsed.problems.length > 0).toBe(true);
        findEntryNumbersInText(raw);
      }),
      { numRuns: 2000 },
    );
  });

  it('parsing never throws on text built from entry-number parts', () => {
    const piece = fc.oneof(alphanumeric, digit, fc.constantFrom('-', ' ', '.', '"', 'E', '+', ',', '#', '\n', '$'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        parseEntryNumber(pieces.join(''));
        findEntryNumbersInText(pieces.join(''));
      }),
      { numRuns: 2000 },
    );
  });

  it('the check digit matches an independent Luhn computation', () => {
    fc.assert(
      fc.property(firstTen, digit, (ten, last) => {
        const parsed = parseEntryNumber(ten + last);
        const valid = Number(last) === referenceCheckDigit(ten);
        expect(parsed.entryNumber !== null).toBe(valid);
        if (!valid) expect(parsed.problems).toEqual([{ code: 'check-digit', entryNumber: ten + last, expected: referenceCheckDigit(ten) }]);
      }),
      { numRuns: 2000 },
    );
  });

  it('normal form ↔ display form round-trips', () => {
    fc.assert(
      fc.property(validEntryNumber, fc.boolean(), (normal, lower) => {
        const display = formatEntryNumber(normal);
        expect(display).toMatch(/^[A-Z0-9]{3}-\d{7}-\d$/);
        expect(parseEntryNumber(lower ? display.toLowerCase() : display)).toEqual({ entryNumber: normal, problems: [] });
        expect(display.replace(/-/g, '')).toBe(normal);
      }),
    );
  });

  it('finds every valid number placed in text, at its offsets', () => {
    fc.assert(
      fc.property(fc.array(validEntryNumber, { minLength: 1, maxLength: 5 }), fc.boolean(), (numbers, dashed) => {
        const shown = numbers.map((normal) => (dashed ? formatEntryNumber(normal) : normal));
        const text = `Entries: ${shown.join(', ')}.`;
        const found = findEntryNumbersInText(text);
        expect(found.map((match) => match.entryNumber)).toEqual(numbers);
        for (const match of found) expect(match.checkDigitValid).toBe(true);
        found.forEach((match, index) => expect(text.slice(match.start, match.end)).toBe(shown[index]));
      }),
    );
  });

  it('restores any valid all-digit number whose leading zeros were dropped (up to three)', () => {
    const zeroLed = fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.array(digit, { minLength: 10, maxLength: 10 }))
      .map(([zeros, rest]) => {
        const ten = ('0'.repeat(zeros) + rest.join('')).slice(0, 10);
        return ten + referenceCheckDigit(ten);
      })
      .filter((number) => /^0+[1-9]/.test(number) && number.replace(/^0+/, '').length >= 8);
    fc.assert(
      fc.property(zeroLed, (normal) => {
        const damaged = normal.replace(/^0+/, '');
        const parsed = parseEntryNumber(damaged);
        expect(parsed.entryNumber).toBe(normal);
        expect(parsed.problems[0]).toMatchObject({ code: 'spreadsheet-damage', restored: true });
      }),
    );
  });
});
