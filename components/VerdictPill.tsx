import type { EntryVerdict } from '@/utils/entry-assessment';
import { countdownText, verdictLabels, verdictSymbols } from '@/utils/verdict-labels';

/** Verdict as symbol and words (colour only repeats them), with an optional countdown to the next deadline. */
export function VerdictPill({ verdict, daysLeft }: { verdict: EntryVerdict; daysLeft?: number }) {
  return (
    <span class="verdict-pill" data-verdict={verdict}>
      <span aria-hidden="true">{verdictSymbols[verdict]}</span> {verdictLabels[verdict]}
      {daysLeft !== undefined && daysLeft >= 0 && <span class="verdict-pill__countdown">{countdownText(daysLeft)}</span>}
    </span>
  );
}
