import { historyMessageHandlers } from '@/utils/background-handlers';
import { extensionHistoryDb } from '@/utils/extension-history-db';
import { handleMessages, sendToTab } from '@/utils/messages';
import { pageEntriesHandlers } from '@/utils/page-entries-registry';
import { historyRevision } from '@/utils/settings';
import { startToolbarBadge } from '@/utils/toolbar-badge';

export default defineBackground(() => {
  handleMessages({
    ...historyMessageHandlers({
      onHistoryChanged: async () => historyRevision.setValue((await historyRevision.getValue()) + 1),
    }),
    ...pageEntriesHandlers((tabId, frameId) => sendToTab(tabId, 'page:entries', {}, frameId)),
  });
  startToolbarBadge(extensionHistoryDb);
});
