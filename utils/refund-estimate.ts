import { addDays, toDayNumber, type CalendarDate } from './calendar-date';
import type { EntryFacts } from './entry-facts';
import { builtInIeepaTariffTable, isDutiableIeepaLine, isIeepaHtsNumber, type IeepaTariffTable } from './ieepa-tariff-lines';
import {
  builtInOverpaymentRates,
  daysInYear,
  nextQuarterStart,
  quarterOf,
  rateForQuarter,
  type QuarterlyOverpaymentRate,
  type QuarterName,
  type RateKind,
} from './interest-rates';
import { wellFormedFacts } from './well-formed-facts';

/** Accepted unliquidated entries are set to liquidate about 45 days after CAPE acceptance (domain.md §6 [3P]). */
export const DAYS_FROM_ACCEPTANCE_TO_LIQUIDATION = 45;

export interface RefundEstimateOptions {
  /** The day the estimate is made; acceptance is taken to be this day unless `interestUntil` is given. */
  today: CalendarDate;
  rateKind: RateKind;
  /** The (re)liquidation date interest runs to; by default today + 45 days. */
  interestUntil?: CalendarDate;
  rates?: readonly QuarterlyOverpaymentRate[];
  ieepaTable?: IeepaTariffTable;
}

export interface QuarterUsed {
  quarter: QuarterName;
  percent: number;
  days: number;
  /** The quarter whose rate stood in for this one, when the table has none for it. */
  assumedFrom?: QuarterName;
}

export interface RefundEstimate {
  isEstimate: true;
  label: 'Estimate';
  /** IEEPA duty paid: the sum of the entry's IEEPA lines with duty above zero, in cents. */
  ieepaDutyCents: number;
  /** Estimated interest in cents; null when it cannot be estimated (see `missingFacts`). */
  interestCents: number | null;
  totalCents: number;
  rateKind: RateKind;
  interestFrom?: CalendarDate;
  interestUntil: CalendarDate;
  quarters: QuarterUsed[];
  /** Quarters with no rate in the table, where an earlier (or the earliest) known rate was used. */
  assumedQuarters: QuarterName[];
  missingFacts: ('tariffLines' | 'dutyAmount' | 'entrySummaryDate')[];
  /** Plain words on what the estimate rests on. */
  notes: string[];
}

/** Dollars to whole cents; the decimal string step keeps 1.005 from turning into 100.4999… cents. */
export function dollarsToCents(dollars: number): number {
  return Math.round(Number((dollars * 100).toFixed(6)));
}

/** `$1,234.56`, for display. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(Math.round(cents));
  const dollars = Math.floor(absolute / 100).toLocaleString('en-US');
  return `${sign}$${dollars}.${String(absolute % 100).padStart(2, '0')}`;
}

/**
 * IEEPA duty paid plus estimated interest (domain.md §8, 19 U.S.C. 1505(c)): IRS overpayment rate per quarter,
 * compounded daily at rate / days in that year (26 U.S.C. 6622), from the entry summary date to the (re)liquidation date.
 * Interest is rounded to the nearest cent once, at the end. CBP has not published its method: always an estimate.
 */
