import { addDays, daysBetween, type CalendarDate } from './calendar-date';
import { capeWindowLastDay, isWithinCapeWindow } from './deadlines';
import type { EntryFacts } from './entry-facts';
import { isDutiableIeepaLine, isIeepaHtsNumber, type IeepaTariffTable } from './ieepa-tariff-lines';
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

function cancelled({ liquidation }: CheckContext): CheckOutcome {
  if (liquidation.kind === 'cancelled') {
    return fail('cancelled', 'The entry summary is cancelled or rejected in ACE, so CAPE has nothing to refund on it. Leave it out of the declaration.');
  }
  return liquidation.kind === 'unknown' ? unknown('liquidationStatus') : pass;
}

// domain.md §5, §7: a 9903.01.xx / 9903.02.xx line with duty above zero
function noIeepaLine({ facts, ieepaTable }: CheckContext): CheckOutcome {
  const lines = facts.tariffLines ?? [];
  if (lines.length === 0) return unknown('tariffLines');
  if (lines.some((line) => isDutiableIeepaLine(line, ieepaTable))) return pass;
  if (lines.some((line) => isIeepaHtsNumber(line.htsNumber, ieepaTable) && line.dutyAmount === undefined)) return unknown('dutyAmount');
  return fail(
    'no-ieepa-line',
    'No IEEPA duty on this entry: none of its tariff lines is a 9903.01.xx or 9903.02.xx number with duty above zero, so CAPE has nothing to refund. Leave it out of the declaration.',
  );
}

