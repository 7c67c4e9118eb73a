import { toDayNumber, type CalendarDate } from './calendar-date';

/** Which IRS overpayment rate applies to the importer (domain.md §8: corporate and non-corporate differ). */
export type RateKind = 'non-corporate' | 'corporate';

/** A calendar quarter written `2025-Q1`. */
export type QuarterName = string;

export interface QuarterlyOverpaymentRate {
  quarter: QuarterName;
  nonCorporatePercent: number;
  corporatePercent: number;
  source: string;
}

const domainSource = 'IRS overpayment rate (domain.md §8)';

/** Known quarterly IRS overpayment rates (domain.md §8); later quarters are [open], so the user extends this table. */
export const builtInOverpaymentRates: readonly QuarterlyOverpaymentRate[] = [
  { quarter: '2024-Q4', nonCorporatePercent: 8, corporatePercent: 7, source: domainSource },
  { quarter: '2025-Q1', nonCorporatePercent: 7, corporatePercent: 6, source: domainSource },
  { quarter: '2025-Q2', nonCorporatePercent: 7, corporatePercent: 6, source: domainSource },
  { quarter: '2025-Q3', nonCorporatePercent: 7, corporatePercent: 6, source: domainSource },
  { quarter: '2025-Q4', nonCorporatePercent: 7, corporatePercent: 6, source: domainSource },
  { quarter: '2026-Q1', nonCorporatePercent: 7, corporatePercent: 6, source: domainSource },
];

const quarterPattern = /^(\d{4})-Q([1-4])$/;

export function isQuarterName(text: string): text is QuarterName {
  return quarterPattern.test(text);
}

export function quarterOf(date: CalendarDate): QuarterName {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

export function quarterStart(quarter: QuarterName): CalendarDate {
  const match = quarterPattern.exec(quarter);
  if (!match) throw new RangeError(`Not a quarter (YYYY-Qn): ${quarter}`);
  const month = (Number(match[2]) - 1) * 3 + 1;
  return `${match[1]}-${String(month).padStart(2, '0')}-01`;
}

/** First day of the quarter after the one holding `date`. */
export function nextQuarterStart(date: CalendarDate): CalendarDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const nextMonth = (Math.floor((month - 1) / 3) + 1) * 3 + 1;
  return nextMonth > 12 ? `${String(year + 1).padStart(4, '0')}-01-01` : `${date.slice(0, 4)}-${String(nextMonth).padStart(2, '0')}-01`;
}

export function daysInYear(year: number): number {
  return toDayNumber(`${String(year + 1).padStart(4, '0')}-01-01`) - toDayNumber(`${String(year).padStart(4, '0')}-01-01`);
}

export interface RateForQuarter {
  quarter: QuarterName;
  percent: number;
  /** Set when the table has no rate for the quarter: the quarter whose rate was used instead. */
  assumedFrom?: QuarterName;
}

/**
 * The rate for a quarter; a quarter missing from the table takes the last known earlier rate
 * (or the earliest known one for quarters before the table), and says so in `assumedFrom`.
 */
export function rateForQuarter(
  quarter: QuarterName,
  kind: RateKind,
  rates: readonly QuarterlyOverpaymentRate[] = builtInOverpaymentRates,
): RateForQuarter | undefined {
  const usable = rates.filter((rate) => isQuarterName(rate.quarter)).sort((a, b) => (a.quarter < b.quarter ? -1 : a.quarter > b.quarter ? 1 : 0));
  if (usable.length === 0) return undefined;
  const percentOf = (rate: QuarterlyOverpaymentRate): number => (kind === 'corporate' ? rate.corporatePercent : rate.nonCorporatePercent);
  const exact = usable.find((rate) => rate.quarter === quarter);
  if (exact) return { quarter, percent: percentOf(exact) };
  const earlier = usable.filter((rate) => rate.quarter < quarter).pop();
  const stand = earlier ?? usable[0]!;
  return { quarter, percent: percentOf(stand), assumedFrom: stand.quarter };
}
