import type { CheckedEntry } from './check-declaration';
import { formatEntryNumber } from './entry-number';
import { hasProposedFix, type StagedEntryRow } from './staging-rows';

export type StagedRowStatus = 'ready' | 'excluded' | 'removed';
export type StagingStatusFilter = 'all' | StagedRowStatus;

export interface StagingFilter {
  status: StagingStatusFilter;
  /** A code from stagingRowCodes, or null for any. */
  code: string | null;
  search: string;
}

export const noStagingFilter: StagingFilter = { status: 'all', code: null, search: '' };

/** Removed rows are not checked; a row not yet checked counts as excluded until its check arrives. */
export function stagedRowStatus(row: StagedEntryRow, result: CheckedEntry | undefined): StagedRowStatus {
  if (row.removed) return 'removed';
  return result?.status === 'ready' ? 'ready' : 'excluded';
}

/**
 * Codes the row can be filtered by: why it is left out, plus notes on a ready row
 * (restored zeros not yet accepted, facts not understood, facts missing).
 */
export function stagingRowCodes(row: StagedEntryRow, result: CheckedEntry | undefined): string[] {
  if (row.removed || !result) return [];
  const codes: string[] = [];
  if (result.exclusion) codes.push(result.exclusion.code);
  if (hasProposedFix(row)) codes.push('proposed-fix');
  for (const problem of result.problems) {
    if ((problem.code === 'bad-fact' || problem.code === 'conflicting-facts') && !codes.includes(problem.code)) codes.push(problem.code);
  }
  if (result.status === 'ready' && result.verdict === 'unknown') codes.push(result.reasons[0]?.code ?? 'facts-missing');
  return codes;
}

/** The typed search, prepared once: plain lower case, and letters and digits only (entry numbers in any form). */
export interface StagingSearch {
  lower: string;
  compact: string;
}

export function stagingSearch(text: string): StagingSearch | null {
  const lower = text.trim().toLowerCase();
  if (lower === '') return null;
  return { lower, compact: lower.replace(/[^a-z0-9]/g, '').toUpperCase() };
}

function matchesSearch(row: StagedEntryRow, result: CheckedEntry | undefined, search: StagingSearch): boolean {
  if (search.compact.length > 0) {
    if (row.entryNumber?.includes(search.compact)) return true;
    // A number that is not valid has no normal form: match what was typed, dashes and case aside.
    if (row.input.toUpperCase().replace(/[^A-Z0-9]/g, '').includes(search.compact)) return true;
  }
  if (row.input.toLowerCase().includes(search.lower)) return true;
  if (row.entryNumber && formatEntryNumber(row.entryNumber).toLowerCase().includes(search.lower)) return true;
  if (row.source?.toLowerCase().includes(search.lower)) return true;
  if (row.note?.toLowerCase().includes(search.lower)) return true;
  return result?.problems.some((problem) => problem.message.toLowerCase().includes(search.lower)) ?? false;
}

export function matchesStagingFilter(
  row: StagedEntryRow,
  result: CheckedEntry | undefined,
  filter: StagingFilter,
  search: StagingSearch | null = stagingSearch(filter.search),
): boolean {
  if (filter.status !== 'all' && stagedRowStatus(row, result) !== filter.status) return false;
  if (filter.code !== null && !stagingRowCodes(row, result).includes(filter.code)) return false;
  return search === null || matchesSearch(row, result, search);
}
