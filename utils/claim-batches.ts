import type { ClaimWithEntries, MergeCounts, SaveClaimsResult } from './history-store';

/**
 * Claims cut into batches of at most `maxEntries` entries, each piece of a claim carrying its record, so a page's claim of
 * 9,999 entries goes to history in messages small enough to serialise inside one short task. Order and entries are kept.
 */
export function claimsInBatches(claims: readonly ClaimWithEntries[], maxEntries: number): ClaimWithEntries[][] {
  const limit = Math.max(1, Math.floor(maxEntries));
  const batches: ClaimWithEntries[][] = [];
  let batch: ClaimWithEntries[] = [];
  let size = 0;
  for (const { claim, entries } of claims) {
    let from = 0;
    do {
      if (size === limit) {
        batches.push(batch);
        batch = [];
        size = 0;
      }
      const piece = entries.slice(from, from + limit - size);
      batch.push({ claim, entries: piece });
      size += piece.length;
      from += piece.length;
    } while (from < entries.length);
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

const addCounts = (a: MergeCounts, b: MergeCounts): MergeCounts => ({ added: a.added + b.added, updated: a.updated + b.updated, unchanged: a.unchanged + b.unchanged });

/** What several saves changed, together. */
export function addSaveResults(a: SaveClaimsResult, b: SaveClaimsResult): SaveClaimsResult {
  return { claims: addCounts(a.claims, b.claims), claimEntries: addCounts(a.claimEntries, b.claimEntries) };
}
