/**
 * Popup benchmark in real Chromium with the built extension: 250,000 claim entries in the extension's own IndexedDB,
 * then the popup's lookup (typed text → details shown, the code path the user hits) and its first useful paint.
 * Run: npx wxt build && npx tsx tests/bench/popup-bench.ts
 * Seeding takes a minute or two on a small machine, so the seeded profile is kept in .output/bench-cache and reused.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { entryCheckDigit } from '../../utils/entry-check-digit';
import { formatEntryNumber } from '../../utils/entry-number';
import { HISTORY_SCHEMA_VERSION } from '../../utils/history-schema';
import { builtChromeExtension, extensionIdOf, launchWithExtension } from '../e2e/chromium-launch';

const claimEntryCount = 250_000;
const entriesPerClaim = 500;
const ledgerEntryCount = 50_000;
const entryLookups = 200;
const claimLookups = 50;
const popupOpens = 15;
const seedChunk = 25_000;
const lookupGoalMs = 20;

/** Deterministic pseudo-random numbers, so every run seeds and looks up the same entries. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const filerCodes = ['W5R', 'ABC', '316', 'B2X', 'K9P', '7DM', 'QX4', 'M2T'];

function entryNumberAt(index: number): string {
  const firstTen = `${filerCodes[index % filerCodes.length]}${String(1_000_000 + Math.floor(index / filerCodes.length) * 7).padStart(7, '0').slice(-7)}`;
  return `${firstTen}${entryCheckDigit(firstTen)}`;
}

function claimNumberAt(index: number): string {
  return `CAPE-26-${String(100_000 + index).padStart(7, '0')}`;
}

interface SeedRecords {
  claims: object[];
  claimEntries: object[];
  entryLedger: object[];
}

const aceErrors = ['ENTRY ON DRAWBACK', 'ENTRY SUMMARY FLAGGED FOR RECON', 'UNABLE TO CALCULATE DUTY', 'INVALID HTS'];
const reasonCodes = ['drawback', 'reconciliation', 'unable-to-calculate-duty', 'invalid-hts'];

/** Records of claims [from, to) in the shape the history schema stores (history-schema.ts, v2). */
function seedRecords(fromEntry: number, toEntry: number, next: () => number): SeedRecords {
  const records: SeedRecords = { claims: [], claimEntries: [], entryLedger: [] };
  for (let index = fromEntry; index < toEntry; index++) {
    const claimIndex = Math.floor(index / entriesPerClaim);
    const claimNumber = claimNumberAt(claimIndex);
    const updatedAt = new Date(Date.UTC(2026, 4, 1) + claimIndex * 3_600_000).toISOString();
    if (index % entriesPerClaim === 0) {
      records.claims.push({
        claimNumber,
        filedDate: updatedAt.slice(0, 10),
        aceStatus: claimIndex % 10 === 0 ? 'accepted-with-errors' : 'accepted',
        entryCount: entriesPerClaim,
        source: 'captured',
        notes: '',
        updatedAt,
      });
    }
    const entryNumber = entryNumberAt(index);
    const roll = next();
    if (roll < 0.08) {
      const which = Math.floor(next() * aceErrors.length);
      records.claimEntries.push({ claimNumber, entryNumber, outcome: 'rejected', aceErrorText: aceErrors[which], reasonCode: reasonCodes[which], updatedAt });
    } else {
      records.claimEntries.push({ claimNumber, entryNumber, outcome: roll < 0.1 ? 'pending' : 'accepted', updatedAt });
    }
    if (index % (claimEntryCount / ledgerEntryCount) === 0) {
      const learned = (value: unknown) => ({ value, source: 'page', learnedOn: '2026-11-20' });
      const liquidated = next() < 0.5;
      records.entryLedger.push({
        entryNumber,
        facts: {
          entryType: learned('01'),
          entrySummaryDate: learned('2026-01-15'),
          liquidationStatus: learned(liquidated ? 'liquidated' : 'unliquidated'),
          ...(liquidated ? { liquidationDate: learned('2026-10-01') } : {}),
          tariffLines: learned([{ htsNumber: '9903.01.25', dutyAmount: Math.round(next() * 500_000) / 100 }]),
        },
        updatedAt,
      });
    }
  }
  return records;
}

