/**
 * CATAIR check digit over the first 10 characters of an entry number (domain.md §4):
 * letters map A–I → 1–9, J–R → 1–9, S–Z → 2–9; double positions 2, 4, 6, 8, 10; equals Luhn mod 10.
 * Returns null when a character is not a letter or digit.
 */
export function entryCheckDigit(firstTen: string): number | null {
  if (firstTen.length !== 10) return null;
  let sum = 0;
  for (let index = 0; index < 10; index++) {
    const value = characterValue(firstTen.charCodeAt(index));
    if (value === null) return null;
    if (index % 2 === 1) {
      const doubled = value * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    } else {
      sum += value;
    }
  }
  return (10 - (sum % 10)) % 10;
}

function characterValue(code: number): number | null {
  if (code >= 48 && code <= 57) return code - 48;
  const upper = code >= 97 && code <= 122 ? code - 32 : code;
  if (upper >= 65 && upper <= 73) return upper - 64; // A–I → 1–9
  if (upper >= 74 && upper <= 82) return upper - 73; // J–R → 1–9
  if (upper >= 83 && upper <= 90) return upper - 81; // S–Z → 2–9
  return null;
}

/** An 11-character number (normal form) whose last digit is the check digit of the first ten. */
export function hasValidCheckDigit(normalForm: string): boolean {
  if (normalForm.length !== 11) return false;
  const expected = entryCheckDigit(normalForm.slice(0, 10));
  return expected !== null && normalForm.charCodeAt(10) - 48 === expected;
}