// domain.md §5: flagged for reconciliation or type 09; Phase 2 accepts types 01, 02, 06 while no type 09 is filed
function reconciliation({ facts, ruleSet, ruleSets }: CheckContext): CheckOutcome {
  const { entryType, reconciliationFlag } = facts;
  if (entryType === entryTypeCodes.reconciliationSummary) {
    return fail('reconciliation', 'This is a type 09 reconciliation entry summary; CAPE does not take these. Leave it out of the declaration.');
  }
  if (reconciliationFlag === undefined) return entryType === undefined ? unknown('reconciliationFlag', 'entryType') : unknown('reconciliationFlag');
  if (!reconciliationFlag) return entryType === undefined ? unknown('entryType') : pass;
  if (ruleSet.reconciliationFlaggedTypesAccepted.length > 0 && entryType === undefined) return unknown('entryType');
  if (entryType !== undefined && ruleSet.reconciliationFlaggedTypesAccepted.includes(entryType)) {
    if (facts.reconciliationSummaryFiled === undefined) return unknown('reconciliationSummaryFiled');
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
  if (facts.entryType === entryTypeCodes.drawback) {
    return fail('drawback', 'This is a type 47 drawback entry; CAPE does not take these. Leave it out of the declaration.');
  }
  if (facts.drawbackFlag === true) {
    return fail('drawback', 'The entry is on drawback; CAPE does not take entries on drawback. Leave it out of the declaration.');
  }
  const missing: FactName[] = [];
  if (facts.drawbackFlag === undefined) missing.push('drawbackFlag');
  if (facts.entryType === undefined) missing.push('entryType');
  return missing.length > 0 ? unknown(...missing) : pass;
}

// domain.md §5: type 08
function dutyDeferral({ facts }: CheckContext): CheckOutcome {
  if (facts.entryType === undefined) return unknown('entryType');
  if (facts.entryType === entryTypeCodes.dutyDeferral) {
    return fail('duty-deferral', 'This is a type 08 duty deferral entry; CAPE does not take these. Leave it out of the declaration.');
  }
  return pass;
}

// domain.md §5: open or suspended protest
function openProtest({ facts }: CheckContext): CheckOutcome {
  if (facts.protestOpen === undefined) return unknown('protestOpen');
  if (facts.protestOpen) {
    return fail('open-protest', 'The entry has an open or suspended protest; CAPE does not take entries under protest. Leave it out of the declaration.');
  }
  return pass;
}

// domain.md §5: AD/CVD pending liquidation (Commerce instructions issued)
function adcvdPendingLiquidation({ facts }: CheckContext): CheckOutcome {
  if (facts.adcvdStatus === undefined) return unknown('adcvdStatus');
  if (facts.adcvdStatus === 'pending-liquidation') {
    return fail(
      'adcvd-pending-liquidation',
      'AD/CVD entry pending liquidation (Commerce has issued its liquidation instructions); CAPE does not take it. Leave it out of the declaration.',
    );
  }
  return pass;
}

// domain.md §5, §6: liquidated more than 80 days before filing, with the boundary in CAPE_WINDOW_LAST_DAY_OFFSET
function past80Days({ liquidation, filingDate, ruleSet }: CheckContext): CheckOutcome {
  if (liquidation.kind === 'unknown') return unknown('liquidationStatus');
  if (liquidation.kind !== 'liquidated') return pass;
  if (liquidation.date === undefined) return unknown('liquidationDate');
  if (isWithinCapeWindow(liquidation.date, filingDate, ruleSet.liquidatedEntryLastDayOffset)) return pass;
  const lastDay = capeWindowLastDay(liquidation.date, ruleSet.liquidatedEntryLastDayOffset);
  return fail(
    'past-80-days',
    `Liquidated on ${liquidation.date}, ${daysBetween(liquidation.date, filingDate)} days before the filing date ${filingDate}: CAPE takes a liquidated entry only until ${ruleSet.liquidatedEntryLastDayOffset} days after liquidation, and the last day was ${lastDay}. Leave it out of the declaration.`,
  );
}

// domain.md §5 finally liquidated; §6 final once 180 days pass without a protest
function finallyLiquidated({ liquidation, filingDate, facts }: CheckContext): CheckOutcome {
  if (liquidation.kind === 'unknown') return unknown('liquidationStatus');
  if (liquidation.kind !== 'liquidated') return pass;
  if (liquidation.final) {
    return fail('finally-liquidated', 'The entry is finally liquidated; CAPE does not take finally liquidated entries. Leave it out of the declaration.');
  }
  if (liquidation.date === undefined) return unknown('liquidationDate');
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

/** How CAPE accepts an entry no rejection caught: now, or with the refund waiting for liquidation (domain.md §5). */
export function acceptance({ facts, liquidation, ruleSet }: CheckContext): AcceptanceOutcome {
  const missing: FactName[] = [];
  if (liquidation.kind === 'unknown' || liquidation.kind === 'cancelled') missing.push('liquidationStatus');
  if (facts.entryType === undefined) missing.push('entryType');
  if (missing.length > 0) return { kind: 'unknown', missing };

  const awaits: CheckReason<AcceptanceCode>[] = [];
  if (liquidation.kind === 'not-liquidated' && liquidation.status !== 'unliquidated') {
    const words = { suspended: 'suspended', extended: 'extended', 'under-review': 'under review' }[liquidation.status];
    awaits.push({
      code: 'awaits-liquidation',
      message: `Liquidation is ${words}: CAPE accepts the entry, and the refund waits until it liquidates.`,
    });
  }
  if (liquidation.kind === 'not-liquidated' && facts.entryType !== undefined && ruleSet.refundAtLiquidationEntryTypes.includes(facts.entryType)) {
    awaits.push({
      code: 'warehouse-awaits-liquidation',
      message: `Type ${facts.entryType} warehouse entry or withdrawal: CAPE accepts it, and the refund comes when the entry liquidates.`,
    });
  }
  if (facts.adcvdStatus === 'suspended-pending-commerce') {
    awaits.push({
      code: 'adcvd-awaits-commerce',
      message: 'AD/CVD entry suspended pending Commerce: CAPE accepts it, and the refund waits until it liquidates.',
    });
  }
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
  return { kind: 'accepted', reason: { code: 'unliquidated', message: 'Not yet liquidated: CAPE accepts it.' } };
}
