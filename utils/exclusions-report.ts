import type { CalendarDate } from './calendar-date';
import { csvLine } from './csv-cell';

/** One left-out entry as the report lists it. */
export interface ExclusionRow {
  row: number;
  input: string;
  entryNumber: string | null;
  code: string;
  message: string;
  /** File the row came from, when several were checked together. */
  source?: string;
}

export function exclusionsReportName(date: CalendarDate): string {
  return `cape-exclusions-${date}.csv`;
}

/**
 * The exclusions report: what was left out of the CAPE files and why. UTF-8 with a BOM so Excel shows the
 * user's own text (any script) correctly; CRLF; cells that look like formulas are neutralised.
 * A `File` column comes first when any row names its source.
 */
export function writeExclusionsReport(rows: readonly ExclusionRow[]): string {
  const withSource = rows.some((row) => row.source !== undefined);
  const header = ['Row', 'Input', 'Entry Number', 'Code', 'Message'];
  let content = `\uFEFF${csvLine(withSource ? ['File', ...header] : header)}`;
  for (const row of rows) {
    const cells = [row.row, row.input, row.entryNumber ?? '', row.code, row.message];
    content += csvLine(withSource ? [row.source ?? '', ...cells] : cells);
  }
  return content;
}
