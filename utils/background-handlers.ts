import type { EntryFacts } from './entry-facts';
import { isEntryNumberKey } from './history-keys';
import type { HistoryDb } from './history-db';
import { historyForEntries } from './history-for-entries';
import { learnEntryFactsBulk, saveClaims } from './history-store';
import type { MessageHandlers } from './messages';
import type { StoredEntry } from './page/entry-lookup';

/** The background owns the extension's IndexedDB for content scripts, whose own IndexedDB would be the ACE site's. */
export function historyMessageHandlers(options: {
  openDb: () => Promise<HistoryDb>;
  /** Marks history as changed (open pages refresh their badges) and returns the new revision. */
  onHistoryChanged: () => Promise<number>;
}): MessageHandlers {
  const history = options.openDb;
  return {
    async 'history:lookup-entries'({ entries, learnedOn }) {
      const valid = entries.filter((entry) => isEntryNumberKey(entry.entryNumber));
      const withFacts = valid.filter((entry) => Object.keys(entry.facts).length > 0);
      const database = await history();
      let learnedRevision: number | undefined;
      if (withFacts.length) {
        const counts = await learnEntryFactsBulk(database, withFacts, 'page', learnedOn);
        if (counts.added || counts.updated) learnedRevision = await options.onHistoryChanged();
      }
      const known = await historyForEntries(database, new Set(valid.map((entry) => entry.entryNumber)));
      // Only what history adds to the page: a 10,000-row report would otherwise get all its own facts back.
      const answers: Array<[string, StoredEntry]> = [];
      for (const { entryNumber, facts: pageFacts } of valid) {
        const facts = factsThePageLacks(known.facts.get(entryNumber), pageFacts);
        const claims = known.claims.get(entryNumber) ?? [];
        if (claims.length || Object.keys(facts).length) answers.push([entryNumber, { facts, claims }]);
      }
      return { entries: answers, ...(learnedRevision === undefined ? {} : { learnedRevision }) };
    },
    async 'history:capture-claims'({ claims }) {
      const result = await saveClaims(await history(), claims);
      if (result.claims.added || result.claims.updated || result.claimEntries.added || result.claimEntries.updated) await options.onHistoryChanged();
      return result;
    },
  };
}

function factsThePageLacks(stored: EntryFacts | undefined, pageFacts: EntryFacts): EntryFacts {
  const lacking: EntryFacts = {};
  if (!stored) return lacking;
  for (const key of Object.keys(stored) as (keyof EntryFacts)[]) {
    if (pageFacts[key] === undefined && stored[key] !== undefined) (lacking as Record<string, unknown>)[key] = stored[key];
  }
  return lacking;
}
