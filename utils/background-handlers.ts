import { isEntryNumberKey } from './history-keys';
import { openHistoryDb, type HistoryDb } from './history-db';
import { factValues, getEntryFactsBulk, knownClaimsForEntries, learnEntryFactsBulk, saveClaims } from './history-store';
import type { MessageHandlers } from './messages';
import type { StoredEntry } from './page/entry-lookup';

/** The background owns the extension's IndexedDB for content scripts, whose own IndexedDB would be the ACE site's. */
export function historyMessageHandlers(options: { openDb?: () => Promise<HistoryDb>; onHistoryChanged: () => Promise<void> | void }): MessageHandlers {
  let db: Promise<HistoryDb> | undefined;
  const history = () => (db ??= (options.openDb ?? openHistoryDb)());
  return {
    async 'history:lookup-entries'({ entries, learnedOn }) {
      const valid = entries.filter((entry) => isEntryNumberKey(entry.entryNumber));
      const withFacts = valid.filter((entry) => Object.keys(entry.facts).length > 0);
      const database = await history();
      if (withFacts.length) {
        const counts = await learnEntryFactsBulk(database, withFacts, 'page', learnedOn);
        if (counts.added || counts.updated) await options.onHistoryChanged();
      }
      const entryNumbers = valid.map((entry) => entry.entryNumber);
      const [ledger, claims] = await Promise.all([getEntryFactsBulk(database, entryNumbers), knownClaimsForEntries(database, entryNumbers)]);
      return entryNumbers.map((entryNumber): [string, StoredEntry] => [
        entryNumber,
        { facts: factValues(ledger.get(entryNumber)?.facts ?? {}), claims: claims.get(entryNumber) ?? [] },
      ]);
    },
    async 'history:capture-claims'({ claims }) {
      const result = await saveClaims(await history(), claims);
      if (result.claims.added || result.claims.updated || result.claimEntries.added || result.claimEntries.updated) await options.onHistoryChanged();
      return result;
    },
  };
}
