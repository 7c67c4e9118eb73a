import { describe, expect, it } from 'vitest';
import { CAPE_WINDOW_LAST_DAY_OFFSET } from '../../utils/deadlines';
import { builtInRuleSets, entryTypeCodes, laterRuleSetAcceptingReconciliation, ruleSetFor, sortRuleSets, type RuleSet } from '../../utils/rule-sets';

describe('ruleSetFor (domain.md §5 dated phases)', () => {
  it.each([
    ['2025-12-31', undefined],
    ['2026-04-19', undefined],
    ['2026-04-20', 'phase-1'],
    ['2026-04-21', 'phase-1'],
    ['2026-06-28', 'phase-1'],
    ['2026-06-29', 'phase-2'],
    ['2026-06-30', 'phase-2'],
    ['2027-01-01', 'phase-2'],
  ])('filing %s → %s', (filingDate, id) => {
    expect(ruleSetFor(filingDate)?.id).toBe(id);
  });

  it('does not depend on the order of the list', () => {
    expect(ruleSetFor('2026-07-01', [...builtInRuleSets].reverse())?.id).toBe('phase-2');
    expect(sortRuleSets([...builtInRuleSets].reverse()).map((ruleSet) => ruleSet.id)).toEqual(['phase-1', 'phase-2']);
  });

  it('picks up a new phase given as data', () => {
    const phase3: RuleSet = { ...builtInRuleSets[1]!, id: 'phase-3', name: 'CAPE Phase 3', effectiveFrom: '2026-10-01' };
    const ruleSets = [...builtInRuleSets, phase3];
    expect(ruleSetFor('2026-09-30', ruleSets)?.id).toBe('phase-2');
    expect(ruleSetFor('2026-10-01', ruleSets)?.id).toBe('phase-3');
  });

  it('returns undefined for an empty list', () => {
    expect(ruleSetFor('2026-05-01', [])).toBeUndefined();
  });
});

describe('built-in rule sets', () => {
  it('Phase 1 opens 2026-04-20 and Phase 2 on 2026-06-29', () => {
    expect(builtInRuleSets.map((ruleSet) => [ruleSet.id, ruleSet.effectiveFrom])).toEqual([
      ['phase-1', '2026-04-20'],
      ['phase-2', '2026-06-29'],
    ]);
  });

  it('both check every rejection in CBP order and share the deadline constant', () => {
    for (const ruleSet of builtInRuleSets) {
      expect(ruleSet.rejects).toEqual([
        'cancelled',
        'no-ieepa-line',
        'reconciliation',
        'drawback',
        'duty-deferral',
        'open-protest',
        'adcvd-pending-liquidation',
        'past-80-days',
        'finally-liquidated',
      ]);
      expect(ruleSet.liquidatedEntryLastDayOffset).toBe(CAPE_WINDOW_LAST_DAY_OFFSET);
      expect(ruleSet.refundAtLiquidationEntryTypes).toEqual([...entryTypeCodes.warehouse, ...entryTypeCodes.warehouseWithdrawal]);
      expect(ruleSet.source).toMatch(/CSMS/);
    }
  });

  it('only Phase 2 accepts reconciliation-flagged 01, 02, 06', () => {
    expect(builtInRuleSets[0]!.reconciliationFlaggedTypesAccepted).toEqual([]);
    expect(builtInRuleSets[1]!.reconciliationFlaggedTypesAccepted).toEqual(['01', '02', '06']);
  });

  it('finds the later phase that accepts a flagged type', () => {
    expect(laterRuleSetAcceptingReconciliation(builtInRuleSets[0]!, '02')?.id).toBe('phase-2');
    expect(laterRuleSetAcceptingReconciliation(builtInRuleSets[0]!, '03')).toBeUndefined();
    expect(laterRuleSetAcceptingReconciliation(builtInRuleSets[1]!, '01')).toBeUndefined();
  });
});
