import { describe, expect, it } from 'vitest';
import { checkDeclaration } from '../../utils/check-declaration';
import type { EntryFacts } from '../../utils/entry-facts';
import { readInputText, type InputEntry } from '../../utils/read-input';

const today = '2026-05-01';

const cleanFacts: EntryFacts = {
  entryType: '01',
  entrySummaryDate: '2025-06-01',
  liquidationStatus: 'unliquidated',
  tariffLines: [{ htsNumber: '9903.01.25', dutyAmount: 100 }],
  reconciliationFlag: false,
  drawbackFlag: false,
  protestOpen: false,
  adcvdStatus: 'none',
};

function entry(row: number, entryNumber: string | null, facts: EntryFacts = {}, extra: Partial<InputEntry> = {}): InputEntry {
  return { row, input: entryNumber ?? '', entryNumber, problems: [], facts, rowCount: 1, ...extra };
}

describe('checkDeclaration', () => {
  it('a clean, eligible entry is ready with its verdict, rule set and deadlines', () => {
    const result = checkDeclaration([entry(2, 'ABC12345676', cleanFacts)], { today });
    const [checked] = result.entries;
    expect(checked).toMatchObject({ row: 2, entryNumber: 'ABC12345676', status: 'ready', verdict: 'eligible', problems: [] });
    expect(checked!.exclusion).toBeUndefined();
    expect(checked!.deadlines.estimatedLiquidation?.date).toBe('2026-04-11');
    expect(result.readyEntryNumbers).toEqual(['ABC12345676']);
    expect(result.summary).toMatchObject({ entries: 1, ready: 1, excluded: 0, verdicts: { eligible: 1 }, filingDate: today });
    expect(result.summary.ruleSet?.id).toBe('phase-1');
  });

  it('unknown verdicts stay in: ACE decides', () => {
    const result = checkDeclaration([entry(1, 'ABC12345676')], { today });
    expect(result.entries[0]).toMatchObject({ status: 'ready', verdict: 'unknown' });
    expect(result.entries[0]!.missingFacts.length).toBeGreaterThan(0);
  });

  it('duplicates after the first are excluded, naming the first row (any form: the reader gives normal forms)', () => {
    const read = readInputText('Entry Number\nABC-1234567-6\nabc12345676\n31600000173\nABC 1234567 6\n');
    const result = checkDeclaration(read.entries, { today });
    expect(result.entries.map((checked) => [checked.row, checked.status, checked.exclusion?.code ?? null])).toEqual([
      [2, 'ready', null],
      [3, 'excluded', 'duplicate'],
      [4, 'ready', null],
      [5, 'excluded', 'duplicate'],
    ]);
    expect(result.entries[1]!.exclusion!.message).toBe('Row 3: ABC-1234567-6 is already on row 2; only the first is kept.');
    expect(result.entries[1]!.verdict).toBeNull();
    expect(result.readyEntryNumbers).toEqual(['ABC12345676', '31600000173']);
  });

  it('duplicates across files name the file of the first', () => {
    const result = checkDeclaration(
      [entry(2, 'ABC12345676', {}, { source: 'a.csv' }), entry(2, 'ABC12345676', {}, { source: 'b.csv' }), entry(3, 'ABC12345676', {}, { source: 'b.csv' })],
      { today },
    );
    expect(result.entries[1]!.exclusion!.message).toBe('Row 2: ABC-1234567-6 is already on row 2 of a.csv; only the first is kept.');
    expect(result.entries[2]!.exclusion!.message).toBe('Row 3: ABC-1234567-6 is already on row 2 of a.csv; only the first is kept.');
  });

  it('already claimed entries are excluded, naming the claim, and keep their verdict', () => {
    const knownClaims = new Map<string, string | string[]>([
      ['ABC12345676', 'CAPE-26-000123'],
      ['31600000173', ['CAPE-1', 'CAPE-2']],
      ['99999999990', []],
    ]);
    const result = checkDeclaration([entry(2, 'ABC12345676', cleanFacts), entry(3, '31600000173'), entry(4, '99999999990')], { today, knownClaims });
    expect(result.entries[0]).toMatchObject({ status: 'excluded', verdict: 'eligible', exclusion: { code: 'already-claimed' } });
    expect(result.entries[0]!.exclusion!.message).toBe(
      'Row 2: ABC-1234567-6 is already on CAPE claim CAPE-26-000123; CAPE rejects entries declared before, so it is left out.',
    );
    expect(result.entries[1]!.exclusion!.message).toContain('CAPE-1, CAPE-2');
    expect(result.entries[2]!.status).toBe('ready');
  });

  it('not eligible entries are excluded with the first reason code, unless kept', () => {
    const liquidatedLongAgo: EntryFacts = { ...cleanFacts, liquidationStatus: 'liquidated', liquidationDate: '2026-01-01' };
    const excluded = checkDeclaration([entry(5, 'ABC12345676', liquidatedLongAgo)], { today });
    expect(excluded.entries[0]).toMatchObject({ status: 'excluded', verdict: 'not-eligible', exclusion: { code: 'past-80-days' } });
    expect(excluded.entries[0]!.exclusion!.message).toMatch(/^Row 5: ABC-1234567-6 is not eligible under CAPE Phase 1\. Liquidated on 2026-01-01/);
    expect(excluded.summary.excludedBy).toEqual({ 'past-80-days': 1 });
    expect(excluded.readyEntryNumbers).toEqual([]);

    const kept = checkDeclaration([entry(5, 'ABC12345676', liquidatedLongAgo)], { today, keepIneligible: true });
    expect(kept.entries[0]).toMatchObject({ status: 'ready', verdict: 'not-eligible' });
    expect(kept.readyEntryNumbers).toEqual(['ABC12345676']);
  });

  it('format problems are excluded with their message; restored damage stays in with a note', () => {
    const read = readInputText('Entry Number\n12345674\n1.12346E+10\nABC-1234567-5\n\n');
    const result = checkDeclaration(read.entries, { today });
    expect(result.entries.map((checked) => [checked.row, checked.status, checked.problems.map((problem) => problem.code)])).toEqual([
      [2, 'ready', ['spreadsheet-damage']],
      [3, 'excluded', ['spreadsheet-damage']],
      [4, 'excluded', ['check-digit']],
    ]);
    expect(result.entries[0]!.problems[0]!.message).toContain('restored as 000-1234567-4');
    expect(result.entries[2]!.exclusion).toEqual({
      code: 'check-digit',
      message: 'Row 4: ABC-1234567-5 fails the check digit (expected 6). Check the number against the entry summary; a typo is likely.',
    });
    expect(result.entries[2]!.verdict).toBeNull();
    expect(result.summary.problems).toEqual({ 'spreadsheet-damage': 2, 'check-digit': 1 });
  });

  it('the filing date chooses the rule set (Phase 2 accepts flagged type 01 while no type 09 is filed)', () => {
    const flagged: EntryFacts = { ...cleanFacts, reconciliationFlag: true, reconciliationSummaryFiled: false };
    const phaseOne = checkDeclaration([entry(2, 'ABC12345676', flagged)], { today, filingDate: '2026-06-28' });
    expect(phaseOne.entries[0]).toMatchObject({ verdict: 'not-eligible', exclusion: { code: 'reconciliation' } });
    const phaseTwo = checkDeclaration([entry(2, 'ABC12345676', flagged)], { today, filingDate: '2026-06-29' });
    expect(phaseTwo.entries[0]).toMatchObject({ verdict: 'eligible', status: 'ready' });
    expect(phaseTwo.summary.ruleSet?.id).toBe('phase-2');
    expect(phaseTwo.summary.filingDate).toBe('2026-06-29');
  });

  it('deadlines count from today, the CAPE window from the liquidation date', () => {
    const facts: EntryFacts = { ...cleanFacts, liquidationStatus: 'liquidated', liquidationDate: '2026-04-01' };
    const [checked] = checkDeclaration([entry(2, 'ABC12345676', facts)], { today }).entries;
    expect(checked!.deadlines.capeWindowEnd).toMatchObject({ date: '2026-06-19', daysLeft: 49 });
    expect(checked!.deadlines.nextDeadline?.name).toBe('capeWindowEnd');
  });

  it('a placeholder liquidation date (12/31/9999) is named as not a date and the check goes on', () => {
    const { entries } = readInputText('Entry Number,Entry Type,Entry Summary Date,Liquidation Date,Liquidation Status\r\nEQ700564782,01,03/02/2026,12/31/9999,Liquidated\r\n');
    const checked = checkDeclaration(entries, { today: '2026-11-23' });
    expect(checked.entries).toHaveLength(1);
    expect(checked.entries[0]!.facts.liquidationDate).toBeUndefined();
    expect(checked.entries[0]!.problems.map((problem) => problem.message).join(' ')).toMatch(/12\/31\/9999.*1900 to 2199/);
  });

  it('summary counts by status, problem, verdict and reason', () => {
    const result = checkDeclaration(
      [entry(2, 'ABC12345676', cleanFacts), entry(3, 'ABC12345676', cleanFacts), entry(4, '31600000173', { ...cleanFacts, drawbackFlag: true }), entry(5, '99999999990')],
      { today },
    );
    expect(result.summary).toMatchObject({
      entries: 4,
      ready: 2,
      excluded: 2,
      excludedBy: { duplicate: 1, drawback: 1 },
      problems: { duplicate: 1 },
      verdicts: { eligible: 1, 'not-eligible': 1, unknown: 1 },
    });
    expect(result.summary.reasons.drawback).toBe(1);
  });
});
