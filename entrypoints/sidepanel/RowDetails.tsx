import { ActionButton } from './ActionButton';
import { VerdictPill } from '@/components/VerdictPill';
import type { StagedRowView } from '@/utils/staging-view';
import { countdownText } from '@/utils/verdict-labels';

export interface RowDetailsProps {
  row: StagedRowView | null;
  busy: boolean;
  onAcceptFix: (id: number) => void;
  onRemove: (id: number) => void;
  onRestore: (id: number) => void;
}

/** Everything about the active row in full: each problem with its fix, verdict, deadline, claims. */
export function RowDetails({ row, busy, onAcceptFix, onRemove, onRestore }: RowDetailsProps) {
  return (
    <section class="sp-section sp-details" aria-labelledby="sp-details-heading">
      <h2 id="sp-details-heading">{row ? `Row ${row.row}${row.source ? ` of ${row.source}` : ''}` : 'Row details'}</h2>
      {!row ? (
        <p class="muted">Move through the table with the arrow keys (or click a row) to see everything about it here.</p>
      ) : (
        <>
          <p>
            <span class="sp-entry-number">{row.entryNumber ?? 'Not an entry number'}</span>
            {row.verdict && (
              <>
                {' '}
                <VerdictPill verdict={row.verdict} />
              </>
            )}
          </p>
          <p class="muted">You gave: "{row.input}"</p>
          {row.nextDeadline && (
            <p>
              {row.nextDeadline.label}: {row.nextDeadline.date} ({countdownText(row.nextDeadline.daysLeft)})
            </p>
          )}
          {row.claimNumbers.length > 0 && <p>Already on claim {row.claimNumbers.join(', ')}.</p>}
          {row.messages.length > 0 && (
            <ul class="sp-messages">
              {row.messages.map((message, index) => (
                <li key={index}>{message}</li>
              ))}
            </ul>
          )}
          <div class="button-row">
            {row.proposedFix && !row.fixAccepted && row.status !== 'removed' && (
              <ActionButton class="primary" disabled={busy} onClick={() => onAcceptFix(row.id)}>
                Accept fix: {row.proposedFix}
              </ActionButton>
            )}
            {row.proposedFix && row.fixAccepted && <span class="muted">Fix accepted: {row.proposedFix}.</span>}
            {row.status === 'removed' ? (
              <ActionButton disabled={busy} onClick={() => onRestore(row.id)}>
                Restore this row
              </ActionButton>
            ) : (
              <ActionButton disabled={busy} onClick={() => onRemove(row.id)}>
                Remove this row
              </ActionButton>
            )}
          </div>
        </>
      )}
    </section>
  );
}
