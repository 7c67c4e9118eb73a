import { addDays, fromDayNumber, toDayNumber, type CalendarDate } from './calendar-date';
import { capeWindowLastDay } from './deadlines';
import type { EntryFacts } from './entry-facts';
import { isIeepaHtsNumber, type IeepaTariffTable } from './ieepa-tariff-lines';
import { PROTEST_PERIOD_DAYS } from './liquidation-clocks';
import type { LiquidationState } from './liquidation-state';
import type { AcceptanceCode, RejectionCode } from './reason-codes';
import { entryTypeCodes, laterRuleSetAcceptingReconciliation, type RuleSet } from './rule-sets';

/** A fact that would decide a verdict: an EntryFacts field, or the duty amount of an IEEPA line. */
export type FactName = keyof EntryFacts | 'dutyAmount';

export interface CheckReason<Code> {
  code: Code;
  message: string;
}

export type CheckOutcome =
  | { kind: 'pass'; note?: CheckReason<AcceptanceCode> }
  | { kind: 'fail'; reason: CheckReason<RejectionCode> }
  | { kind: 'unknown'; missing: FactName[] };

export interface CheckContext {
  facts: EntryFacts;
  filingDate: CalendarDate;
  ruleSet: RuleSet;
  ruleSets: readonly RuleSet[];
  ieepaTable: IeepaTariffTable;
  liquidation: LiquidationState;
}

const pass: CheckOutcome = { kind: 'pass' };
const fail = (code: RejectionCode, message: string): CheckOutcome => ({ kind: 'fail', reason: { code, message } });
const unknown = (...missing: FactName[]): CheckOutcome => ({ kind: 'unknown', missing });

// Outcomes that never vary, made once: most entries end in one of these.
const missingLiquidationStatus = unknown('liquidationStatus');
const missingLiquidationDate = unknown('liquidationDate');
const missingEntryType = unknown('entryType');
const missingTariffLines = unknown('tariffLines');
const missingDutyAmount = unknown('dutyAmount');
const missingReconciliationFlag = unknown('reconciliationFlag');
const missingReconciliationFlagAndEntryType = unknown('reconciliationFlag', 'entryType');
const missingReconciliationSummaryFiled = unknown('reconciliationSummaryFiled');
const missingDrawbackFlag = unknown('drawbackFlag');
const missingDrawbackFlagAndEntryType = unknown('drawbackFlag', 'entryType');
const missingProtestOpen = unknown('protestOpen');
const missingAdcvdStatus = unknown('adcvdStatus');

const cancelledSummary = fail(
  'cancelled',
  'The entry summary is cancelled or rejected in ACE, so CAPE has nothing to refund on it. Leave it out of the declaration.',
);
const noIeepaDuty = fail(
  'no-ieepa-line',
  'No IEEPA duty on this entry: none of its tariff lines is a 9903.01.xx or 9903.02.xx number with duty above zero, so CAPE has nothing to refund. Leave it out of the declaration.',
);
const typeNineSummary = fail(
  'reconciliation',
  'This is a type 09 reconciliation entry summary; CAPE does not take these. Leave it out of the declaration.',
);
const drawbackEntryType = fail('drawback', 'This is a type 47 drawback entry; CAPE does not take these. Leave it out of the declaration.');
const onDrawback = fail('drawback', 'The entry is on drawback; CAPE does not take entries on drawback. Leave it out of the declaration.');
const dutyDeferralEntryType = fail(
  'duty-deferral',
  'This is a type 08 duty deferral entry; CAPE does not take these. Leave it out of the declaration.',
);
const underProtest = fail(
  'open-protest',
  'The entry has an open or suspended protest; CAPE does not take entries under protest. Leave it out of the declaration.',
);
const adcvdPending = fail(
  'adcvd-pending-liquidation',
  'AD/CVD entry pending liquidation (Commerce has issued its liquidation instructions); CAPE does not take it. Leave it out of the declaration.',
);
const finallyLiquidatedEntry = fail(
  'finally-liquidated',
  'The entry is finally liquidated; CAPE does not take finally liquidated entries. Leave it out of the declaration.',
);

function cancelled({ liquidation }: CheckContext): CheckOutcome {
  if (liquidation.kind === 'cancelled') return cancelledSummary;
  return liquidation.kind === 'unknown' ? missingLiquidationStatus : pass;
}

/** Answers of isIeepaHtsNumber per table (tables are replaced, not edited): every entry repeats the same few numbers. */
const ieepaAnswers = new WeakMap<IeepaTariffTable, Map<string, boolean>>();
const maxRememberedNumbers = 10_000;

function isIeepaNumber(htsNumber: string, table: IeepaTariffTable): boolean {
  let answers = ieepaAnswers.get(table);
  if (answers === undefined) {
    answers = new Map();
    ieepaAnswers.set(table, answers);
  }
  let answer = answers.get(htsNumber);
  if (answer === undefined) {
    answer = isIeepaHtsNumber(htsNumber, table);
    if (answers.size >= maxRememberedNumbers) answers.clear();
    answers.set(htsNumber, answer);
  }
  return answer;
}

