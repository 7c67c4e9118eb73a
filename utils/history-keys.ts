/** Claim number format is unpublished ([open]): any trimmed, upper-cased run of letters, digits and dashes; else null. */
export function normalizeClaimNumber(text: string): string | null {
  const claimNumber = text.trim().toUpperCase();
  return /^[A-Z0-9-]+$/.test(claimNumber) ? claimNumber : null;
}

/** History key of an entry number: upper case, dashes, spaces and dots dropped (a normal form stays as it is). */
export function entryKey(text: string): string {
  return text.toUpperCase().replace(/[\s.\-_]+/g, '');
}

/** An entry number in normal form: 3-character filer code, 7 digits, check digit (domain.md §4). */
export function isEntryNumberKey(text: string): boolean {
  return /^[A-Z0-9]{3}\d{8}$/.test(text);
}
