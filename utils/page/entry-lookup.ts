import type { EntryFacts } from '../entry-facts';
import type { KnownClaim } from '../history-store';

/** An entry found on a page, with the facts its rows show. */
export interface PageEntry {
  entryNumber: string;
  facts: EntryFacts;
}

/** What history knows of an entry: facts learned before (to fill what the page lacks) and the claims that hold it. */
export interface StoredEntry {
  facts: EntryFacts;
  claims: KnownClaim[];
}

/** Page facts win over stored ones (they are what ACE shows now); stored facts fill the gaps. */
export function withStoredFacts(pageFacts: EntryFacts, stored: EntryFacts | undefined): EntryFacts {
  if (!stored) return pageFacts;
  const merged: EntryFacts = { ...stored };
  for (const key of Object.keys(pageFacts) as (keyof EntryFacts)[]) {
    if (pageFacts[key] !== undefined) (merged as Record<string, unknown>)[key] = pageFacts[key];
  }
  return merged;
}