/** What an entry's tariff lines say of IEEPA duty: the only thing the no-ieepa-line rule reads from them. */
export type IeepaDuty = 'no-lines' | 'refundable' | 'duty-missing' | 'none';

// domain.md §5, §7: a 9903.01.xx / 9903.02.xx line with duty above zero
export function ieepaDutyOf(lines: EntryFacts['tariffLines'], ieepaTable: IeepaTariffTable): IeepaDuty {
  if (lines === undefined || lines.length === 0) return 'no-lines';
  let dutyMissing = false;
  for (const line of lines) {
    if (!isIeepaNumber(line.htsNumber, ieepaTable)) continue;
    if (line.dutyAmount === undefined) dutyMissing = true;
    else if (line.dutyAmount > 0) return 'refundable';
  }
  return dutyMissing ? 'duty-missing' : 'none';
}

const ieepaOutcomes: Record<IeepaDuty, CheckOutcome> = {
  'no-lines': missingTariffLines,
  refundable: pass,
  'duty-missing': missingDutyAmount,
  none: noIeepaDuty,
};

function noIeepaLine({ facts, ieepaTable }: CheckContext): CheckOutcome {
  return ieepaOutcomes[ieepaDutyOf(facts.tariffLines, ieepaTable)];
}

// domain.md §5: flagged for reconciliation or type 09; Phase 2 accepts types 01, 02, 06 while no type 09 is filed
function reconciliation({ facts, ruleSet, ruleSets }: CheckContext): CheckOutcome {
  const { entryType, reconciliationFlag } = facts;
  if (entryType === entryTypeCodes.reconciliationSummary) return typeNineSummary;
  if (reconciliationFlag === undefined) return entryType === undefined ? missingReconciliationFlagAndEntryType : missingReconciliationFlag;
  if (!reconciliationFlag) return entryType === undefined ? missingEntryType : pass;
  if (ruleSet.reconciliationFlaggedTypesAccepted.length > 0 && entryType === undefined) return missingEntryType;
  if (entryType !== undefined && ruleSet.reconciliationFlaggedTypesAccepted.includes(entryType)) {
    if (facts.reconciliationSummaryFiled === undefined) return missingReconciliationSummaryFiled;
    if (facts.reconciliationSummaryFiled) {
      return fail(
        'reconciliation',
        `Flagged for reconciliation and a type 09 reconciliation summary has been filed for it; ${ruleSet.name} takes flagged type ${entryType} entries only while no type 09 has been filed. Leave it out of the declaration.`,
      );
    }
    return {
      kind: 'pass',
      note: {
        code: 'reconciliation-no-type-09',
        message: `Flagged for reconciliation, but no type 09 reconciliation summary has been filed: ${ruleSet.name} accepts flagged type ${entryType} entries in that case.`,
      },
    };
  }
  const later = entryType === undefined ? undefined : laterRuleSetAcceptingReconciliation(ruleSet, entryType, ruleSets);
  const fix = later
    ? ` From ${later.effectiveFrom} (${later.name}) a flagged type ${entryType} entry is accepted while no type 09 reconciliation summary has been filed: file it then if that applies.`
    : ' Leave it out of the declaration.';
  return fail('reconciliation', `Flagged for reconciliation: ${ruleSet.name} does not take entries flagged for reconciliation.${fix}`);
}

// domain.md §5: on drawback or type 47
function drawback({ facts }: CheckContext): CheckOutcome {
  if (facts.entryType === entryTypeCodes.drawback) return drawbackEntryType;
  if (facts.drawbackFlag === true) return onDrawback;
  if (facts.drawbackFlag === undefined) return facts.entryType === undefined ? missingDrawbackFlagAndEntryType : missingDrawbackFlag;
  return facts.entryType === undefined ? missingEntryType : pass;
}

// domain.md §5: type 08
function dutyDeferral({ facts }: CheckContext): CheckOutcome {
  if (facts.entryType === undefined) return missingEntryType;
  return facts.entryType === entryTypeCodes.dutyDeferral ? dutyDeferralEntryType : pass;
}

// domain.md §5: open or suspended protest
function openProtest({ facts }: CheckContext): CheckOutcome {
  if (facts.protestOpen === undefined) return missingProtestOpen;
  return facts.protestOpen ? underProtest : pass;
}

// domain.md §5: AD/CVD pending liquidation (Commerce instructions issued)
function adcvdPendingLiquidation({ facts }: CheckContext): CheckOutcome {
  if (facts.adcvdStatus === undefined) return missingAdcvdStatus;
  return facts.adcvdStatus === 'pending-liquidation' ? adcvdPending : pass;
}

// domain.md §5, §6: liquidated more than 80 days before filing, with the boundary in CAPE_WINDOW_LAST_DAY_OFFSET
function past80Days({ liquidation, filingDate, ruleSet }: CheckContext): CheckOutcome {
  if (liquidation.kind === 'unknown') return missingLiquidationStatus;
  if (liquidation.kind !== 'liquidated') return pass;
  if (liquidation.date === undefined) return missingLiquidationDate;
  const offset = ruleSet.liquidatedEntryLastDayOffset;
  const liquidationDay = toDayNumber(liquidation.date);
  const daysSinceLiquidation = toDayNumber(filingDate) - liquidationDay;
  if (daysSinceLiquidation <= offset) return pass;
  return fail(
    'past-80-days',
    `Liquidated on ${liquidation.date}, ${daysSinceLiquidation} days before the filing date ${filingDate}: CAPE takes a liquidated entry only until ${offset} days after liquidation, and the last day was ${fromDayNumber(liquidationDay + offset)}. Leave it out of the declaration.`,
  );
}

