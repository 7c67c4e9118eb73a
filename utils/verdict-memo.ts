import { toDayNumber } from './calendar-date';
import { eligibilityOfReadableFacts, type EligibilityOptions, type EligibilityResult } from './eligibility';
import { ieepaDutyOf, type IeepaDuty } from './eligibility-checks';
import type { EntryFacts, LiquidationStatus } from './entry-facts';
import { builtInIeepaTariffTable } from './ieepa-tariff-lines';
import { TwoKeyMemo } from './two-key-memo';

const statusCodes: Record<LiquidationStatus, number> = {
  unliquidated: 1,
  liquidated: 2,
  final: 3,
  suspended: 4,
  extended: 5,
  'under-review': 6,
  cancelled: 7,
};
const ieepaCodes: Record<IeepaDuty, number> = { 'no-lines': 0, refundable: 1, 'duty-missing': 2, none: 3 };
const adcvdCodes = { none: 1, 'suspended-pending-commerce': 2, 'pending-liquidation': 3 } as const;

/** Day number shifted so every `YYYY-MM-DD` (years 0000 to 9999) is 1 or more; 0 for no date. */
export function dateCode(date: string | undefined): number {
  return date === undefined ? 0 : toDayNumber(date) + 719_469;
}

export function statusCode(status: LiquidationStatus | undefined): number {
  return status === undefined ? 0 : statusCodes[status];
}

export function flagCode(flag: boolean | undefined): number {
  return flag === undefined ? 0 : flag ? 2 : 1;
}

/** 0 for none, 1 to 100 for a two-digit code, -1 for any other text (not memoised). */
function entryTypeCode(entryType: string | undefined): number {
  if (entryType === undefined) return 0;
  if (entryType.length !== 2) return -1;
  const tens = entryType.charCodeAt(0) - 48;
  const units = entryType.charCodeAt(1) - 48;
  return tens >= 0 && tens <= 9 && units >= 0 && units <= 9 ? 1 + tens * 10 + units : -1;
}

/**
 * Eligibility per distinct set of the facts the rules read (entry type, liquidation status and date, the flags,
 * AD/CVD status, what the tariff lines say of IEEPA duty), for one filing date: a file's entries share a few hundred.
 * A rule that comes to read another fact must add it to the key here.
 */
export function createVerdictMemo(options: EligibilityOptions): (readable: EntryFacts) => EligibilityResult {
  // By liquidation date, then the rest.
  const results = new TwoKeyMemo<EligibilityResult>();
  const ieepaTable = options.ieepaTable ?? builtInIeepaTariffTable;
  return (facts) => {
    const entryType = entryTypeCode(facts.entryType);
    if (entryType < 0) return eligibilityOfReadableFacts(facts, options);
    const flags =
      flagCode(facts.reconciliationFlag) +
      3 * (flagCode(facts.reconciliationSummaryFiled) + 3 * (flagCode(facts.drawbackFlag) + 3 * flagCode(facts.protestOpen)));
    const adcvd = facts.adcvdStatus === undefined ? 0 : adcvdCodes[facts.adcvdStatus];
    const small = (((entryType * 8 + statusCode(facts.liquidationStatus)) * 81 + flags) * 4 + adcvd) * 4 + ieepaCodes[ieepaDutyOf(facts.tariffLines, ieepaTable)];
    const date = dateCode(facts.liquidationDate);
    let result = results.get(date, small);
    if (result === undefined) results.set(date, small, (result = eligibilityOfReadableFacts(facts, options)));
    return result;
  };
}
