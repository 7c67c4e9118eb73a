import { browser } from '#imports';
import { useEffect, useState } from 'preact/hooks';
import { HistorySearch } from '@/components/HistorySearch';
import { OverlaySwitch } from '@/components/OverlaySwitch';
import { openSidePanel, readSidePanelTarget, type SidePanelTarget } from '@/utils/open-side-panel';

/** Marks the popup's first useful paint (search box ready, recent claims shown) for the benchmark. */
function markReady(): void {
  performance.mark('cape-popup-ready');
  document.documentElement.dataset.popupReady = 'true';
}

export function Popup() {
  const [target, setTarget] = useState<SidePanelTarget>({});
  const [inTab, setInTab] = useState(false);
  useEffect(() => {
    void readSidePanelTarget().then(setTarget);
    // Opened as a page (tests, or a pinned tab) it must not close itself.
    void browser.tabs.getCurrent().then((tab) => setInTab(tab !== undefined), () => undefined);
  }, []);

  const closeIfPopup = () => {
    if (!inTab) window.close();
  };
  const openPanel = (restageClaimNumber?: string) => {
    void openSidePanel(target, restageClaimNumber).then((opened) => opened !== 'failed' && closeIfPopup());
  };
  const openOptions = () => {
    void browser.runtime.openOptionsPage().then(closeIfPopup, () => undefined);
  };

  return (
    <div class="popup">
      <header class="popup__header">
        <h1>CAPE Companion</h1>
        <OverlaySwitch />
      </header>
      <main>
        <HistorySearch autoFocus onReady={markReady} onRestage={openPanel} />
      </main>
      <footer class="popup__footer button-row">
        <button type="button" onClick={() => openPanel()}>
          Open side panel
        </button>
        <button type="button" onClick={openOptions}>
          Settings and history
        </button>
      </footer>
    </div>
  );
}
