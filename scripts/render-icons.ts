// Renders assets/icon.svg to public/icon/<size>.png (WXT puts them in the manifest) with Debian's Chromium.
// Run: npx tsx scripts/render-icons.ts [--preview <file.png>]
import { chromium } from '@playwright/test';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { chromiumExecutable, chromiumFlags } from '../tests/e2e/chromium-launch.ts';

process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';

/** Transparent margin per size: none where every pixel counts, the Chrome Web Store's 16 of 128 at store size. */
export const iconPadding: Record<number, number> = { 16: 0, 32: 1, 48: 2, 96: 8, 128: 16 };

const svg = readFileSync(new URL('../assets/icon.svg', import.meta.url), 'utf8');
const svgUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

function iconPage(size: number, padding: number): string {
  return `<!doctype html><html><body style="margin:0;background:transparent">
<img src="${svgUrl}" width="${size - 2 * padding}" height="${size - 2 * padding}" style="display:block;margin:${padding}px"></body></html>`;
}

/** All sizes side by side, enlarged without smoothing, on light and dark ground: for checking legibility by eye. */
function previewPage(pngUrls: Map<number, string>): string {
  const cells = [...pngUrls]
    .map(([size, url]) => `<figure><img src="${url}" style="width:${size * (size <= 32 ? 8 : 2)}px;image-rendering:pixelated"><img src="${url}"><figcaption>${size}px</figcaption></figure>`)
    .join('');
  return `<!doctype html><html><body style="margin:0;font:14px sans-serif">${['#ffffff', '#2b2a33']
    .map((ground) => `<div style="display:flex;gap:16px;align-items:end;padding:12px;background:${ground};color:#888">${cells}</div>`)
    .join('')}</body></html>`;
}

const browser = await chromium.launch({ headless: true, executablePath: chromiumExecutable(), args: chromiumFlags });
try {
  const outDir = new URL('../public/icon/', import.meta.url);
  mkdirSync(outDir, { recursive: true });
  const pngUrls = new Map<number, string>();
  for (const [size, padding] of Object.entries(iconPadding).map(([size, padding]) => [Number(size), padding] as const)) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(iconPage(size, padding));
    await page.locator('img').evaluate((image: HTMLImageElement) => image.decode());
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    writeFileSync(new URL(`${size}.png`, outDir), png);
    pngUrls.set(size, `data:image/png;base64,${png.toString('base64')}`);
    await page.close();
  }
  const previewIndex = process.argv.indexOf('--preview');
  if (previewIndex !== -1) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 600 } });
    await page.setContent(previewPage(pngUrls));
    await page.screenshot({ path: process.argv[previewIndex + 1] ?? 'icon-preview.png', fullPage: true });
    await page.close();
  }
} finally {
  await browser.close();
}
