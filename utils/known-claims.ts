import { parseEntryNumber } from './entry-number';

/** Entry number (normal form) → claim numbers it is on. */
export type KnownClaimMap = Map<string, string[]>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function add(claims: KnownClaimMap, entryText: unknown, claimNumber: unknown): boolean {
  if (typeof entryText !== 'string' || typeof claimNumber !== 'string' || claimNumber.trim() === '') return false;
  const { entryNumber } = parseEntryNumber(entryText);
  if (entryNumber === null) return false;
  const known = claims.get(entryNumber);
  const claim = claimNumber.trim();
  if (!known) claims.set(entryNumber, [claim]);
  else if (!known.includes(claim)) known.push(claim);
  return true;
}

/** The history backup keeps claims and their entries as stores, at the top or under `stores` / `data`. */
function historyStores(document: Record<string, unknown>): Record<string, unknown> | null {
  for (const candidate of [document, document.stores, document.data]) {
    if (isObject(candidate) && Array.isArray(candidate.claimEntries)) return candidate;
  }
  return null;
}

/**
 * Claims already filed, from a JSON document: the simple form `{ "claims": [ { "claimNumber", "entries": [...] } ] }`,
 * or a history backup (`claims` records and `claimEntries` records). Entries ACE rejected, or on a rejected claim,
 * are not claimed: they may be filed again.
 * Throws with a one-line message when the document has neither form.
 */
export function readKnownClaims(text: string): KnownClaimMap {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`not valid JSON (${(error as Error).message})`);
  }
  const claims: KnownClaimMap = new Map();
  if (!isObject(document)) throw new Error('expected a JSON object with "claims"');
  const stores = historyStores(document);
  if (stores) {
    const rejectedClaims = new Set<string>();
    if (Array.isArray(stores.claims)) {
      for (const claim of stores.claims) {
        if (isObject(claim) && claim.aceStatus === 'rejected' && typeof claim.claimNumber === 'string') rejectedClaims.add(claim.claimNumber);
      }
    }
    for (const record of stores.claimEntries as unknown[]) {
      if (!isObject(record) || record.outcome === 'rejected') continue;
      if (typeof record.claimNumber === 'string' && rejectedClaims.has(record.claimNumber)) continue;
      add(claims, record.entryNumber, record.claimNumber);
    }
    return claims;
  }
  if (!Array.isArray(document.claims)) throw new Error('expected "claims": [ { "claimNumber": "...", "entries": ["..."] } ] or a history backup');
  for (const claim of document.claims) {
    if (!isObject(claim) || !Array.isArray(claim.entries)) continue;
    for (const entry of claim.entries) add(claims, entry, claim.claimNumber);
  }
  return claims;
}