/** Runs in the extension page: writes one chunk in one transaction, without waiting on each request. */
async function writeChunk(json: string): Promise<void> {
  const records = JSON.parse(json) as SeedRecords;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('cape-companion');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const transaction = db.transaction(['claims', 'claimEntries', 'entryLedger'], 'readwrite', { durability: 'relaxed' });
  for (const store of ['claims', 'claimEntries', 'entryLedger'] as const) {
    const objectStore = transaction.objectStore(store);
    for (const record of records[store]) objectStore.put(record);
  }
  await new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
  db.close();
}

/** Runs in the popup: types each text into the lookup box and times until the details of the expected entry or claim are shown. */
async function timeLookups(items: Array<{ text: string; selector: string }>): Promise<number[]> {
  const box = document.querySelector<HTMLInputElement>('#lookup-input')!;
  const shown = (selector: string) =>
    new Promise<void>((resolve, reject) => {
      if (document.querySelector(selector)) return resolve();
      const timeout = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`not shown within 5 s: ${selector}`));
      }, 5000);
      const observer = new MutationObserver(() => {
        if (!document.querySelector(selector)) return;
        clearTimeout(timeout);
        observer.disconnect();
        resolve();
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    });
  const timings: number[] = [];
  for (const item of items) {
    box.value = '';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const started = performance.now();
    box.value = item.text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await shown(item.selector);
    timings.push(performance.now() - started);
  }
  return timings;
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.waitForSelector('html[data-popup-ready="true"]', { state: 'attached' });
  // tsx keeps function names with a helper the page lacks.
  await page.evaluate('globalThis.__name = (fn) => fn');
  return page;
}

/** Seeded profiles are kept here between runs, keyed by what they hold; CAPE_BENCH_RESEED=1 seeds again. */
const cacheRoot = resolve('.output/bench-cache');
/** Bump when seedRecords writes different records. */
const seedFormat = 1;

function launchFor(extensionDir: string, profileDir: string): Promise<BrowserContext> {
  return launchWithExtension({ extensionDir, profileDir });
}

