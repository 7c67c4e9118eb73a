import { chromium, type BrowserContext } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const builtChromeExtension = resolve('.output/chrome-mv3');

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

export async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}
