import { historyMessageHandlers } from '@/utils/background-handlers';
import { handleMessages } from '@/utils/messages';
import { historyRevision } from '@/utils/settings';

export default defineBackground(() => {
  handleMessages(
    historyMessageHandlers({
      onHistoryChanged: async () => historyRevision.setValue((await historyRevision.getValue()) + 1),
    }),
  );
});
