import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EntryFacts } from '../../utils/entry-facts';
import { wellFormedFacts } from '../../utils/well-formed-facts';

describe('wellFormedFacts', () => {
  it('keeps well-formed facts as they are', () => {
    const facts: EntryFacts = {
      entryType: '01',
      entrySummaryDate: '2025-06-02',
      liquidationDate: '2026-03-01',
      liquidationStatus: 'liquidated',
      tariffLines: [{ htsNumber: '9903.01.25', dutyAmount: 10 }, { htsNumber: '8471.30.0100' }],
      reconciliationFlag: false,
      reconciliationSummaryFiled: false,
      drawbackFlag: false,
      protestOpen: true,
      adcvdStatus: 'none',
      importerNumber: '12-3456789AB',
      filerCode: 'ABC',
    };
    expect(wellFormedFacts(facts)).toEqual(facts);
  });

  it('drops malformed values so they read as missing', () => {
    const junk = {
      entryType: 1,
      entrySummaryDate: '2025-02-30',
      liquidationDate: '03/01/2026',
      liquidationStatus: 'Liquidated',
      tariffLines: [null, { htsNumber: 9903 }, { htsNumber: '9903.01.25', dutyAmount: Number.NaN }, { htsNumber: '9903.01.10', dutyAmount: '5' }],
      drawbackFlag: 'N',
      adcvdStatus: 'suspended',
    } as unknown as EntryFacts;
    expect(wellFormedFacts(junk)).toEqual({ tariffLines: [{ htsNumber: '9903.01.25' }, { htsNumber: '9903.01.10' }] });
  });

  it('lets fields it does not know pass through', () => {
    const facts = { entryType: '01', someLaterFact: 'kept' } as EntryFacts;
    expect(wellFormedFacts(facts)).toEqual({ entryType: '01', someLaterFact: 'kept' });
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(typeof wellFormedFacts(value as EntryFacts)).toBe('object');
      }),
    );
  });
});