async function refuseNetwork(context: BrowserContext, requests: string[]): Promise<void> {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    // The extension's own files are not network requests.
    if (url.startsWith('chrome-extension:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
}

/** Writes every seed record from an extension page, in chunks of one transaction each; returns the time taken. */
async function seedHistory(context: BrowserContext, extensionId: string): Promise<number> {
  // Opening the popup creates the database at the current schema version.
  const seeder = await openPopup(context, extensionId);
  const next = random(20260420);
  const started = performance.now();
  for (let from = 0; from < claimEntryCount; from += seedChunk) {
    // One JSON string crosses to the page far faster than the same records as objects.
    await seeder.evaluate(writeChunk, JSON.stringify(seedRecords(from, Math.min(claimEntryCount, from + seedChunk), next)));
  }
  const seedMs = performance.now() - started;
  await seeder.close();
  return seedMs;
}

export async function runPopupBench(): Promise<Record<string, number>> {
  if (!existsSync(`${builtChromeExtension}/manifest.json`)) throw new Error('No built extension in .output/chrome-mv3: run `npx wxt build` first.');
  // A private copy at a fixed path: a build started meanwhile cannot pull files away, and the extension id (and so its database) stays the same.
  const extensionDir = join(cacheRoot, 'popup-extension');
  rmSync(extensionDir, { recursive: true, force: true });
  cpSync(builtChromeExtension, extensionDir, { recursive: true });
  const seededProfile = join(cacheRoot, `popup-profile-schema${HISTORY_SCHEMA_VERSION}-${claimEntryCount}-${entriesPerClaim}-${ledgerEntryCount}-seed${seedFormat}`);
  const reuse = process.env.CAPE_BENCH_RESEED !== '1' && existsSync(join(seededProfile, 'seeded'));
  const profileDir = mkdtempSync(join(tmpdir(), 'cape-bench-profile-'));
  const requests: string[] = [];
  let seedMs = 0;
  if (reuse) {
    cpSync(join(seededProfile, 'profile'), profileDir, { recursive: true });
  } else {
    const seeding = await launchFor(extensionDir, profileDir);
    try {
      await refuseNetwork(seeding, requests);
      seedMs = await seedHistory(seeding, await extensionIdOf(seeding));
    } finally {
      await seeding.close();
    }
    rmSync(seededProfile, { recursive: true, force: true });
    cpSync(profileDir, join(seededProfile, 'profile'), { recursive: true });
    writeFileSync(join(seededProfile, 'seeded'), `${new Date().toISOString()}\n`);
  }

  // Measured in a fresh browser start on the seeded profile, as a user would open the popup.
  const context = await launchFor(extensionDir, profileDir);
  try {
    await refuseNetwork(context, requests);
    const extensionId = await extensionIdOf(context);
    const pick = random(7);
    const entryItems = Array.from({ length: entryLookups }, () => {
      const entryNumber = entryNumberAt(Math.floor(pick() * claimEntryCount));
      return { text: formatEntryNumber(entryNumber), selector: `[data-detail="entry"][data-entry-number="${entryNumber}"] .verdict-pill` };
    });
    const claimItems = Array.from({ length: claimLookups }, () => {
      const claimNumber = claimNumberAt(Math.floor(pick() * (claimEntryCount / entriesPerClaim)));
      return { text: claimNumber, selector: `[data-detail="claim"][data-claim-number="${claimNumber}"]` };
    });

    const readyTimings: number[] = [];
    const domContentLoaded: number[] = [];
    for (let open = 0; open < popupOpens; open++) {
      const page = await openPopup(context, extensionId);
      const [ready, loaded] = await page.evaluate(() => [
        performance.getEntriesByName('cape-popup-ready')[0]!.startTime,
        (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
      ]);
      readyTimings.push(ready!);
      domContentLoaded.push(loaded!);
      await page.close();
    }

    const popup = await openPopup(context, extensionId);
    const stored = await popup.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('cape-companion');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('claimEntries').objectStore('claimEntries').count();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          };
        }),
    );
    if (stored !== claimEntryCount) throw new Error(`The history holds ${stored} claim entries, not ${claimEntryCount}: run again with CAPE_BENCH_RESEED=1.`);
    // Warm-up: the first lookups compile code paths the rest reuse.
    await popup.evaluate(timeLookups, entryItems.slice(0, 5));
    const entryTimings = await popup.evaluate(timeLookups, entryItems);
    const claimTimings = await popup.evaluate(timeLookups, claimItems);
    await popup.close();
    if (requests.length > 0) throw new Error(`The extension made network requests: ${requests.join(', ')}`);

    const figures: Record<string, number> = {
      claimEntries: claimEntryCount,
      ...(reuse ? {} : { seedMs }),
      entryLookupMedianMs: percentile(entryTimings, 0.5),
      entryLookupP95Ms: percentile(entryTimings, 0.95),
      claimLookupMedianMs: percentile(claimTimings, 0.5),
      claimLookupP95Ms: percentile(claimTimings, 0.95),
      popupReadyMedianMs: percentile(readyTimings, 0.5),
      popupReadyP95Ms: percentile(readyTimings, 0.95),
      popupDomContentLoadedMedianMs: percentile(domContentLoaded, 0.5),
    };
    console.log(`Popup benchmark: real Chromium, ${claimEntryCount.toLocaleString('en-US')} claim entries in ${claimEntryCount / entriesPerClaim} claims, ${ledgerEntryCount.toLocaleString('en-US')} entries with facts`);
    console.log(
      reuse
        ? `  seeding: reused the profile seeded earlier (${seededProfile}; CAPE_BENCH_RESEED=1 seeds again)`
        : `  seeding (bulk writes from an extension page, one transaction per ${seedChunk.toLocaleString('en-US')} entries): ${(seedMs / 1000).toFixed(1)} s, ${Math.round(claimEntryCount / (seedMs / 1000)).toLocaleString('en-US')} claim entries/s`,
    );
    console.log(
      `  entry lookup, typed → details shown (${entryLookups} random entries): median ${ms(figures.entryLookupMedianMs!)} (goal < ${lookupGoalMs} ms${figures.entryLookupMedianMs! < lookupGoalMs ? ', met' : ', MISSED'}), p95 ${ms(figures.entryLookupP95Ms!)}`,
    );
    console.log(`  claim lookup, typed → details shown (${claimLookups} claims of ${entriesPerClaim} entries): median ${ms(figures.claimLookupMedianMs!)}, p95 ${ms(figures.claimLookupP95Ms!)}`);
    console.log(
      `  popup first useful paint, navigation start → box ready and recent claims shown (${popupOpens} opens): median ${ms(figures.popupReadyMedianMs!)}, p95 ${ms(figures.popupReadyP95Ms!)} (the page's own DOMContentLoaded: median ${ms(figures.popupDomContentLoadedMedianMs!)})`,
    );
    return figures;
  } finally {
    await context.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runPopupBench().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
