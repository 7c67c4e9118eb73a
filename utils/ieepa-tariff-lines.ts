import type { TariffLine } from './entry-facts';

/** What a stretch of Chapter 99 numbers means, as far as public sources say. */
export interface ChapterNinetyNineRange {
  /** First and last 8-digit number of the stretch, written `9903.01.01`. */
  from: string;
  to: string;
  meaning: string;
  isIeepa: boolean;
  /** Whether lines in the stretch normally carry duty; the duty amount on the line still decides. */
  carriesDuty: 'yes' | 'no' | 'varies';
}

export interface IeepaTariffTable {
  version: string;
  source: string;
  /** Chapter 99 subheadings whose lines are IEEPA duties when the duty is above zero (domain.md §7). */
  ieepaSubheadings: string[];
  /** Per-number meanings: [open] in domain.md §7, shown to the user, never used to decide eligibility. */
  ranges: ChapterNinetyNineRange[];
}

/** Versioned table of IEEPA Chapter 99 numbers (domain.md §7); the meanings are [open] and may be replaced by the user. */
export const builtInIeepaTariffTable: IeepaTariffTable = {
  version: '2026-04-20',
  source: 'domain.md §7 (trade summaries of CBP guidance; exact per-number meanings [open])',
  ieepaSubheadings: ['9903.01', '9903.02'],
  ranges: [
    { from: '9903.01.01', to: '9903.01.24', meaning: 'IEEPA fentanyl/border duties (Canada, Mexico, China and Hong Kong)', isIeepa: true, carriesDuty: 'yes' },
    { from: '9903.01.25', to: '9903.01.25', meaning: 'IEEPA reciprocal baseline duty (10%)', isIeepa: true, carriesDuty: 'yes' },
    { from: '9903.01.26', to: '9903.01.34', meaning: 'IEEPA exemption lines (about this range; no duty)', isIeepa: true, carriesDuty: 'no' },
    { from: '9903.01.35', to: '9903.01.42', meaning: 'IEEPA line, meaning not described in public sources', isIeepa: true, carriesDuty: 'varies' },
    { from: '9903.01.43', to: '9903.01.89', meaning: 'IEEPA country-specific reciprocal rates (Brazil and India among them)', isIeepa: true, carriesDuty: 'yes' },
    { from: '9903.01.90', to: '9903.01.99', meaning: 'IEEPA line, meaning not described in public sources', isIeepa: true, carriesDuty: 'varies' },
    { from: '9903.02.01', to: '9903.02.99', meaning: 'IEEPA revised country rates (from August 2025)', isIeepa: true, carriesDuty: 'varies' },
    { from: '9903.03.01', to: '9903.03.99', meaning: 'Section 122 duty (not IEEPA)', isIeepa: false, carriesDuty: 'yes' },
    { from: '9903.88.01', to: '9903.88.99', meaning: 'Section 301 duty (not IEEPA)', isIeepa: false, carriesDuty: 'yes' },
  ],
};

/**
 * Normal form of an HTS number written with or without dots or spaces: `9903.01.25` or `9903.01.25.00`.
 * Returns null unless it has 8 or 10 digits.
 */
export function normalizeHtsNumber(text: string): string | null {
  const digits = text.replace(/[\s.\-]/g, '');
  if (!/^\d{8}(\d{2})?$/.test(digits)) return null;
  const eight = `${digits.slice(0, 4)}.${digits.slice(4, 6)}.${digits.slice(6, 8)}`;
  return digits.length === 10 ? `${eight}.${digits.slice(8, 10)}` : eight;
}

/** An HTS number under an IEEPA Chapter 99 subheading (9903.01 / 9903.02), whatever its duty (domain.md §7). */
export function isIeepaHtsNumber(text: string, table: IeepaTariffTable = builtInIeepaTariffTable): boolean {
  const normal = normalizeHtsNumber(text);
  if (normal === null) return false;
  return table.ieepaSubheadings.some((subheading) => normal.startsWith(`${subheading}.`));
}

/** A dutiable IEEPA line: IEEPA number with duty above zero (domain.md §5, §7). */
export function isDutiableIeepaLine(line: TariffLine, table: IeepaTariffTable = builtInIeepaTariffTable): boolean {
  return isIeepaHtsNumber(line.htsNumber, table) && line.dutyAmount !== undefined && line.dutyAmount > 0;
}

/** The table's meaning of a Chapter 99 number, for display; undefined when the table does not cover it. */
export function describeChapterNinetyNineNumber(
  text: string,
  table: IeepaTariffTable = builtInIeepaTariffTable,
): ChapterNinetyNineRange | undefined {
  const normal = normalizeHtsNumber(text);
  if (normal === null) return undefined;
  const eight = normal.slice(0, 10);
  return table.ranges.find((range) => range.from <= eight && eight <= range.to);
}
