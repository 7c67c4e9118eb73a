import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openSidePanel, readSidePanelTarget } from '../../utils/open-side-panel';

type Apis = { sidePanel?: unknown; sidebarAction?: unknown };
const apis = fakeBrowser as unknown as Apis;
const originalSidebarAction = apis.sidebarAction;

function chromeSidePanel(options: { path?: string; openFails?: boolean } = {}) {
  return {
    open: vi.fn(async () => {
      if (options.openFails) throw new Error('`sidePanel.open()` may only be called in response to a user gesture.');
    }),
    setOptions: vi.fn(async () => undefined),
    getOptions: vi.fn(async () => ({ path: options.path })),
  };
}

function firefoxSidebarAction(options: { openFails?: boolean } = {}) {
  return {
    open: vi.fn(async () => {
      if (options.openFails) throw new Error('sidebarAction.open may only be called from a user input handler');
    }),
    setPanel: vi.fn(async () => undefined),
  };
}

function currentWindowIs(id: number) {
  vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id, focused: true, incognito: false, alwaysOnTop: false });
}

const panelUrl = (path: string) => fakeBrowser.runtime.getURL(`/${path}` as '/sidepanel.html');

beforeEach(() => {
  fakeBrowser.reset();
  delete apis.sidePanel;
  delete apis.sidebarAction;
});

afterEach(() => {
  vi.restoreAllMocks();
  delete apis.sidePanel;
  apis.sidebarAction = originalSidebarAction;
});

describe('openSidePanel', () => {
  it("uses Chrome's side panel in the given window, switching its page only when it differs", async () => {
    const sidePanel = chromeSidePanel();
    apis.sidePanel = sidePanel;
    apis.sidebarAction = firefoxSidebarAction();
    await expect(openSidePanel({ windowId: 7, currentPath: 'sidepanel.html' })).resolves.toBe('side-panel');
    expect(sidePanel.open).toHaveBeenCalledWith({ windowId: 7 });
    expect(sidePanel.setOptions).not.toHaveBeenCalled();

    await expect(openSidePanel({ windowId: 7, currentPath: 'sidepanel.html' }, 'ABC1234567')).resolves.toBe('side-panel');
    expect(sidePanel.setOptions).toHaveBeenCalledWith({ path: 'sidepanel.html?restage=ABC1234567' });
  });

  it("uses Firefox's sidebar where Chrome's sidePanel is missing, with the requested page", async () => {
    const sidebarAction = firefoxSidebarAction();
    apis.sidebarAction = sidebarAction;
    await expect(openSidePanel({ windowId: 3 }, 'ABC 1/2')).resolves.toBe('sidebar');
    expect(sidebarAction.setPanel).toHaveBeenCalledWith({ panel: panelUrl('sidepanel.html?restage=ABC%201%2F2') });
    expect(sidebarAction.open).toHaveBeenCalledOnce();
  });

  it('opens the panel page in a tab where neither browser API exists', async () => {
    await expect(openSidePanel({})).resolves.toBe('tab');
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(panelUrl('sidepanel.html'));
  });

  it("falls back to a tab when Chrome's panel has no window to open in", async () => {
    apis.sidePanel = chromeSidePanel();
    await expect(openSidePanel({})).resolves.toBe('tab');
  });

  it('falls back to a tab, without throwing, when the browser refuses to open the panel or sidebar', async () => {
    apis.sidePanel = chromeSidePanel({ openFails: true });
    await expect(openSidePanel({ windowId: 1 })).resolves.toBe('tab');
    delete apis.sidePanel;
    apis.sidebarAction = firefoxSidebarAction({ openFails: true });
    await expect(openSidePanel({ windowId: 1 })).resolves.toBe('tab');
  });

  it("reports 'failed' instead of throwing when not even a tab can be opened", async () => {
    vi.spyOn(fakeBrowser.tabs, 'create').mockRejectedValueOnce(new Error('no window'));
    await expect(openSidePanel({})).resolves.toBe('failed');
  });
});

describe('readSidePanelTarget', () => {
  it("reads the current window and Chrome's current panel page", async () => {
    currentWindowIs(42);
    apis.sidePanel = chromeSidePanel({ path: 'sidepanel.html?restage=X' });
    expect(await readSidePanelTarget()).toEqual({ windowId: 42, currentPath: 'sidepanel.html?restage=X' });
  });

  it('reads the window alone in Firefox, and nothing rather than throwing when the window is unknown', async () => {
    currentWindowIs(5);
    apis.sidebarAction = firefoxSidebarAction();
    expect(await readSidePanelTarget()).toEqual({ windowId: 5 });
    vi.mocked(fakeBrowser.windows.getCurrent).mockRejectedValueOnce(new Error('no window'));
    await expect(readSidePanelTarget()).resolves.toEqual({});
  });
});
