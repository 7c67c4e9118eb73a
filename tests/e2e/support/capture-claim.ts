import type { Page } from '@playwright/test';

/**
 * Sends the background, from an extension page, what claim capture sends from a CAPE page: one accepted claim holding
 * `entryNumber`. Goes through the extension's own message handler and history store.
 */
export async function captureClaimFor(extensionPage: Page, entryNumber: string, claimNumber: string): Promise<void> {
  await extensionPage.evaluate(
    async ([entryNumber, claimNumber]) => {
      const updatedAt = new Date().toISOString();
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: object): Promise<{ ok: boolean; error?: string }> } } }).chrome.runtime;
      const reply = await runtime.sendMessage({
        type: 'history:capture-claims',
        claims: [{ claim: { claimNumber, aceStatus: 'accepted', source: 'captured', notes: '', updatedAt }, entries: [{ claimNumber, entryNumber, outcome: 'accepted', updatedAt }] }],
      });
      if (!reply.ok) throw new Error(reply.error);
    },
    [entryNumber, claimNumber] as const,
  );
}
