import { localToday } from '@/utils/calendar-date';
import { handleMessages, sendToBackground } from '@/utils/messages';
import { startOverlay, type Overlay } from '@/utils/page/overlay';
import { historyRevision, overlayEnabled } from '@/utils/settings';
import { statusOptionsFrom, type StatusSettings } from '@/utils/status-options';
import { readStatusSettings, watchStatusSettings } from '@/utils/status-settings';

export default defineContentScript({
  matches: ['https://*.cbp.dhs.gov/*'],
  allFrames: true,
  runAt: 'document_idle',
  async main(ctx) {
    let settings: StatusSettings = await readStatusSettings();
    let overlay: Overlay | null = null;
    let overlayController: AbortController | null = null;

    const start = () => {
      if (overlay || ctx.signal.aborted) return;
      overlayController = new AbortController();
      ctx.signal.addEventListener('abort', () => overlayController?.abort(), { once: true });
      overlay = startOverlay(
        document,
        {
          lookup: async (entries) => new Map(await sendToBackground('history:lookup-entries', { entries, learnedOn: localToday() })),
          statusOptions: () => statusOptionsFrom(settings, localToday()),
          onError: (error) => console.debug('CAPE Companion:', error),
        },
        overlayController.signal,
      );
    };
    const stop = () => {
      overlayController?.abort();
      overlayController = null;
      overlay = null;
    };

    if (await overlayEnabled.getValue()) start();
    const unwatch = [
      overlayEnabled.watch((enabled) => (enabled ? start() : stop())),
      historyRevision.watch(() => overlay?.refresh()),
      watchStatusSettings(async () => {
        settings = await readStatusSettings();
        overlay?.refresh();
      }),
    ];
    ctx.onInvalidated(() => unwatch.forEach((stopWatching) => stopWatching()));
    ctx.addEventListener(window, 'wxt:locationchange', () => overlay?.rescan());
    const stopHandling = handleMessages({ 'page:entries': async () => (overlay ? (await overlay.idle(), overlay.entriesOnPage()) : []) });
    ctx.onInvalidated(stopHandling);
  },
});
