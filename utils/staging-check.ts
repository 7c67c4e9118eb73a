import { checkDeclaration, type CheckedEntry, type CheckOptions, type KnownClaims } from './check-declaration';
import type { EntryFacts } from './entry-facts';
import type { KnownClaim } from './history-store';
import type { StagingAffected } from './staging-list';
import { inputEntryOfRow, type StagedEntryRow } from './staging-rows';

/** What the check needs besides the rows: the user's dates and assumptions, and what history knows. */
export interface StagingCheckContext {
  options: Omit<CheckOptions, 'knownClaims'>;
  knownClaims: KnownClaims;
  /** Facts history learned before (ACE pages, claim results), filling what the input lacks. */
  storedFacts: ReadonlyMap<string, EntryFacts>;
}

/** Claims that still hold an entry: a rejected entry may be filed again (domain.md §1). */
export function holdingClaimNumbers(claims: readonly KnownClaim[]): string[] {
  return claims.filter((claim) => claim.outcome !== 'rejected').map((claim) => claim.claimNumber);
}

/**
 * The core's check of each staged row, kept per row id. A change re-checks only the rows it touched and the rows
 * sharing their entry numbers (the only link between rows is "duplicate of the first"), so results equal a full check.
 */
export class StagingCheckResults {
  private readonly byId = new Map<number, CheckedEntry>();

  get(id: number): CheckedEntry | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.byId.size;
  }

  recheck(rows: readonly StagedEntryRow[], affected: StagingAffected, context: StagingCheckContext): void {
    if (affected.all) this.byId.clear();
    else for (const id of affected.rowIds) this.byId.delete(id);
    const subset = affected.all
      ? rows.filter((row) => !row.removed)
      : rows.filter(
          (row) => !row.removed && (affected.rowIds.has(row.id) || (row.entryNumber !== null && affected.entryNumbers.has(row.entryNumber))),
        );
    if (subset.length === 0) return;
    const result = checkDeclaration(
      subset.map((row) => inputEntryOfRow(row, row.entryNumber === null ? undefined : context.storedFacts.get(row.entryNumber))),
      { ...context.options, knownClaims: context.knownClaims },
    );
    subset.forEach((row, index) => this.byId.set(row.id, result.entries[index]!));
  }
}
