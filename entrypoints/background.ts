import { historyMessageHandlers } from '@/utils/background-handlers';
import { extensionHistoryDb } from '@/utils/extension-history-db';
import { handleMessages } from '@/utils/messages';
import { historyRevision } from '@/utils/settings';
import { startToolbarBadge } from '@/utils/toolbar-badge';

export default defineBackground(() => {
  handleMessages(
    historyMessageHandlers({
      onHistoryChanged: async () => historyRevision.setValue((await historyRevision.getValue()) + 1),
    }),
  );
  startToolbarBadge(extensionHistoryDb);
});
