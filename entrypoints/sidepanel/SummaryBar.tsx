import { ActionButton } from './ActionButton';
import type { StagingState } from '@/utils/staging-protocol';
import { formatEntryNumber } from '@/utils/entry-number';
import { countdownText, verdictLabels } from '@/utils/verdict-labels';

export interface SummaryBarProps {
  state: StagingState | null;
  maxPerFile: number;
  onShowCode: (code: string) => void;
  onUrgentFirst: () => void;
  onAcceptAllFixes: () => void;
  busy: boolean;
}

function count(value: number, one: string, many = `${one}s`): string {
  return `${value.toLocaleString('en-US')} ${value === 1 ? one : many}`;
}

/** Ready and left-out counts by reason, the files an export writes, and the most urgent CAPE window. */
export function SummaryBar({ state, maxPerFile, onShowCode, onUrgentFirst, onAcceptAllFixes, busy }: SummaryBarProps) {
  const summary = state?.summary;
  const ready = summary?.ready ?? 0;
  const files = Math.ceil(ready / Math.max(1, maxPerFile));
  const urgency = summary?.urgency;
  const verdicts = summary ? (['eligible', 'eligible-refund-at-liquidation', 'unknown', 'not-eligible'] as const).filter((verdict) => summary.readyVerdicts[verdict]) : [];
  return (
    <section class="sp-section sp-summary" aria-labelledby="sp-summary-heading">
      <h2 id="sp-summary-heading">Summary</h2>
      <p class="sp-counts">
        <span class="sp-count" data-kind="ready">
          <strong>{(summary?.ready ?? 0).toLocaleString('en-US')}</strong> ready
        </span>
        <span class="sp-count" data-kind="excluded">
          <strong>{(summary?.excluded ?? 0).toLocaleString('en-US')}</strong> left out
        </span>
        <span class="sp-count" data-kind="removed">
          <strong>{(summary?.removed ?? 0).toLocaleString('en-US')}</strong> removed
        </span>
        <span class="sp-count" data-kind="files">
          <strong>{files.toLocaleString('en-US')}</strong> {files === 1 ? 'CAPE file' : 'CAPE files'}
        </span>
      </p>
      {verdicts.length > 0 && (
        <p class="muted">
          Ready: {verdicts.map((verdict) => `${verdictLabels[verdict]} ${summary!.readyVerdicts[verdict]!.toLocaleString('en-US')}`).join(' · ')}
          {state?.ruleSet ? ` (under ${state.ruleSet})` : ''}
        </p>
      )}
      {summary && summary.excludedBy.length > 0 && (
        <div>
          <h3>Left out, by reason</h3>
          <ul class="sp-reasons">
            {summary.excludedBy.map((item) => (
              <li key={item.code}>
                <button type="button" class="sp-reason" onClick={() => onShowCode(item.code)} aria-label={`Show the ${count(item.count, 'row')} left out: ${item.label}`}>
                  {item.label} <strong>{item.count.toLocaleString('en-US')}</strong>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {summary && summary.notes.length > 0 && (
        <div>
          <h3>Notes on ready entries</h3>
          <ul class="sp-reasons">
            {summary.notes.map((item) => (
              <li key={item.code}>
                <button type="button" class="sp-reason" onClick={() => onShowCode(item.code)} aria-label={`Show the ${count(item.count, 'row')} with the note: ${item.label}`}>
                  {item.label} <strong>{item.count.toLocaleString('en-US')}</strong>
                </button>
              </li>
            ))}
          </ul>
          {summary.proposedFixes > 0 && (
            <ActionButton disabled={busy} onClick={onAcceptAllFixes}>
              Accept all {count(summary.proposedFixes, 'restored number')}
            </ActionButton>
          )}
        </div>
      )}
      <div class="sp-urgency">
        {urgency?.mostUrgent ? (
          <>
            <p>
              {urgency.leavingSoon > 0 ? (
                <strong>
                  {count(urgency.leavingSoon, 'entry', 'entries')} {urgency.leavingSoon === 1 ? 'leaves' : 'leave'} the 80-day window within {urgency.withinDays} days: file{' '}
                  {urgency.leavingSoon === 1 ? 'it' : 'these'} first.
                </strong>
              ) : (
                'No ready entry leaves the 80-day window within 7 days.'
              )}{' '}
              Most urgent: {formatEntryNumber(urgency.mostUrgent.entryNumber)}, last day {urgency.mostUrgent.lastDay} ({countdownText(urgency.mostUrgent.daysLeft)}).
            </p>
            <ActionButton disabled={busy || urgency.urgentFirst} onClick={onUrgentFirst}>
              {urgency.urgentFirst ? 'Most urgent already first' : 'Put the most urgent first'}
            </ActionButton>
          </>
        ) : (
          <p class="muted">No ready entry has a CAPE window closing (none is known to be liquidated).</p>
        )}
      </div>
    </section>
  );
}
