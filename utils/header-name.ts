/** Loose header key: case, spaces and punctuation folded, so "Entry Summary No." matches "entry summary no" (domain.md §2). */
export function headerKey(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/#/g, ' number ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}
