import { browser } from '#imports';

/** The side panel page; `restage` names a claim whose rejected entries the panel stages again (issue 4). */
export function sidePanelPath(restageClaimNumber?: string): string {
  return restageClaimNumber === undefined ? 'sidepanel.html' : `sidepanel.html?restage=${encodeURIComponent(restageClaimNumber)}`;
}

interface ChromeSidePanel {
  open(options: { windowId: number }): Promise<void>;
  setOptions(options: { path?: string; enabled?: boolean }): Promise<void>;
  getOptions(options: { tabId?: number }): Promise<{ path?: string }>;
}

interface FirefoxSidebarAction {
  open(): Promise<void>;
  setPanel(details: { panel: string }): Promise<void>;
}

/** Which of the browsers' side panel APIs this build runs with (Chrome's sidePanel, Firefox's sidebarAction, or neither). */
function sidePanelApis(): { sidePanel?: ChromeSidePanel; sidebarAction?: FirefoxSidebarAction } {
  return browser as unknown as { sidePanel?: ChromeSidePanel; sidebarAction?: FirefoxSidebarAction };
}

/** What an opener needs before the click: the window and the panel's current page (both async, so read in advance). */
export interface SidePanelTarget {
  windowId?: number;
  currentPath?: string;
}

export async function readSidePanelTarget(): Promise<SidePanelTarget> {
  const target: SidePanelTarget = {};
  try {
    const window = await browser.windows.getCurrent();
    if (window.id !== undefined) target.windowId = window.id;
    const options = await sidePanelApis().sidePanel?.getOptions({});
    if (options?.path !== undefined) target.currentPath = options.path;
  } catch {
    // Without a window id the opener falls back to a tab.
  }
  return target;
}

function quietly(promise: Promise<unknown> | undefined): void {
  promise?.catch(() => undefined);
}

/**
 * Opens the side panel (Chrome), the sidebar (Firefox), or else the panel's page in a tab. Must be called straight from a
 * click handler: the browsers open panels only on a user gesture, so nothing is awaited before `open`. Never throws.
 */
export async function openSidePanel(target: SidePanelTarget, restageClaimNumber?: string): Promise<'side-panel' | 'sidebar' | 'tab' | 'failed'> {
  const path = sidePanelPath(restageClaimNumber);
  const { sidePanel, sidebarAction } = sidePanelApis();
  try {
    if (sidePanel && target.windowId !== undefined) {
      // Setting the same page again would reload an open panel.
      if (target.currentPath !== path) quietly(sidePanel.setOptions({ path }));
      await sidePanel.open({ windowId: target.windowId });
      return 'side-panel';
    }
    if (sidebarAction) {
      quietly(sidebarAction.setPanel({ panel: browser.runtime.getURL(`/${path}` as '/sidepanel.html') }));
      await sidebarAction.open();
      return 'sidebar';
    }
  } catch {
    // The gesture was lost or the API refused: a tab still shows the panel.
  }
  try {
    await browser.tabs.create({ url: browser.runtime.getURL(`/${path}` as '/sidepanel.html') });
    return 'tab';
  } catch {
    return 'failed';
  }
}
