/**
 * Claim numbers: CBP has not published their format (domain.md [open]), so a claim number is any
 * trimmed, upper-cased run of letters, digits and dashes; nothing more is checked.
 * Returns null when the text is empty or has other characters.
 */
export function normalizeClaimNumber(text: string): string | null {
  const claimNumber = text.trim().toUpperCase();
  return /^[A-Z0-9-]+$/.test(claimNumber) ? claimNumber : null;
}

/**
 * Key form of an entry number for the history: upper case, dashes, spaces and dots dropped.
 * A normal-form entry number (11 letters and digits, domain.md §4) is returned unchanged.
 */
export function entryKey(text: string): string {
  return text.toUpperCase().replace(/[\s.\-_]+/g, '');
}

/** An entry number in normal form: 3-character filer code, 7 digits, check digit (domain.md §4). */
export function isEntryNumberKey(text: string): boolean {
  return /^[A-Z0-9]{3}\d{8}$/.test(text);
}
