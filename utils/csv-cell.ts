/** Characters that make a spreadsheet read a cell as a formula (CSV injection). */
function startsLikeFormula(value: string): boolean {
  let start = 0;
  // A value that already begins with apostrophes before one of them gets one more, so reading it back strips exactly one.
  while (value.charCodeAt(start) === 39) start++;
  const code = value.charCodeAt(start);
  return code === 61 || code === 43 || code === 45 || code === 64 || code === 9 || code === 13; // = + - @ tab CR
}

/** One CSV cell: a leading formula character is neutralised with an apostrophe, then quoted when needed. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && startsLikeFormula(text)) text = `'${text}`;
  if (/[",\r\n;]/.test(text) || text !== text.trim()) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** One CSV line ending in CRLF, as Excel writes it. */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
