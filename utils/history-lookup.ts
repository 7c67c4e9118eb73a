import { assessEntry, type AssessmentOptions, type EntryAssessment } from './entry-assessment';
import type { HistoryDb } from './history-db';
import { normalizeClaimNumber } from './history-keys';
import type { ClaimRecord, EntryLedgerRecord } from './history-schema';
import { factValues, findClaimsForEntry, getEntryFacts, searchByPrefix, type EntryClaim, type KnownClaim } from './history-store';
import { lookupPrefix, readLookupQuery, type LookupQuery } from './lookup-query';

/** One hit of the lookup box: an entry number or a claim. */
export type LookupHit = { kind: 'entry'; entryNumber: string; inHistory: boolean } | { kind: 'claim'; claim: ClaimRecord };

export interface HistoryLookup {
  query: LookupQuery;
  hits: LookupHit[];
}

/** What the history holds of one entry: the claims it is on and the facts learned about it. */
export interface EntryInHistory {
  entryNumber: string;
  claims: EntryClaim[];
  ledger?: EntryLedgerRecord;
}

export function lookupHitKey(hit: LookupHit): string {
  return hit.kind === 'entry' ? `entry:${hit.entryNumber}` : `claim:${hit.claim.claimNumber}`;
}

/**
 * As-you-type lookup: an exact entry number first (shown even when history lacks it, so its verdict can be read),
 * then an exact claim number, then entries and claims starting with the text.
 */
export async function lookUpHistory(db: HistoryDb, input: string, limit = 8): Promise<HistoryLookup> {
  const query = readLookupQuery(input);
  if (query.kind === 'empty') return { query, hits: [] };
  const prefix = await searchByPrefix(db, lookupPrefix(query), limit);
  const found = new Set(prefix.entryNumbers);
  const hits: LookupHit[] = [];
  if (query.kind === 'entry') hits.push({ kind: 'entry', entryNumber: query.entryNumber, inHistory: found.has(query.entryNumber) });
  const exactClaim = normalizeClaimNumber(query.text);
  const claims = [...prefix.claims].sort((a, b) => Number(b.claimNumber === exactClaim) - Number(a.claimNumber === exactClaim));
  for (const claim of claims) hits.push({ kind: 'claim', claim });
  for (const entryNumber of prefix.entryNumbers) {
    if (query.kind !== 'entry' || entryNumber !== query.entryNumber) hits.push({ kind: 'entry', entryNumber, inHistory: true });
  }
  // Restored zeros are a guess while typing digits: offer it after real matches, and only when history knows it.
  if (query.kind === 'entry-with-zeros-restored' && !found.has(query.entryNumber) && (await isEntryInHistory(db, query.entryNumber))) {
    hits.push({ kind: 'entry', entryNumber: query.entryNumber, inHistory: true });
  }
  return { query, hits: hits.slice(0, Math.max(limit, 1)) };
}

async function isEntryInHistory(db: HistoryDb, entryNumber: string): Promise<boolean> {
  const transaction = db.transaction(['claimEntries', 'entryLedger'], 'readonly');
  const [claimed, ledger] = await Promise.all([
    transaction.objectStore('claimEntries').index('byEntryNumber').count(entryNumber),
    transaction.objectStore('entryLedger').count(entryNumber),
  ]);
  return claimed + ledger > 0;
}

export async function entryInHistory(db: HistoryDb, entryNumber: string): Promise<EntryInHistory> {
  const [claims, ledger] = await Promise.all([findClaimsForEntry(db, entryNumber), getEntryFacts(db, entryNumber)]);
  return ledger ? { entryNumber, claims, ledger } : { entryNumber, claims };
}

export function knownClaimsOf(claims: readonly EntryClaim[]): KnownClaim[] {
  return claims.map(({ entry }) => (entry.reasonCode === undefined ? { claimNumber: entry.claimNumber, outcome: entry.outcome } : { claimNumber: entry.claimNumber, outcome: entry.outcome, reasonCode: entry.reasonCode }));
}

/** The same verdict and deadlines the overlay shows for this entry, from what history knows. */
export function assessEntryInHistory(entry: EntryInHistory, options: AssessmentOptions): EntryAssessment {
  return assessEntry(entry.entryNumber, factValues(entry.ledger?.facts ?? {}), knownClaimsOf(entry.claims), options);
}
