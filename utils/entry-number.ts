import { entryCheckDigit, hasValidCheckDigit } from './entry-check-digit';
import type { EntryProblem } from './entry-problems';

/** One input value read as an entry number. */
export interface ParsedEntryNumber {
  /** Normal form (11 upper-case characters) when usable: valid, or restored from spreadsheet damage. */
  entryNumber: string | null;
  /** Empty when the value was clean; restored damage is a non-blocking problem. */
  problems: readonly EntryProblem[];
}

/** An entry number found in free text or page text. */
export interface EntryNumberMatch {
  /** Offsets of the match in the searched text (end exclusive). */
  start: number;
  end: number;
  /** Normal form of what was found, whether or not its check digit is right. */
  entryNumber: string;
  checkDigitValid: boolean;
}

const noProblems: readonly EntryProblem[] = Object.freeze([]);
const noMatches: readonly EntryNumberMatch[] = Object.freeze([]);

/** Fewest digits an all-digit value may keep for its dropped zeros to be restored: more missing zeros look like a truncated number. */
const minimumDigitsToRestore = 8;

/** `XXX-NNNNNNN-C` (domain.md §4); any other length is returned unchanged. */
export function formatEntryNumber(normalForm: string): string {
  if (normalForm.length !== 11) return normalForm;
  return `${normalForm.slice(0, 3)}-${normalForm.slice(3, 10)}-${normalForm.slice(10)}`;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Most distinct unexpected characters a problem names. */
const maxOddCharacters = 20;

function isQuote(code: number): boolean {
  return code === 34 || code === 39 || code === 96;
}

/** Characters people put between or around the parts of an entry number: spaces, dashes, dots, quotes. */
function isSeparator(code: number): boolean {
  return (
    code === 32 || code === 9 || code === 0xa0 || code === 45 || code === 46 || code === 34 || code === 39 ||
    code === 96 || code === 0x2010 || code === 0x2011 || code === 0x2012 || code === 0x2013 || code === 0x2014 ||
    code === 0x2018 || code === 0x2019 || code === 0x201c || code === 0x201d || code === 0x2007 || code === 0x202f ||
    code === 0x200b || code === 0xfeff || code === 10 || code === 13
  );
}

/** Validate an 11-character compact candidate: filer code (3 letters or digits), 7 digits, check digit (domain.md §4). */
function judgeEleven(compact: string, text: string): ParsedEntryNumber {
  let odd = '';
  for (let index = 3; index < 11; index++) {
    const code = compact.charCodeAt(index);
    if (!isDigit(code) && odd.indexOf(compact[index]!) < 0) odd += compact[index];
  }
  if (odd) return { entryNumber: null, problems: [{ code: 'bad-characters', text, characters: odd, inNumberPart: true }] };
  const expected = entryCheckDigit(compact.slice(0, 10));
  if (expected === null || compact.charCodeAt(10) - 48 !== expected) {
    return { entryNumber: null, problems: [{ code: 'check-digit', entryNumber: compact, expected: expected ?? 0 }] };
  }
  return { entryNumber: compact, problems: noProblems };
}

const scientificNotation = /^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$/;
const wholeNumberWithZeroFraction = /^(\d+)\.0+$/;

/**
 * Read one value (a cell, a pasted line) as an entry number: tolerates dashes, spaces, dots, quotes,
 * lower case and surrounding text; detects spreadsheet damage (domain.md §3). Never throws.
 */
export function parseEntryNumber(raw: string): ParsedEntryNumber {
  const length = raw.length;
  // Fast path: a clean 11-character normal form.
  if (length === 11) {
    let clean = true;
    for (let index = 0; index < 11; index++) {
      const code = raw.charCodeAt(index);
      if (!(isDigit(code) || (code >= 65 && code <= 90))) {
        clean = false;
        break;
      }
    }
    if (clean) return judgeEleven(raw, raw);
  }
  // Fast path: the display form `XXX-NNNNNNN-C` in upper case.
  if (length === 13 && raw.charCodeAt(3) === 45 && raw.charCodeAt(11) === 45) {
    let clean = true;
    for (let index = 0; index < 13; index++) {
      const code = raw.charCodeAt(index);
      if (index !== 3 && index !== 11 && !(isDigit(code) || (code >= 65 && code <= 90))) {
        clean = false;
        break;
      }
    }
    if (clean) return judgeEleven(raw.slice(0, 3) + raw.slice(4, 11) + raw[12], raw);
  }

  let compact = '';
  let odd = '';
  let allDigits = true;
  let start = 0;
  let end = length;
  while (start < end && isSeparator(raw.charCodeAt(start)) && raw.charCodeAt(start) !== 45) start++;
  while (end > start && isSeparator(raw.charCodeAt(end - 1)) && raw.charCodeAt(end - 1) !== 45) end--;
  // Excel's text trick `="00012345678"` keeps zeros: the leading = is not part of the number.
  if (raw.charCodeAt(start) === 61 && (raw.charCodeAt(start + 1) === 34 || raw.charCodeAt(start + 1) === 39)) start++;
  for (let index = start; index < end; index++) {
    const code = raw.charCodeAt(index);
    if (isAlphanumeric(code)) {
      compact += code >= 97 ? String.fromCharCode(code - 32) : raw[index];
      if (!isDigit(code)) allDigits = false;
    } else if (!isSeparator(code)) {
      const character = raw[index]!;
      // Capped: the message names a few; collecting thousands of distinct characters made long text quadratic.
      if (odd.length < maxOddCharacters && odd.indexOf(character) < 0) odd += character;
    }
  }
  // Quotes trimmed by hand: the regex /["'`]+$/ is quadratic on a long run of quotes inside the text.
  let textStart = start;
  let textEnd = end;
  while (textStart < textEnd && isQuote(raw.charCodeAt(textStart))) textStart++;
  while (textEnd > textStart && isQuote(raw.charCodeAt(textEnd - 1))) textEnd--;
  const text = raw.slice(textStart, textEnd);

  if (compact.length === 0) {
    if (odd.length === 0) return { entryNumber: null, problems: [{ code: 'empty' }] };
    return { entryNumber: null, problems: [{ code: 'bad-characters', text, characters: odd, inNumberPart: false }] };
  }

  // Scientific notation: the digits past the mantissa are gone (domain.md §3).
  if (!allDigits && scientificNotation.test(text)) {
    return { entryNumber: null, problems: [{ code: 'spreadsheet-damage', damage: 'scientific-notation', restored: false, text }] };
  }

  if (odd.length === 0) {
    let digits = compact;
    // A number column exported as `12345678901.0` (dots alone are separators otherwise).
    const wholeNumber = wholeNumberWithZeroFraction.exec(text);
    if (wholeNumber) digits = wholeNumber[1]!;
    if (digits.length === 11) return judgeEleven(digits, text);
    if (allDigits && digits.length < 11 && digits.length >= minimumDigitsToRestore) {
      const padded = digits.padStart(11, '0');
      // Restore only what the check digit confirms (domain.md §3 dropped leading zeros).
      if (hasValidCheckDigit(padded)) {
        return {
          entryNumber: padded,
          problems: [{ code: 'spreadsheet-damage', damage: 'leading-zeros', restored: true, text, entryNumber: padded }],
        };
      }
      return { entryNumber: null, problems: [{ code: 'bad-length', text, length: digits.length, zeroPaddingTried: true }] };
    }
  }

  // Surrounding text such as "Entry: ABC-1234567-6".
  const found = firstMatch(raw);
  if (found) return judgeEleven(found, text);
  if (odd.length > 0) return { entryNumber: null, problems: [{ code: 'bad-characters', text, characters: odd, inNumberPart: false }] };
  return { entryNumber: null, problems: [{ code: 'bad-length', text, length: compact.length, zeroPaddingTried: false }] };
}

function firstMatch(text: string): string | null {
  const matches = findEntryNumbersInText(text);
  if (matches.length === 0) return null;
  for (const match of matches) if (match.checkDigitValid) return match.entryNumber;
  return matches[0]!.entryNumber;
}

/**
 * Dashed `XXX-NNNNNNN-C` or undashed 11 characters, standing alone: not inside a longer run of letters or digits,
 * a dashed code, a decimal amount or after a currency sign (so phone numbers and amounts do not match).
 */
const entryNumberInText =
  /(?<![A-Za-z0-9$€£¥]|[A-Za-z0-9]-|\d[.,])([A-Za-z0-9]{3})(-?)(\d{7})\2(\d)(?![A-Za-z0-9]|-[A-Za-z0-9]|[.,]\d)/g;

/** Find entry-number candidates in free text or page text, with offsets; the overlay runs this over text nodes. */
export function findEntryNumbersInText(text: string): readonly EntryNumberMatch[] {
  if (text.length < 11) return noMatches;
  let matches: EntryNumberMatch[] | null = null;
  entryNumberInText.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = entryNumberInText.exec(text)) !== null) {
    const filerCode = match[1]!;
    const entryNumber = `${filerCode.toUpperCase()}${match[3]}${match[4]}`;
    (matches ??= []).push({
      start: match.index,
      end: match.index + match[0].length,
      entryNumber,
      checkDigitValid: hasValidCheckDigit(entryNumber),
    });
  }
  return matches ?? noMatches;
}
