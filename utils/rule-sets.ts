import { CAPE_WINDOW_LAST_DAY_OFFSET } from './deadlines';
import type { CalendarDate } from './calendar-date';
import type { RejectionCode } from './reason-codes';

/** Entry type codes that eligibility rules name (domain.md §4). */
export const entryTypeCodes = {
  dutyDeferral: '08',
  reconciliationSummary: '09',
  drawback: '47',
  warehouse: ['21', '22'],
  warehouseWithdrawal: ['31', '32', '33', '34', '35', '36', '37', '38'],
} as const;

/**
 * One dated CAPE phase as data (domain.md §5): a new phase is a new entry here plus tests, not new code.
 * The user may pass their own list, e.g. to add a phase CBP announces.
 */
export interface RuleSet {
  id: string;
  name: string;
  /** First filing date the phase applies to. */
  effectiveFrom: CalendarDate;
  /** Where the rules come from, shown to the user. */
  source: string;
  /** Rejections checked, in CBP's order; a phase that drops one simply leaves it out. */
  rejects: RejectionCode[];
  /** Last day CAPE accepts a liquidated entry, in days after liquidation (used by `past-80-days`). */
  liquidatedEntryLastDayOffset: number;
  /** Entry types flagged for reconciliation that are accepted while no type 09 has been filed. */
  reconciliationFlaggedTypesAccepted: string[];
  /** Entry types whose refund waits until the entry liquidates. */
  refundAtLiquidationEntryTypes: string[];
}

/** Phase 1 rejections in CBP's order (domain.md §5); cancelled first because nothing else matters for a cancelled summary. */
const phaseOneRejections: RejectionCode[] = [
  'cancelled',
  'no-ieepa-line',
  'reconciliation',
  'drawback',
  'duty-deferral',
  'open-protest',
  'adcvd-pending-liquidation',
  'past-80-days',
  'finally-liquidated',
];

const warehouseTypes = [...entryTypeCodes.warehouse, ...entryTypeCodes.warehouseWithdrawal];

export const builtInRuleSets: readonly RuleSet[] = [
  {
    id: 'phase-1',
    name: 'CAPE Phase 1',
    effectiveFrom: '2026-04-20', // domain.md §1, CSMS 68396594
    source: 'CBP CSMS of 13 April 2026 (domain.md §5)',
    rejects: phaseOneRejections,
    liquidatedEntryLastDayOffset: CAPE_WINDOW_LAST_DAY_OFFSET,
    reconciliationFlaggedTypesAccepted: [],
    refundAtLiquidationEntryTypes: warehouseTypes,
  },
  {
    id: 'phase-2',
    name: 'CAPE Phase 2',
    effectiveFrom: '2026-06-29', // domain.md §5, CSMS 69035485
    source: 'CBP CSMS 69035485 (domain.md §5)',
    rejects: phaseOneRejections,
    liquidatedEntryLastDayOffset: CAPE_WINDOW_LAST_DAY_OFFSET,
    reconciliationFlaggedTypesAccepted: ['01', '02', '06'], // domain.md §5 Phase 2
    refundAtLiquidationEntryTypes: warehouseTypes,
  },
];

/** Rule sets from the earliest phase to the latest; the input order does not matter. */
export function sortRuleSets(ruleSets: readonly RuleSet[]): RuleSet[] {
  return [...ruleSets].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
}

/** The phase in force on the filing date: the latest one that started on or before it; undefined before CAPE opened. */
export function ruleSetFor(filingDate: CalendarDate, ruleSets: readonly RuleSet[] = builtInRuleSets): RuleSet | undefined {
  // One pass instead of sorting per call; on equal start dates the later one in the list wins, as after a stable sort.
  let chosen: RuleSet | undefined;
  for (const ruleSet of ruleSets) {
    if (ruleSet.effectiveFrom <= filingDate && (chosen === undefined || ruleSet.effectiveFrom >= chosen.effectiveFrom)) chosen = ruleSet;
  }
  return chosen;
}

/** The first phase after `ruleSet` that accepts this reconciliation-flagged entry type, if one is known. */
export function laterRuleSetAcceptingReconciliation(
  ruleSet: RuleSet,
  entryType: string,
  ruleSets: readonly RuleSet[] = builtInRuleSets,
): RuleSet | undefined {
  // One pass instead of sorting per call; on equal start dates the earlier one in the list wins, as after a stable sort.
  let found: RuleSet | undefined;
  for (const candidate of ruleSets) {
    if (candidate.effectiveFrom <= ruleSet.effectiveFrom || !candidate.reconciliationFlaggedTypesAccepted.includes(entryType)) continue;
    if (found === undefined || candidate.effectiveFrom < found.effectiveFrom) found = candidate;
  }
  return found;
}
