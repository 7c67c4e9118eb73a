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

function inputEntryOf(row: StagedEntryRow, context: StagingCheckContext) {
  return inputEntryOfRow(row, row.entryNumber === null ? undefined : context.storedFacts.get(row.entryNumber));
}

/** A cheap, stable string hash (FNV-1a) to spread entry numbers over chunks. */
function stringHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The core's check of each staged row, kept per row id. A change re-checks only the rows it touched and the rows
 * sharing their entry numbers (the only link between rows is "duplicate of the first"), so results equal a full check.
 */
export class StagingCheckResults {
  private readonly byId = new Map<number, CheckedEntry>();

  /**
   * Checks rows about to be appended, in chunks with a pause between them (progress, cancel). Rows of one entry number
   * share a chunk, with the list's earlier rows of that number, so each result equals a full check's. Earlier rows
   * keep their results: an appended row never comes before them. Returns the new rows' results to adopt.
   */
  async checkAppended(
    existing: readonly StagedEntryRow[],
    appended: readonly StagedEntryRow[],
    context: StagingCheckContext,
    progress: { chunkSize?: number; onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {},
  ): Promise<Map<number, CheckedEntry>> {
    const chunkSize = progress.chunkSize ?? 10_000;
    const chunks = Math.max(1, Math.ceil(appended.length / chunkSize));
    const appendedNumbers = new Set<string>();
    for (const row of appended) if (row.entryNumber !== null) appendedNumbers.add(row.entryNumber);
    const buckets: StagedEntryRow[][] = Array.from({ length: chunks }, () => []);
    const bucketOf = (row: StagedEntryRow) => (row.entryNumber === null ? row.id % chunks : stringHash(row.entryNumber) % chunks);
    for (const row of existing) if (!row.removed && row.entryNumber !== null && appendedNumbers.has(row.entryNumber)) buckets[bucketOf(row)]!.push(row);
    for (const row of appended) if (!row.removed) buckets[bucketOf(row)]!.push(row);
    const ids = new Set(appended.map((row) => row.id));
    const found = new Map<number, CheckedEntry>();
    let done = 0;
    for (const bucket of buckets) {
      if (progress.signal?.aborted) return found;
      if (bucket.length > 0) {
        const result = checkDeclaration(bucket.map((row) => inputEntryOf(row, context)), { ...context.options, knownClaims: context.knownClaims });
        bucket.forEach((row, index) => {
          if (!ids.has(row.id)) return;
          found.set(row.id, result.entries[index]!);
          done++;
        });
      }
      progress.onProgress?.(done, appended.length);
      // A pause lets the worker hear a cancel or answer the table between chunks.
      if (chunks > 1) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return found;
  }

  adopt(results: ReadonlyMap<number, CheckedEntry>): void {
    for (const [id, result] of results) this.byId.set(id, result);
  }

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
      subset.map((row) => inputEntryOf(row, context)),
      { ...context.options, knownClaims: context.knownClaims },
    );
    subset.forEach((row, index) => this.byId.set(row.id, result.entries[index]!));
  }
}
