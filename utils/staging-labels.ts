/** Short names of the codes a staged row can carry (problem codes and eligibility reasons), for filters and the summary. */
const stagingCodeLabels: Record<string, string> = {
  empty: 'No entry number',
  'bad-length': 'Wrong length',
  'bad-characters': 'Characters that do not belong',
  'check-digit': 'Check digit fails',
  'spreadsheet-damage': 'Spreadsheet damage',
  duplicate: 'Duplicate',
  'already-claimed': 'Already claimed',
  'bad-fact': 'Fact not understood',
  'conflicting-facts': 'Facts disagree',
  cancelled: 'Cancelled entry summary',
  'no-ieepa-line': 'No IEEPA duty line',
  reconciliation: 'Flagged for reconciliation',
  drawback: 'On drawback',
  'duty-deferral': 'Duty deferral (type 08)',
  'open-protest': 'Open protest',
  'adcvd-pending-liquidation': 'AD/CVD pending liquidation',
  'past-80-days': 'Past the 80-day window',
  'finally-liquidated': 'Finally liquidated',
  'not-eligible': 'Not eligible',
  'proposed-fix': 'Leading zeros restored',
  'facts-missing': 'Facts missing (Check data)',
  'assumed-facts': 'Rests on assumed flags',
  'cape-not-open': 'Before CAPE opened',
};

export function stagingCodeLabel(code: string): string {
  return stagingCodeLabels[code] ?? code;
}
