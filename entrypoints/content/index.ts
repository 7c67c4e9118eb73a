import { localToday } from '@/utils/calendar-date';
import { handleMessages, sendToBackground } from '@/utils/messages';
import { isBadgeHost } from '@/utils/page/badge';
import { showCaptureNotice } from '@/utils/page/capture-notice';
import { startOverlay, type Overlay } from '@/utils/page/overlay';
import { watchClaimsOnPage } from '@/utils/page/watch-claims-on-page';
import { captureClaimsEnabled, historyRevision, overlayEnabled } from '@/utils/settings';
import { statusOptionsFrom, type StatusSettings } from '@/utils/status-options';
import { readStatusSettings, watchStatusSettings } from '@/utils/status-settings';

export default defineContentScript({
  matches: ['https://*.cbp.dhs.gov/*'],
  allFrames: true,
  runAt: 'document_idle',
  async main(ctx) {
    let settings: StatusSettings = await readStatusSettings();
    let overlay: Overlay | null = null;
    let reportedCount = 0;
    // History changes this page made itself (its own facts, just learned) need no refresh. A change is told to every page
    // before the answer that names it arrives, so changes seen while lookups are out wait for their answers.
    const ownRevisions = new Set<number>();
    let lookupsOut = 0;
    let revisionsSeenMeanwhile: number[] = [];
    const onHistoryChanged = (revisions: number[]) => {
      if (revisions.some((revision) => !ownRevisions.delete(revision))) overlay?.refresh();
    };
    let overlayController: AbortController | null = null;

    const start = () => {
      if (overlay || ctx.signal.aborted) return;
      overlayController = new AbortController();
      ctx.signal.addEventListener('abort', () => overlayController?.abort(), { once: true });
      overlay = startOverlay(
        document,
        {
          lookup: async (entries) => {
            lookupsOut += 1;
            try {
              const answer = await sendToBackground('history:lookup-entries', { entries, learnedOn: localToday() });
              if (answer.learnedRevision !== undefined) ownRevisions.add(answer.learnedRevision);
              return new Map(answer.entries);
            } finally {
              lookupsOut -= 1;
              if (lookupsOut === 0 && revisionsSeenMeanwhile.length) {
                const seen = revisionsSeenMeanwhile;
                revisionsSeenMeanwhile = [];
                onHistoryChanged(seen);
              }
            }
          },
          statusOptions: () => statusOptionsFrom(settings, localToday()),
          onError: (error) => console.debug('CAPE Companion:', error),
          onEntriesChanged: (count) => {
            if (count === reportedCount) return;
            reportedCount = count;
            void sendToBackground('page:entries-changed', { count }).catch(() => undefined);
          },
        },
        overlayController.signal,
      );
    };
    const stop = () => {
      reportedCount = 0;
      void sendToBackground('page:entries-changed', { count: 0 }).catch(() => undefined);
      overlayController?.abort();
      overlayController = null;
      overlay = null;
    };

    let captureController: AbortController | null = null;
    const startCapture = () => {
      if (captureController || ctx.signal.aborted) return;
      const controller = (captureController = new AbortController());
      ctx.signal.addEventListener('abort', () => controller.abort(), { once: true });
      watchClaimsOnPage(document, {
        signal: controller.signal,
        save: (claims) => sendToBackground('history:capture-claims', { claims }),
        onSaved: (summary) => showCaptureNotice(summary, { onTurnOff: () => void captureClaimsEnabled.setValue(false), signal: controller.signal }),
        onError: (error) => console.debug('CAPE Companion:', error),
        isOwnNode: (node) => isBadgeHost(node) || (node instanceof Element && node.matches('[data-cape-notice], [data-cape-tooltip]')),
      });
    };
    const stopCapture = () => {
      captureController?.abort();
      captureController = null;
    };

    if (await overlayEnabled.getValue()) start();
    if (await captureClaimsEnabled.getValue()) startCapture();
    const unwatch = [
      overlayEnabled.watch((enabled) => (enabled ? start() : stop())),
      captureClaimsEnabled.watch((enabled) => (enabled ? startCapture() : stopCapture())),
      historyRevision.watch((revision) => {
        if (lookupsOut > 0) revisionsSeenMeanwhile.push(revision);
        else onHistoryChanged([revision]);
      }),
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
