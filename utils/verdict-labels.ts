import type { EntryVerdict } from './entry-assessment';

/** Short words on the badge and in lists; colour only repeats what the words say. */
export const verdictLabels: Record<EntryVerdict, string> = {
  eligible: 'Eligible',
  'eligible-refund-at-liquidation': 'Refund at liquidation',
  'not-eligible': 'Not eligible',
  unknown: 'Check data',
  claimed: 'Claimed',
  invalid: 'Invalid number',
};

/** A symbol beside the words, so the state reads without colour too. */
export const verdictSymbols: Record<EntryVerdict, string> = {
  eligible: '✓',
  'eligible-refund-at-liquidation': '◷',
  'not-eligible': '✕',
  unknown: '?',
  claimed: '≡',
  invalid: '!',
};

/** Countdown text for a badge, e.g. "41 d", "today", "3 d ago". */
export function countdownText(daysLeft: number): string {
  if (daysLeft === 0) return 'today';
  if (daysLeft < 0) return `${-daysLeft} d ago`;
  return `${daysLeft} d`;
}