// domain.md §5 finally liquidated; §6 final once 180 days pass without a protest
function finallyLiquidated({ liquidation, filingDate, facts }: CheckContext): CheckOutcome {
  if (liquidation.kind === 'unknown') return missingLiquidationStatus;
  if (liquidation.kind !== 'liquidated') return pass;
  if (liquidation.final) return finallyLiquidatedEntry;
  if (liquidation.date === undefined) return missingLiquidationDate;
  const protestDeadline = addDays(liquidation.date, PROTEST_PERIOD_DAYS);
  if (filingDate > protestDeadline && facts.protestOpen !== true) {
    return fail(
      'finally-liquidated',
      `Liquidated on ${liquidation.date} and the protest period ended on ${protestDeadline}: without a protest the liquidation is final, and CAPE does not take finally liquidated entries. Leave it out of the declaration.`,
    );
  }
  return pass;
}

/** One check per rejection code; the rule set chooses which run and in what order. */
export const rejectionChecks: Record<RejectionCode, (context: CheckContext) => CheckOutcome> = {
  cancelled,
  'no-ieepa-line': noIeepaLine,
  reconciliation,
  drawback,
  'duty-deferral': dutyDeferral,
  'open-protest': openProtest,
  'adcvd-pending-liquidation': adcvdPendingLiquidation,
  'past-80-days': past80Days,
  'finally-liquidated': finallyLiquidated,
};

export type AcceptanceOutcome =
  | { kind: 'accepted'; reason: CheckReason<AcceptanceCode> }
  | { kind: 'awaits'; reasons: CheckReason<AcceptanceCode>[] }
  | { kind: 'unknown'; missing: FactName[] };

const waitingStatusWords = { suspended: 'suspended', extended: 'extended', 'under-review': 'under review' } as const;
const awaitsCommerce: CheckReason<AcceptanceCode> = {
  code: 'adcvd-awaits-commerce',
  message: 'AD/CVD entry suspended pending Commerce: CAPE accepts it, and the refund waits until it liquidates.',
};
const acceptedUnliquidated: AcceptanceOutcome = { kind: 'accepted', reason: { code: 'unliquidated', message: 'Not yet liquidated: CAPE accepts it.' } };

/** How CAPE accepts an entry no rejection caught: now, or with the refund waiting for liquidation (domain.md §5). */
export function acceptance({ facts, liquidation, ruleSet }: CheckContext): AcceptanceOutcome {
  const liquidationUnknown = liquidation.kind === 'unknown' || liquidation.kind === 'cancelled';
  if (liquidationUnknown || facts.entryType === undefined) {
    const missing: FactName[] = liquidationUnknown ? ['liquidationStatus'] : [];
    if (facts.entryType === undefined) missing.push('entryType');
    return { kind: 'unknown', missing };
  }

  const awaits: CheckReason<AcceptanceCode>[] = [];
  if (liquidation.kind === 'not-liquidated' && liquidation.status !== 'unliquidated') {
    awaits.push({
      code: 'awaits-liquidation',
      message: `Liquidation is ${waitingStatusWords[liquidation.status]}: CAPE accepts the entry, and the refund waits until it liquidates.`,
    });
  }
  if (liquidation.kind === 'not-liquidated' && facts.entryType !== undefined && ruleSet.refundAtLiquidationEntryTypes.includes(facts.entryType)) {
    awaits.push({
      code: 'warehouse-awaits-liquidation',
      message: `Type ${facts.entryType} warehouse entry or withdrawal: CAPE accepts it, and the refund comes when the entry liquidates.`,
    });
  }
  if (facts.adcvdStatus === 'suspended-pending-commerce') awaits.push(awaitsCommerce);
  if (awaits.length > 0) return { kind: 'awaits', reasons: awaits };

  if (liquidation.kind === 'liquidated') {
    if (liquidation.date === undefined) {
      return { kind: 'accepted', reason: { code: 'liquidated', message: `Liquidated: ${ruleSet.name} accepts liquidated entries.` } };
    }
    if (ruleSet.rejects.includes('past-80-days')) {
      const lastDay = capeWindowLastDay(liquidation.date, ruleSet.liquidatedEntryLastDayOffset);
      return {
        kind: 'accepted',
        reason: {
          code: 'liquidated-within-window',
          message: `Liquidated on ${liquidation.date}: CAPE accepts it until ${lastDay}, the last day of its window.`,
        },
      };
    }
    return { kind: 'accepted', reason: { code: 'liquidated', message: `Liquidated on ${liquidation.date}: ${ruleSet.name} accepts liquidated entries.` } };
  }
  return acceptedUnliquidated;
}
