import { expect, test } from './extension-test';

test('the toolbar icon has its "Open the CAPE side panel" menu item after install', async ({ background }) => {
  // update() rejects for an item that does not exist, so resolving proves the item was made on install.
  await expect
    .poll(() =>
      background.evaluate(async () => {
        const menus = (globalThis as unknown as { chrome: { contextMenus: { update(id: string, changes: object): Promise<void> } } }).chrome.contextMenus;
        try {
          await menus.update('cape-open-side-panel', { title: 'Open the CAPE side panel' });
          return 'present';
        } catch (error) {
          return String(error);
        }
      }),
    )
    .toBe('present');
});
