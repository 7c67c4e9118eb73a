import { describe, expect, it } from 'vitest';
import { factLines, factValueText } from '../../utils/history-labels';

describe('factLines', () => {
  it('shows each known fact in plain words with where and when it was learned, in the order of the fact labels', () => {
    const lines = factLines({
      liquidationStatus: { value: 'liquidated', source: 'page', learnedOn: '2026-11-20' },
      entryType: { value: '01', source: 'file', learnedOn: '2026-11-19' },
      drawbackFlag: { value: false, source: 'manual', learnedOn: '2026-11-18' },
      tariffLines: { value: [{ htsNumber: '9903.01.25', dutyAmount: 1234.5 }, { htsNumber: '8471.30.0100' }], source: 'claim-result', learnedOn: '2026-11-17' },
    });
    expect(lines).toEqual([
      { field: 'entryType', label: 'Entry Type', value: '01', source: 'a file you loaded', learnedOn: '2026-11-19' },
      { field: 'liquidationStatus', label: 'Liquidation Status', value: 'Liquidated', source: 'an ACE page', learnedOn: '2026-11-20' },
      {
        field: 'tariffLines',
        label: 'HTS Number and Line Tariff Duty Amount',
        value: '9903.01.25 $1,234.50; 8471.30.0100',
        source: 'a CAPE claim result',
        learnedOn: '2026-11-17',
      },
      { field: 'drawbackFlag', label: 'Drawback Flag', value: 'No', source: 'typed in by you', learnedOn: '2026-11-18' },
    ]);
  });

  it('is empty when nothing is known', () => {
    expect(factLines({})).toEqual([]);
  });
});

describe('factValueText', () => {
  it('names AD/CVD states and shortens long tariff line lists', () => {
    expect(factValueText('adcvdStatus', 'suspended-pending-commerce')).toBe('Suspended, pending Commerce');
    const lines = Array.from({ length: 8 }, (_, index) => ({ htsNumber: `9903.01.${25 + index}` }));
    expect(factValueText('tariffLines', lines)).toMatch(/; and 2 more lines$/);
  });
});
