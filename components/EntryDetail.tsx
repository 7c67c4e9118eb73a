import { aceErrorToReason } from '@/utils/ace-error-texts';
import type { EntryAssessment } from '@/utils/entry-assessment';
import { formatEntryNumber } from '@/utils/entry-number';
import { aceClaimStatusLabels, entryOutcomeLabels } from '@/utils/history-labels';
import type { EntryInHistory } from '@/utils/history-lookup';
import { estimateRefund, formatCents } from '@/utils/refund-estimate';
import { factValues } from '@/utils/history-store';
import { CopyButton } from './CopyButton';
import { DeadlineList } from './DeadlineList';
import { FactList } from './FactList';
import { VerdictPill } from './VerdictPill';
import { daysLeftText } from './days-left';

export interface EntryDetailProps {
  entry: EntryInHistory;
  assessment: EntryAssessment;
  /** The date verdicts and the estimate are computed for: today, or the user's "check as of" date. */
  today: string;
  /** True when `today` is the user's "check as of" date. */
  checkingAsOf?: boolean;
  onShowClaim: (claimNumber: string) => void;
  headingLevel?: 2 | 3;
}

/** Everything known of one entry: claims holding it, verdict, deadlines, facts and where they came from. */
export function EntryDetail({ entry, assessment, today, checkingAsOf = false, onShowClaim, headingLevel = 2 }: EntryDetailProps) {
  const Heading = `h${headingLevel}` as 'h2';
  const Sub = `h${headingLevel + 1}` as 'h3';
  const dashed = formatEntryNumber(entry.entryNumber);
  const next = assessment.deadlines.nextDeadline;
  const facts = entry.ledger?.facts ?? {};
  const inHistory = entry.claims.length > 0 || entry.ledger !== undefined;
  return (
    <article class="detail" data-detail="entry" data-entry-number={entry.entryNumber} aria-labelledby="detail-heading">
      <div class="detail__title">
        <Heading id="detail-heading" tabIndex={-1}>
          Entry {dashed}
        </Heading>
        <CopyButton text={entry.entryNumber} label={`Copy entry number ${dashed}`} />
      </div>
      <p class="detail__verdict">
        <VerdictPill verdict={assessment.verdict} {...(next ? { daysLeft: next.daysLeft } : {})} />
        {checkingAsOf && <span class="muted"> as of {today}</span>}
      </p>
      {next && (
        <p>
          {next.label}: <time dateTime={next.date}>{next.date}</time> ({daysLeftText(next.daysLeft)})
        </p>
      )}
      {!inHistory && <p class="muted">Not in your history: no claim holds this entry and no facts about it are known.</p>}

      {entry.claims.length > 0 && (
        <section aria-label="Claims">
          <Sub>On {entry.claims.length === 1 ? 'claim' : `${entry.claims.length} claims`}</Sub>
          <ul class="claim-refs">
            {entry.claims.map(({ entry: onClaim, claim }) => {
              const reason = onClaim.outcome === 'rejected' ? aceErrorToReason(onClaim.aceErrorText ?? '') : undefined;
              return (
                <li key={onClaim.claimNumber}>
                  <button type="button" class="link-button" onClick={() => onShowClaim(onClaim.claimNumber)}>
                    {onClaim.claimNumber}
                  </button>{' '}
                  <span>
                    claim {claim ? (claim.aceStatusText ?? aceClaimStatusLabels[claim.aceStatus]) : 'not in history'}
                    {claim?.filedDate && <>, filed {claim.filedDate}</>}; this entry: <strong>{entryOutcomeLabels[onClaim.outcome]}</strong>
                  </span>
                  {onClaim.aceErrorText && (
                    <p class="ace-error">
                      ACE: <q>{onClaim.aceErrorText}</q>
                    </p>
                  )}
                  {reason && (
                    <p class="muted">
                      {reason.message} {reason.fix}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <section aria-label="Why">
        <Sub>Why</Sub>
        {assessment.holdingClaim && (
          <p>
            Already on claim {assessment.holdingClaim.claimNumber} ({entryOutcomeLabels[assessment.holdingClaim.outcome].toLowerCase()}): filing it again would be
            rejected as a duplicate.
          </p>
        )}
        {assessment.eligibility.reasons.length > 0 && (
          <ul>
            {assessment.eligibility.reasons.map((reason) => (
              <li key={reason.code}>{reason.message}</li>
            ))}
          </ul>
        )}
        <p class="muted">
          Rule set: {assessment.eligibility.ruleSet.name} (from {assessment.eligibility.ruleSet.effectiveFrom}).
        </p>
      </section>

      <section aria-label="Deadlines">
        <Sub>Deadlines</Sub>
        <DeadlineList deadlines={assessment.deadlines} />
      </section>

      <section aria-label="Facts known">
        <Sub>Facts known</Sub>
        <FactList facts={facts} />
      </section>

      <RefundEstimateLine entry={entry} today={today} />
    </article>
  );
}

/** The refund figure, always labelled "Estimate" (CBP has not published its interest method, domain.md §8). */
function RefundEstimateLine({ entry, today }: { entry: EntryInHistory; today: string }) {
  const facts = factValues(entry.ledger?.facts ?? {});
  if (!facts.tariffLines?.length) return null;
  const estimate = estimateRefund(facts, { today, rateKind: 'corporate' });
  if (estimate.ieepaDutyCents === 0) return null;
  return (
    <section aria-label="Refund estimate">
      <p>
        <strong>{estimate.label}</strong> of the refund: {formatCents(estimate.ieepaDutyCents)} IEEPA duty
        {estimate.interestCents !== null && (
          <>
            {' '}
            + {formatCents(estimate.interestCents)} interest (corporate rate) = {formatCents(estimate.totalCents)}
          </>
        )}
        .
      </p>
      {estimate.notes.length > 0 && <p class="muted">{estimate.notes.join(' ')}</p>}
    </section>
  );
}
