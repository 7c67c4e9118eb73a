import type { CalendarDate } from './calendar-date';
import { formatEntryNumber } from './entry-number';

/** At most this many entries per CAPE Declaration (domain.md §3; one source says 10,000: 9,999 is safe). */
export const MAX_ENTRIES_PER_DECLARATION = 9999;
/** Each file stays under 1 MB (domain.md §3). */
export const MAX_DECLARATION_BYTES = 1_000_000;
const header = 'Entry Number';

export interface CapeFileOptions {
  /** Date in the file names (the filing day, `YYYY-MM-DD`). */
  date: CalendarDate;
  /** Write `ABC-1234567-6` instead of `ABC12345676` (domain.md §3 [open]: undashed by default). */
  dashes?: boolean;
  /** Entries per file, 1 to 9,999. */
  maxPerFile?: number;
}

export interface CapeFile {
  name: string;
  /** ASCII, CRLF line ends, no BOM (what Excel's "CSV (Comma delimited)" writes). */
  content: string;
  entryCount: number;
}

/** `cape-declaration-YYYY-MM-DD.csv` for one file, `cape-declaration-YYYY-MM-DD-part-1-of-3.csv` for several. */
export function capeFileName(date: CalendarDate, part: number, parts: number): string {
  return parts === 1 ? `cape-declaration-${date}.csv` : `cape-declaration-${date}-part-${part}-of-${parts}.csv`;
}

/**
 * The CAPE Declaration files for entry numbers in normal form (domain.md §3): header `Entry Number`, one entry per row,
 * split in input order at `maxPerFile`. No entries, no file: CAPE rejects an empty declaration.
 */
export function writeCapeFiles(entryNumbers: readonly string[], options: CapeFileOptions): CapeFile[] {
  const maxPerFile = options.maxPerFile ?? MAX_ENTRIES_PER_DECLARATION;
  if (!Number.isInteger(maxPerFile) || maxPerFile < 1 || maxPerFile > MAX_ENTRIES_PER_DECLARATION) {
    throw new RangeError(`Entries per file must be a whole number from 1 to ${MAX_ENTRIES_PER_DECLARATION}, not ${maxPerFile}.`);
  }
  for (const entryNumber of entryNumbers) {
    if (!/^[A-Z0-9]{11}$/.test(entryNumber)) throw new RangeError(`Not an entry number in normal form: ${entryNumber}`);
  }
  const parts = Math.ceil(entryNumbers.length / maxPerFile);
  const files: CapeFile[] = [];
  for (let part = 0; part < parts; part++) {
    const slice = entryNumbers.slice(part * maxPerFile, (part + 1) * maxPerFile);
    const rows = options.dashes ? slice.map(formatEntryNumber) : slice;
    const content = `${header}\r\n${rows.join('\r\n')}\r\n`;
    // 9,999 dashed rows are about 150 kB: far under the limit, checked so a change of format cannot break it silently.
    if (content.length >= MAX_DECLARATION_BYTES) throw new RangeError(`CAPE file part ${part + 1} would be ${content.length} bytes; the limit is under 1 MB.`);
    files.push({ name: capeFileName(options.date, part + 1, parts), content, entryCount: slice.length });
  }
  return files;
}
