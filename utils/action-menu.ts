import { browser } from '#imports';
import { openSidePanel } from './open-side-panel';

const openSidePanelItem = 'cape-open-side-panel';

/** "Open the CAPE side panel" on the toolbar icon's own right-click menu (issue 4: opens from the action's context menu). */
export function addActionMenu(): void {
  const create = () => {
    browser.contextMenus.removeAll().then(
      () => browser.contextMenus.create({ id: openSidePanelItem, title: 'Open the CAPE side panel', contexts: ['action'] }),
      () => undefined,
    );
  };
  browser.runtime.onInstalled.addListener(create);
  browser.runtime.onStartup.addListener(create);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== openSidePanelItem) return;
    // Opened straight from the click: the browsers open panels only on a user gesture.
    void openSidePanel(tab?.windowId === undefined ? {} : { windowId: tab.windowId });
  });
}
