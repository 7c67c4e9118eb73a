import { addActionMenu } from '@/utils/action-menu';
import { historyMessageHandlers } from '@/utils/background-handlers';
import { extensionHistoryDb } from '@/utils/extension-history-db';
import { handleMessages, sendToTab } from '@/utils/messages';
import { pageEntriesHandlers } from '@/utils/page-entries-registry';
import { historyRevision } from '@/utils/settings';
import { startToolbarBadge } from '@/utils/toolbar-badge';

export default defineBackground(() => {
  let latestRevision = 0;
  handleMessages({
    ...historyMessageHandlers({
      openDb: extensionHistoryDb,
      onHistoryChanged: async () => {
        // Counted in memory first, so two writes finishing together still make two distinct revisions.
        const stored = await historyRevision.getValue();
        latestRevision = Math.max(latestRevision, stored) + 1;
        const next = latestRevision;
        await historyRevision.setValue(next);
        return next;
      },
    }),
    ...pageEntriesHandlers((tabId, frameId) => sendToTab(tabId, 'page:entries', {}, frameId)),
  });
  startToolbarBadge(extensionHistoryDb);
  addActionMenu();
});
