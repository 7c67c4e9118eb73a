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
      const entryNumbers = valid.map((entry) => entry.entryNumber);
      const known = await historyForEntries(database, new Set(entryNumbers));
      return {
        entries: entryNumbers.map((entryNumber): [string, StoredEntry] => [
          entryNumber,
          { facts: known.facts.get(entryNumber) ?? {}, claims: known.claims.get(entryNumber) ?? [] },
        ]),
        ...(learnedRevision === undefined ? {} : { learnedRevision }),
      };
    },
    async 'history:capture-claims'({ claims }) {
      const result = await saveClaims(await history(), claims);
      if (result.claims.added || result.claims.updated || result.claimEntries.added || result.claimEntries.updated) await options.onHistoryChanged();
      return result;
    },
  };
}
