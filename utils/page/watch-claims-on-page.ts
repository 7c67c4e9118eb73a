import { addSaveResults, claimsInBatches } from '../claim-batches';
import type { ClaimResultsImport } from '../claim-results-import';
import type { SaveClaimsResult } from '../history-store';
import { readClaimsOnPage } from './claim-capture';
import { observeMutations } from './mutation-batcher';
import { runStepsInChunks } from './run-in-chunks';
import { yieldToMain } from './yield-to-main';

export interface ClaimWatchOptions {
  signal: AbortSignal;
  save: (claims: ClaimResultsImport['claims']) => Promise<SaveClaimsResult>;
  onSaved: (summary: string) => void;
  onError: (error: unknown) => void;
  isOwnNode: (node: Node) => boolean;
}

/** Claim entries per message to history: a claim of 9,999 entries in one message took tens of ms to serialise in one task. */
const entriesPerMessage = 1_000;

/** What a save changed, in words; empty when nothing was new. */
export function describeSavedClaims(result: SaveClaimsResult, claimCount: number): string {
  const changedClaims = result.claims.added + result.claims.updated;
  const changedEntries = result.claimEntries.added + result.claimEntries.updated;
  if (changedClaims === 0 && changedEntries === 0) return '';
  const entries = changedEntries ? ` and ${changedEntries} entry result${changedEntries === 1 ? '' : 's'}` : '';
  return `CAPE Companion saved ${claimCount} claim${claimCount === 1 ? '' : 's'}${entries} from this page to your history.`;
}

/**
 * Where a page that shows claims names them, one query each: the whole page's text would be megabytes on a 10,000-row
 * report, and a selector list is matched element by element (22 ms there) where a single tag or attribute takes a fast path.
 */
const claimLabelSelectors = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption', 'th', '[role="columnheader"]', 'dt', 'legend', 'label'];

const speaksOfClaims = (node: Node | undefined | null): boolean => /claim/i.test(node?.textContent ?? '');

/** Whether the page's title, headings, column headers or labels (or a table's first row) speak of claims; yields between queries. */
export async function namesClaims(document: Document, yieldNow: () => Promise<void> = yieldToMain): Promise<boolean> {
  if (/claim/i.test(document.title)) return true;
  for (const selector of claimLabelSelectors) {
    for (const label of document.querySelectorAll(selector)) if (speaksOfClaims(label)) return true;
    await yieldNow();
  }
  for (const table of document.getElementsByTagName('table')) if (speaksOfClaims(table.rows[0])) return true;
  return false;
}

/** Reads the CAPE claims the page shows, now and whenever it changes, and saves what is new. */
export function watchClaimsOnPage(document: Document, options: ClaimWatchOptions): void {
  let lastSent = '';
  const capture = async () => {
    try {
      if (options.signal.aborted || !(await namesClaims(document)) || options.signal.aborted) return;
      const read = await runStepsInChunks(readClaimsOnPage(document, new Date().toISOString()), { signal: options.signal });
      if (!read || read.claims.length === 0) return;
      const { claims } = read;
      const signature = JSON.stringify(claims.map(({ claim, entries }) => [claim.claimNumber, claim.aceStatus, claim.entryCount, entries.map((entry) => [entry.entryNumber, entry.outcome, entry.aceErrorText])]));
      if (signature === lastSent) return;
      lastSent = signature;
      let saved: SaveClaimsResult | undefined;
      for (const batch of claimsInBatches(claims, entriesPerMessage)) {
        if (options.signal.aborted) return;
        const result = await options.save(batch);
        saved = saved ? addSaveResults(saved, result) : result;
      }
      const summary = saved ? describeSavedClaims(saved, claims.length) : '';
      if (summary) options.onSaved(summary);
    } catch (error) {
      options.onError(error);
    }
  };
  observeMutations(document.documentElement, {
    signal: options.signal,
    isOwnNode: options.isOwnNode,
    onBatch: () => void capture(),
    schedule: (run) => setTimeout(run, 500),
  });
  void capture();
}
