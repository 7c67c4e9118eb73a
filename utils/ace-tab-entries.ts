import { browser, type Browser } from '#imports';
import { sendToBackground } from './messages';
import type { PageEntry } from './page/entry-lookup';

/** The pages the content script runs on (host permission): only their tabs show their address to the extension. */
const aceTabPattern = 'https://*.cbp.dhs.gov/*';

type Tab = Browser.tabs.Tab;

function isAceTab(tab: Tab | undefined): tab is Tab & { id: number } {
  return tab?.id !== undefined && typeof tab.url === 'string' && /^https:\/\/([^/]+\.)?cbp\.dhs\.gov\//.test(tab.url);
}

/** The ACE tab meant: the active one; else (the panel open as a tab) the ACE tab of this window used last. */
async function aceTab(): Promise<(Tab & { id: number }) | null> {
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (isAceTab(active)) return active;
  const byLastUse = (tabs: Tab[]) => tabs.filter(isAceTab).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  const inWindow = byLastUse(await browser.tabs.query({ url: aceTabPattern, currentWindow: true }));
  return inWindow[0] ?? byLastUse(await browser.tabs.query({ url: aceTabPattern }))[0] ?? null;
}

function shortTitle(title: string | undefined): string {
  const text = (title ?? '').trim() || 'ACE page';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The entries the overlay found on the ACE page, with their facts; or the words to show when there are none. */
export async function entriesFromAceTab(): Promise<{ entries: PageEntry[]; source: string } | { error: string }> {
  const tab = await aceTab();
  if (!tab) {
    return { error: 'No ACE Portal page is open. Open the ACE page that lists the entries (for example an ES-003 report), then choose "Add entries from this page" again.' };
  }
  const source = `ACE page "${shortTitle(tab.title)}"`;
  let entries: PageEntry[];
  try {
    entries = await sendToBackground('page:collect-entries', { tabId: tab.id });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { error: `Could not read the ${source} (${reason}). Reload the ACE page and try again.` };
  }
  if (entries.length === 0) {
    return { error: `CAPE Companion found no entry numbers on the ${source}. Check that the page lists entries and that the overlay is switched on.` };
  }
  return { entries, source };
}
