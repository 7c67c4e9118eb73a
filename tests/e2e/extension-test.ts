import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mockAceToday, serveMockAce, type MockAce, type UnexpectedRequest } from './ace-routes';
import { backgroundWorker, extensionIdOf, freshProfileDir, launchWithExtension } from './chromium-launch';

export interface ExtensionFixtures {
  /** Chromium with the built extension, a fresh profile, the mock ACE Portal at its real addresses, every other request refused. */
  context: BrowserContext;
  profileDir: string;
  extensionId: string;
  background: Worker;
  /** The mock ACE Portal at its real addresses; every other request is refused and recorded, and each test ends by asserting there were none. */
  mockAce: MockAce;
  unexpectedRequests: UnexpectedRequest[];
  openExtensionPage: (path: 'popup.html' | 'sidepanel.html' | string) => Promise<Page>;
}

export const test = base.extend<ExtensionFixtures>({
  profileDir: async ({}, use) => {
    await use(freshProfileDir());
  },
  context: async ({ profileDir }, use) => {
    const context = await launchWithExtension({ profileDir });
    await use(context);
    await context.close();
  },
  mockAce: [
    async ({ context }, use) => {
      const mockAce = await serveMockAce(context);
      await use(mockAce);
      expect(mockAce.unexpectedRequests, 'requests left for somewhere other than the mock ACE Portal').toEqual([]);
    },
    { auto: true },
  ],
  unexpectedRequests: async ({ mockAce }, use) => {
    await use(mockAce.unexpectedRequests);
  },
  extensionId: async ({ context }, use) => {
    await use(await extensionIdOf(context));
  },
  background: async ({ context, extensionId }, use) => {
    await use(await backgroundWorker(context, extensionId));
  },
  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },
});

export { expect, mockAceToday };

/** Pins the date verdicts and countdowns are computed for (the "check as of" setting) to the fixtures' today. */
export async function useFixtureToday(background: Worker): Promise<void> {
  await setSettings(background, { checkAsOfDate: mockAceToday });
}

/** Sets extension settings (local storage keys of utils/settings.ts) from the background, before pages load. */
export async function setSettings(background: Worker, values: Record<string, unknown>): Promise<void> {
  await background.evaluate(async (entries) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } } }).chrome;
    await api.storage.local.set(entries);
  }, values);
}
