import { aceErrorToReason } from '@/utils/ace-error-texts';
import { formatEntryNumber } from '@/utils/entry-number';
import { aceClaimStatusLabels, claimSourceLabels } from '@/utils/history-labels';
import type { ClaimDetails } from '@/utils/history-store';
import { CopyButton } from './CopyButton';

/** Rejected entries listed in full up to this many; the copy button always takes all of them. */
const rejectedShown = 50;

export interface ClaimDetailProps {
  details: ClaimDetails;
  onShowEntry: (entryNumber: string) => void;
  onRestage: (claimNumber: string) => void;
  headingLevel?: 2 | 3;
}

/** A claim: status, dates, counts, and its rejected entries with ACE's reasons and the way to file them again. */
export function ClaimDetail({ details, onShowEntry, onRestage, headingLevel = 2 }: ClaimDetailProps) {
  const Heading = `h${headingLevel}` as 'h2';
  const Sub = `h${headingLevel + 1}` as 'h3';
  const { claim, entries, counts } = details;
  const rejected = entries.filter((entry) => entry.outcome === 'rejected');
  const statusLabel = aceClaimStatusLabels[claim.aceStatus];
  const aceCounts = [
    claim.entryCount !== undefined ? `${claim.entryCount} entries` : '',
    claim.acceptedCount !== undefined ? `${claim.acceptedCount} accepted` : '',
    claim.rejectedCount !== undefined ? `${claim.rejectedCount} rejected` : '',
  ].filter(Boolean);
  const aceCountsDiffer =
    (claim.entryCount !== undefined && claim.entryCount !== counts.entries) ||
    (claim.acceptedCount !== undefined && claim.acceptedCount !== counts.accepted) ||
    (claim.rejectedCount !== undefined && claim.rejectedCount !== counts.rejected);
  return (
    <article class="detail" data-detail="claim" data-claim-number={claim.claimNumber} aria-labelledby="detail-heading">
      <div class="detail__title">
        <Heading id="detail-heading" tabIndex={-1}>
          Claim {claim.claimNumber}
        </Heading>
        <CopyButton text={claim.claimNumber} label={`Copy claim number ${claim.claimNumber}`} />
      </div>
      <p>
        <span class="claim-status" data-status={claim.aceStatus}>
          {statusLabel}
        </span>
        {claim.aceStatusText && claim.aceStatusText !== statusLabel && <span class="muted"> (ACE: “{claim.aceStatusText}”)</span>}
      </p>
      <dl class="fact-list">
        <div class="fact-list__row">
          <dt>Filed</dt>
          <dd>{claim.filedDate ?? 'date not known'}</dd>
        </div>
        <div class="fact-list__row">
          <dt>Entries</dt>
          <dd data-counts={`${counts.entries}/${counts.accepted}/${counts.rejected}/${counts.pending}`}>
            {counts.entries} in history: {counts.accepted} accepted, {counts.rejected} rejected, {counts.pending} pending
            {aceCountsDiffer && <span class="fact-list__source">ACE's claim list says {aceCounts.join(', ')}</span>}
          </dd>
        </div>
        {claim.importerNumber && (
          <div class="fact-list__row">
            <dt>Importer</dt>
            <dd>{claim.importerNumber}</dd>
          </div>
        )}
        {claim.filerCode && (
          <div class="fact-list__row">
            <dt>Filer code</dt>
            <dd>{claim.filerCode}</dd>
          </div>
        )}
        <div class="fact-list__row">
          <dt>Saved</dt>
          <dd>
            {claimSourceLabels[claim.source]}, last changed <time dateTime={claim.updatedAt}>{claim.updatedAt.slice(0, 10)}</time>
          </dd>
        </div>
        {claim.notes && (
          <div class="fact-list__row">
            <dt>Notes</dt>
            <dd>{claim.notes}</dd>
          </div>
        )}
      </dl>

      {rejected.length > 0 && (
        <section aria-label="Rejected entries">
          <Sub>Rejected entries ({rejected.length})</Sub>
          <div class="button-row">
            <button type="button" class="primary" onClick={() => onRestage(claim.claimNumber)}>
              Re-stage rejected in the side panel
            </button>
            <CopyButton text={rejected.map((entry) => entry.entryNumber).join('\n')} label={`Copy the ${rejected.length} rejected entry numbers`}>
              Copy rejected
            </CopyButton>
          </div>
          <ul class="rejected-list">
            {rejected.slice(0, rejectedShown).map((entry) => {
              const reason = aceErrorToReason(entry.aceErrorText ?? '');
              return (
                <li key={entry.entryNumber}>
                  <button type="button" class="link-button" onClick={() => onShowEntry(entry.entryNumber)}>
                    {formatEntryNumber(entry.entryNumber)}
                  </button>
                  {entry.aceErrorText ? (
                    <>
                      {' '}
                      <q class="ace-error">{entry.aceErrorText}</q>
                    </>
                  ) : null}
                  <span class="muted"> {reason.message}</span>
                </li>
              );
            })}
          </ul>
          {rejected.length > rejectedShown && <p class="muted">And {rejected.length - rejectedShown} more: “Copy rejected” takes them all.</p>}
        </section>
      )}
    </article>
  );
}
