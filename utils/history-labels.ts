import type { EntryFacts, FactSource, LiquidationStatus, TariffLine } from './entry-facts';
import type { AceClaimStatus, ClaimSource, EntryOutcome, LearnedFacts } from './history-schema';
import { factLabels } from './eligibility';
import { formatCents, dollarsToCents } from './refund-estimate';

/** Claim status in the words of ACE's Claim Status tab (domain.md §2). */
export const aceClaimStatusLabels: Record<AceClaimStatus, string> = {
  accepted: 'Accepted',
  'accepted-with-errors': 'Accepted with Error(s)',
  rejected: 'Rejected',
  pending: 'Pending',
  unknown: 'Status unknown',
};

export const entryOutcomeLabels: Record<EntryOutcome, string> = {
  accepted: 'Accepted',
  rejected: 'Rejected',
  pending: 'Pending',
};

export const claimSourceLabels: Record<ClaimSource, string> = {
  captured: 'read on an ACE CAPE page',
  recorded: 'recorded from the side panel',
  imported: 'imported from an ACE file or typed in',
};

export const factSourceLabels: Record<FactSource, string> = {
  file: 'a file you loaded',
  page: 'an ACE page',
  'claim-result': 'a CAPE claim result',
  manual: 'typed in by you',
};

const liquidationStatusLabels: Record<LiquidationStatus, string> = {
  unliquidated: 'Unliquidated',
  liquidated: 'Liquidated',
  final: 'Finally liquidated',
  suspended: 'Suspended',
  extended: 'Extended',
  'under-review': 'Under review',
  cancelled: 'Cancelled',
};

const adcvdStatusLabels: Record<NonNullable<EntryFacts['adcvdStatus']>, string> = {
  none: 'None',
  'suspended-pending-commerce': 'Suspended, pending Commerce',
  'pending-liquidation': 'Pending liquidation (Commerce instructions issued)',
};

function tariffLineText(line: TariffLine): string {
  return line.dutyAmount === undefined ? line.htsNumber : `${line.htsNumber} ${formatCents(dollarsToCents(line.dutyAmount))}`;
}

/** A fact's value in plain words; unexpected shapes are shown as text rather than dropped. */
export function factValueText<Field extends keyof EntryFacts>(field: Field, value: NonNullable<EntryFacts[Field]>): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (field === 'liquidationStatus') return liquidationStatusLabels[value as LiquidationStatus] ?? String(value);
  if (field === 'adcvdStatus') return adcvdStatusLabels[value as keyof typeof adcvdStatusLabels] ?? String(value);
  if (field === 'tariffLines' && Array.isArray(value)) {
    const lines = value as TariffLine[];
    const shown = lines.slice(0, 6).map(tariffLineText).join('; ');
    return lines.length > 6 ? `${shown}; and ${lines.length - 6} more lines` : shown;
  }
  return String(value);
}

export interface FactLine {
  field: keyof EntryFacts;
  label: string;
  value: string;
  source: string;
  learnedOn: string;
}

/** The facts of a ledger record as lines to show, in the order of factLabels. */
export function factLines(facts: LearnedFacts): FactLine[] {
  const lines: FactLine[] = [];
  for (const field of Object.keys(factLabels) as (keyof typeof factLabels)[]) {
    if (field === 'dutyAmount') continue;
    const fact = facts[field];
    if (!fact) continue;
    lines.push({
      field,
      label: factLabels[field],
      value: factValueText(field, fact.value as never),
      source: factSourceLabels[fact.source] ?? String(fact.source),
      learnedOn: fact.learnedOn,
    });
  }
  return lines;
}
