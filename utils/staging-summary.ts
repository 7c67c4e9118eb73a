import type { CheckedEntry } from './check-declaration';
import type { Verdict } from './eligibility';
import { stagingCodeLabel } from './staging-labels';
import { stagedRowStatus, stagingRowCodes } from './staging-filter';
import { hasProposedFix, type StagedEntryRow } from './staging-rows';
import { stagingUrgency, type StagingUrgency } from './staging-urgency';

export interface StagingCodeCount {
  code: string;
  label: string;
  count: number;
}

/** What the summary bar shows of the staged list. */
export interface StagingSummary {
  rows: number;
  ready: number;
  excluded: number;
  removed: number;
  /** Left-out entries by their main reason, most first. */
  excludedBy: StagingCodeCount[];
  /** Notes on ready entries (restored zeros to accept, facts not understood or missing), most first. */
  notes: StagingCodeCount[];
  readyVerdicts: Partial<Record<Verdict, number>>;
  /** Active rows with restored leading zeros not yet accepted. */
  proposedFixes: number;
  sources: Array<{ name: string; rows: number }>;
  urgency: StagingUrgency;
}

function counted(counts: Map<string, number>): StagingCodeCount[] {
  return [...counts]
    .map(([code, count]) => ({ code, label: stagingCodeLabel(code), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

export function summarizeStaging(rows: readonly StagedEntryRow[], resultOf: (id: number) => CheckedEntry | undefined): StagingSummary {
  let ready = 0;
  let excluded = 0;
  let removed = 0;
  let proposedFixes = 0;
  const excludedBy = new Map<string, number>();
  const notes = new Map<string, number>();
  const sources = new Map<string, number>();
  const readyVerdicts: Partial<Record<Verdict, number>> = {};
  for (const row of rows) {
    const result = resultOf(row.id);
    const status = stagedRowStatus(row, result);
    increment(sources, row.source ?? 'input');
    if (status === 'removed') {
      removed++;
      continue;
    }
    if (hasProposedFix(row)) proposedFixes++;
    if (status === 'ready') {
      ready++;
      if (result!.verdict) readyVerdicts[result!.verdict] = (readyVerdicts[result!.verdict] ?? 0) + 1;
      for (const code of stagingRowCodes(row, result)) increment(notes, code);
    } else {
      excluded++;
      increment(excludedBy, result?.exclusion?.code ?? 'not-checked');
    }
  }
  return {
    rows: rows.length,
    ready,
    excluded,
    removed,
    excludedBy: counted(excludedBy),
    notes: counted(notes),
    readyVerdicts,
    proposedFixes,
    sources: [...sources].map(([name, count]) => ({ name, rows: count })),
    urgency: stagingUrgency(rows, resultOf),
  };
}