export function estimateRefund(entryFacts: EntryFacts, options: RefundEstimateOptions): RefundEstimate {
  const facts = wellFormedFacts(entryFacts);
  const table = options.ieepaTable ?? builtInIeepaTariffTable;
  const missingFacts: RefundEstimate['missingFacts'] = [];
  const notes: string[] = [];

  const lines = facts.tariffLines ?? [];
  if (lines.length === 0) missingFacts.push('tariffLines');
  const ieepaDutyCents = lines
    .filter((line) => isDutiableIeepaLine(line, table))
    .reduce((sum, line) => sum + dollarsToCents(line.dutyAmount ?? 0), 0);
  if (lines.some((line) => isIeepaHtsNumber(line.htsNumber, table) && line.dutyAmount === undefined)) {
    missingFacts.push('dutyAmount');
    notes.push('Some IEEPA lines have no duty amount: the duty shown leaves them out.');
  }

  const interestUntil = options.interestUntil ?? addDays(options.today, DAYS_FROM_ACCEPTANCE_TO_LIQUIDATION);
  if (options.interestUntil === undefined) {
    notes.push(`Interest runs to ${interestUntil}, taking CAPE acceptance as ${options.today} and liquidation about 45 days later.`);
  }
  const base = {
    isEstimate: true as const,
    label: 'Estimate' as const,
    ieepaDutyCents,
    rateKind: options.rateKind,
    interestUntil,
    missingFacts,
    notes,
  };

  const from = facts.entrySummaryDate;
  if (from === undefined) {
    missingFacts.push('entrySummaryDate');
    notes.push('Interest not estimated: the entry summary date is not known.');
    return { ...base, interestCents: null, totalCents: ieepaDutyCents, quarters: [], assumedQuarters: [] };
  }

  const rates = options.rates ?? builtInOverpaymentRates;
  const compounded = dailyCompoundFactor(from, interestUntil, options.rateKind, rates);
  if (compounded === undefined) {
    notes.push('Interest not estimated: the interest rate table is empty. Add the IRS overpayment rates in the settings.');
    return { ...base, interestFrom: from, interestCents: null, totalCents: ieepaDutyCents, quarters: [], assumedQuarters: [] };
  }
  const { factor, quarters } = compounded;
  const interestCents = Math.round(ieepaDutyCents * (factor - 1));
  const assumed = quarters.filter((quarter) => quarter.assumedFrom !== undefined);
  if (assumed.length > 0) {
    const names = assumed.map((quarter) => quarter.quarter).join(', ');
    const standIns = [...new Set(assumed.map((quarter) => quarter.assumedFrom))].join(', ');
    notes.push(`No rate in the table for ${names}: used the ${standIns} rate instead. Add the IRS overpayment rates for ${assumed.length === 1 ? 'that quarter' : 'those quarters'} to make the estimate closer.`);
  }
  return {
    ...base,
    interestFrom: from,
    interestCents,
    totalCents: ieepaDutyCents + interestCents,
    quarters,
    assumedQuarters: assumed.map((quarter) => quarter.quarter),
  };
}

/** Product of (1 + rate / days in year) over each day from `from` up to `until`, one stretch per quarter. */
function dailyCompoundFactor(
  from: CalendarDate,
  until: CalendarDate,
  kind: RateKind,
  rates: readonly QuarterlyOverpaymentRate[],
): { factor: number; quarters: QuarterUsed[] } | undefined {
  let factor = 1;
  const quarters: QuarterUsed[] = [];
  let start = from;
  while (start < until) {
    const boundary = nextQuarterStart(start);
    const end = boundary < until ? boundary : until;
    const days = toDayNumber(end) - toDayNumber(start);
    const quarter = quarterOf(start);
    const rate = rateForQuarter(quarter, kind, rates);
    if (rate === undefined) return undefined;
    factor *= Math.pow(1 + rate.percent / 100 / daysInYear(Number(start.slice(0, 4))), days);
    const used: QuarterUsed = { quarter, percent: rate.percent, days };
    if (rate.assumedFrom !== undefined) used.assumedFrom = rate.assumedFrom;
    quarters.push(used);
    start = end;
  }
  return { factor, quarters };
}

/** Totals over many entries, for a batch or an importer. */
export function sumRefundEstimates(estimates: readonly RefundEstimate[]): { ieepaDutyCents: number; interestCents: number; totalCents: number } {
  let ieepaDutyCents = 0;
  let interestCents = 0;
  for (const estimate of estimates) {
    ieepaDutyCents += estimate.ieepaDutyCents;
    interestCents += estimate.interestCents ?? 0;
  }
  return { ieepaDutyCents, interestCents, totalCents: ieepaDutyCents + interestCents };
}
