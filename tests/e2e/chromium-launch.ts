import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The built extension under test; npm test points this at a snapshot of the build, so a rebuild meanwhile cannot pull files away. */
export const builtChromeExtension = resolve(process.env.CAPE_EXTENSION_DIR ?? '.output/chrome-mv3');

/** The flags every launch uses (DEVELOPERS.md): no sandbox as root, no background traffic of Chromium's own. */
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumExecutable(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export function freshProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'cape-profile-'));
}

/** Chromium with the built extension loaded, on the given (or a fresh) profile. */
export async function launchWithExtension(options: { profileDir?: string; headless?: boolean; extensionDir?: string } = {}): Promise<BrowserContext> {
  const extensionDir = options.extensionDir ?? builtChromeExtension;
  return chromium.launchPersistentContext(options.profileDir ?? freshProfileDir(), {
    headless: options.headless ?? true,
    executablePath: chromiumExecutable(),
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...chromiumFlags],
    viewport: { width: 1280, height: 900 },
  });
}

/** Chromium names an unpacked extension after its folder: SHA-256 of the path, first 32 hex digits spelled a–p. */
export function unpackedExtensionId(extensionDir: string = builtChromeExtension): string {
  const digest = createHash('sha256').update(realpathSync(extensionDir)).digest('hex').slice(0, 32);
  return Array.from(digest, (hex) => String.fromCharCode(97 + Number.parseInt(hex, 16))).join('');
}

export async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0];
  return worker ? new URL(worker.url()).host : unpackedExtensionId();
}

/** The extension's service worker; waking it with an extension page when Chromium has not started it yet. */
export async function backgroundWorker(context: BrowserContext, extensionId: string): Promise<Worker> {
  const ours = () => context.serviceWorkers().find((worker) => worker.url().startsWith(`chrome-extension://${extensionId}/`));
  for (let attempt = 0; attempt < 300 && !ours(); attempt++) {
    if (attempt === 50 || attempt === 150) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`).catch(() => undefined);
      await page.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const worker = ours();
  if (!worker) throw new Error(`The extension's service worker (chrome-extension://${extensionId}) did not start: is .output/chrome-mv3 built?`);
  return worker;
}
