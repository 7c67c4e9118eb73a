import { parseEntryNumber } from './entry-number';
import { BACKUP_FORMAT, readBackup } from './history-backup';

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

/**
 * Claims already filed, from a JSON document: the simple form `{ "claims": [ { "claimNumber", "entries": [...] } ] }`,
 * or a CAPE Companion history backup (checked and migrated by readBackup). Entries ACE rejected, or on a rejected
 * claim, are not claimed: they may be filed again.
 * Rejects with a one-line message when the document has neither form.
 */
export async function readKnownClaims(text: string): Promise<KnownClaimMap> {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`not valid JSON (${(error as Error).message})`);
  }
  const claims: KnownClaimMap = new Map();
  if (!isObject(document)) throw new Error('expected a JSON object with "claims"');
  if (document.format === BACKUP_FORMAT) {
    const { data } = await readBackup(text);
    const rejectedClaims = new Set(data.claims.filter((claim) => claim.aceStatus === 'rejected').map((claim) => claim.claimNumber));
    for (const record of data.claimEntries) {
      if (record.outcome === 'rejected' || rejectedClaims.has(record.claimNumber)) continue;
      add(claims, record.entryNumber, record.claimNumber);
    }
    return claims;
  }
  if (!Array.isArray(document.claims)) {
    throw new Error('expected "claims": [ { "claimNumber": "...", "entries": ["..."] } ] or a CAPE Companion history backup');
  }
  for (const claim of document.claims) {
    if (!isObject(claim) || !Array.isArray(claim.entries)) continue;
    for (const entry of claim.entries) add(claims, entry, claim.claimNumber);
  }
  return claims;
}
