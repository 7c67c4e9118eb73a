import type { MessageHandlers } from './messages';
import type { PageEntry } from './page/entry-lookup';

/** Asks one frame of a tab for its entries. */
export type AskFrame = (tabId: number, frameId: number | undefined) => Promise<PageEntry[]>;

/**
 * Which frames of which tabs show entries, as their content scripts report it, so "Add entries from this page" reads
 * every frame (an ES-003 report inside a viewer frame included) without the webNavigation permission.
 */
export function pageEntriesHandlers(askFrame: AskFrame): MessageHandlers {
  const framesByTab = new Map<number, Map<number, number>>();
  return {
    'page:entries-changed'({ count }, sender) {
      if (sender.tabId === undefined) return null;
      let frames = framesByTab.get(sender.tabId);
      if (!frames) framesByTab.set(sender.tabId, (frames = new Map()));
      if (count > 0) frames.set(sender.frameId ?? 0, count);
      else frames.delete(sender.frameId ?? 0);
      return null;
    },
    async 'page:collect-entries'({ tabId }) {
      const frameIds = [...(framesByTab.get(tabId)?.keys() ?? [])];
      // A restarted background has forgotten the frames: the tab's first answering frame is better than nothing.
      const answers = await Promise.all(
        (frameIds.length ? frameIds : [undefined]).map((frameId) => askFrame(tabId, frameId).catch(() => [] as PageEntry[])),
      );
      const merged = new Map<string, PageEntry>();
      for (const entry of answers.flat()) if (!merged.has(entry.entryNumber)) merged.set(entry.entryNumber, entry);
      return [...merged.values()];
    },
  };
}
