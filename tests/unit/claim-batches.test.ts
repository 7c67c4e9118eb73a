import { describe, expect, it } from 'vitest';
import { addSaveResults, claimsInBatches } from '../../utils/claim-batches';
import type { ClaimWithEntries } from '../../utils/history-store';

const updatedAt = '2026-11-23T12:00:00.000Z';

function claimWith(claimNumber: string, entryCount: number): ClaimWithEntries {
  return {
    claim: { claimNumber, aceStatus: 'accepted', source: 'captured', notes: '', updatedAt },
    entries: Array.from({ length: entryCount }, (_, index) => ({ claimNumber, entryNumber: `W5R${String(index).padStart(8, '0')}`, outcome: 'accepted' as const, updatedAt })),
  };
}

describe('claimsInBatches', () => {
  it('cuts a claim of 2,500 entries and its neighbours into batches of at most 1,000, keeping every entry in order with its claim', () => {
    const claims = [claimWith('C-1', 2_500), claimWith('C-2', 0), claimWith('C-3', 700)];
    const batches = claimsInBatches(claims, 1_000);
    expect(batches.map((batch) => batch.reduce((sum, piece) => sum + piece.entries.length, 0))).toEqual([1_000, 1_000, 1_000, 200]);
    for (const batch of batches) for (const piece of batch) expect(piece.entries.every((entry) => entry.claimNumber === piece.claim.claimNumber)).toBe(true);
    const pieces = batches.flat();
    for (const claim of claims) {
      const own = pieces.filter((piece) => piece.claim === claim.claim);
      expect(own.length).toBeGreaterThan(0);
      expect(own.flatMap((piece) => piece.entries)).toEqual(claim.entries);
    }
  });

  it('keeps small claims in one batch, and gives no batch for no claims', () => {
    expect(claimsInBatches([claimWith('C-1', 3), claimWith('C-2', 4)], 1_000)).toHaveLength(1);
    expect(claimsInBatches([], 1_000)).toEqual([]);
  });
});

describe('addSaveResults', () => {
  it('adds what several saves changed', () => {
    const one = { claims: { added: 1, updated: 0, unchanged: 0 }, claimEntries: { added: 1_000, updated: 0, unchanged: 0 } };
    const two = { claims: { added: 0, updated: 0, unchanged: 1 }, claimEntries: { added: 400, updated: 2, unchanged: 3 } };
    expect(addSaveResults(one, two)).toEqual({ claims: { added: 1, updated: 0, unchanged: 1 }, claimEntries: { added: 1_400, updated: 2, unchanged: 3 } });
  });
});
