/**
 * Serves the mock ACE Portal (tests/fixtures/ace) at ACE's real addresses inside a Playwright context,
 * and aborts and records every other network request, so a test can assert the extension made none.
 */
import type { BrowserContext, Request, Route } from '@playwright/test';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateClaimDetails, renderClaimDetailsHtml, type GeneratedClaimDetails } from '../fixtures/ace/generate-claim-details';
import {
  generateEs003Rows,
  renderEs003Csv,
  renderEs003Html,
  type Es003Generated,
  type ExpectedVerdict,
} from '../fixtures/ace/generate-es003';

export const aceOrigin = 'https://ace.cbp.dhs.gov';
export const aceUrlPattern = 'https://*.cbp.dhs.gov/**';
export const mockAceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'ace');
/** The "today" the fixtures' expectations are written for (README.md). */
export const mockAceToday = '2026-11-23';

export interface MockAceOptions {
  /** Today for generated reports (dates are relative to it); defaults to mockAceToday. */
  today?: string;
}

export interface UnexpectedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** Who asked: a page frame (with its URL), an extension page, a service worker, or unknown. */
  initiator: 'page' | 'extension-page' | 'service-worker' | 'unknown';
  frameUrl?: string;
}

export interface MockAce {
  origin: string;
  /** `https://ace.cbp.dhs.gov` + path. */
  url(path: string): string;
  /** ACE URLs answered from fixtures or the generator. */
  served: string[];
  /** ACE URLs answered with the 404 page. */
  notFound: string[];
  /** Everything else, aborted; a passing test leaves this empty. */
  unexpectedRequests: UnexpectedRequest[];
  /** Truth of a generated report served at this URL (same rows, seed and today as the page). */
  generatedReport(url: string): Es003Generated;
  /** Truth of the generated claim-details page served at this URL. */
  generatedClaim(url: string): GeneratedClaimDetails;
  /** Removes both routes. */
  dispose(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Requests the browser serves without the network; context.route never sees most of them, and they are never ours to block. */
const localSchemes = ['chrome-extension:', 'moz-extension:', 'data:', 'blob:', 'about:', 'chrome:', 'devtools:'];

const generatedPaths = new Set(['/reports/es003-large.html', '/reports/es003-large.csv']);
const maxGeneratedRows = 1_000_000;
const generatedClaimPath = '/cape/claim-details-large.html';

/** The claim served at `address` (`?entries=N&seed=S`, as many entries as a CAPE Declaration holds at most by default). */
function generatedClaim(address: string): GeneratedClaimDetails {
  const url = new URL(address, aceOrigin);
  const entries = Number(url.searchParams.get('entries') ?? 9_999);
  const seed = Number(url.searchParams.get('seed') ?? 1);
  return generateClaimDetails({ entries: Number.isInteger(entries) && entries > 0 ? Math.min(entries, 9_999) : 9_999, seed: Number.isInteger(seed) ? seed : 1 });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** URL path → fixture file, or null (404). Query strings are ignored; paths cannot leave the fixture folder. */
export async function fixtureFileFor(pathname: string, root: string = mockAceRoot): Promise<string | null> {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.split('/').includes('..')) return null;
  if (path.endsWith('/')) path += 'index.html';
  const candidates = [path];
  if (!extname(path)) candidates.push(`${path}.html`, `${path}/index.html`);
  for (const candidate of candidates) {
    const file = resolve(root, '.' + candidate);
    if (!file.startsWith(root + sep)) return null;
    if (await isFile(file)) return file;
  }
  // Single-page app: any deeper route loads the app, which renders the route itself.
  if (path.startsWith('/spa/')) return join(root, 'spa', 'index.html');
  return null;
}

function requestInitiator(request: Request): Pick<UnexpectedRequest, 'initiator' | 'frameUrl'> {
  if (request.serviceWorker()) return { initiator: 'service-worker' };
  try {
    const frameUrl = request.frame().url();
    return { initiator: /^(chrome|moz)-extension:/.test(frameUrl) ? 'extension-page' : 'page', frameUrl };
  } catch {
    return { initiator: 'unknown' };
  }
}

function generatedParams(url: URL): { rows: number; seed: number } {
  const rows = Number(url.searchParams.get('rows') ?? 10_000);
  const seed = Number(url.searchParams.get('seed') ?? 1);
  return {
    rows: Number.isInteger(rows) && rows > 0 ? Math.min(rows, maxGeneratedRows) : 10_000,
    seed: Number.isInteger(seed) ? seed : 1,
  };
}

/**
 * Routes `https://*.cbp.dhs.gov/**` to the mock portal (host ignored) and aborts every other request.
 * Call before opening pages; assert `unexpectedRequests` is empty at the end of the test.
 */
export async function serveMockAce(context: BrowserContext, options: MockAceOptions = {}): Promise<MockAce> {
  const today = options.today ?? mockAceToday;
  const served: string[] = [];
  const notFound: string[] = [];
  const unexpectedRequests: UnexpectedRequest[] = [];
  const generatedCache = new Map<string, Es003Generated>();

  const generatedReport = (address: string): Es003Generated => {
    const { rows, seed } = generatedParams(new URL(address, aceOrigin));
    const key = `${rows}:${seed}`;
    let generated = generatedCache.get(key);
    if (!generated) {
      generated = generateEs003Rows({ rows, seed, today });
      generatedCache.set(key, generated);
    }
    return generated;
  };

  const blockOthers = async (route: Route) => {
    const request = route.request();
    if (localSchemes.some((scheme) => request.url().startsWith(scheme))) return route.fallback();
    unexpectedRequests.push({ url: request.url(), method: request.method(), resourceType: request.resourceType(), ...requestInitiator(request) });
    return route.abort('blockedbyclient');
  };

  const serveAce = async (route: Route) => {
    const request = route.request();
    const who = requestInitiator(request);
    if (who.initiator !== 'page') {
      // The extension's own pages and workers must never call ACE either.
      unexpectedRequests.push({ url: request.url(), method: request.method(), resourceType: request.resourceType(), ...who });
      return route.abort('blockedbyclient');
    }
    const url = new URL(request.url());
    if (url.pathname === generatedClaimPath) {
      served.push(request.url());
      return route.fulfill({ status: 200, contentType: contentTypes['.html'], body: renderClaimDetailsHtml(generatedClaim(request.url())) });
    }
    if (generatedPaths.has(url.pathname)) {
      const generated = generatedReport(request.url());
      const csv = url.pathname.endsWith('.csv');
      served.push(request.url());
      return route.fulfill({
        status: 200,
        contentType: csv ? contentTypes['.csv'] : contentTypes['.html'],
        body: csv ? renderEs003Csv(generated.rows) : renderEs003Html(generated.rows),
      });
    }
    const file = await fixtureFileFor(url.pathname);
    if (file === null) {
      notFound.push(request.url());
      return route.fulfill({ status: 404, contentType: contentTypes['.html'], body: await readFile(join(mockAceRoot, '404.html')) });
    }
    served.push(request.url());
    return route.fulfill({
      status: 200,
      contentType: contentTypes[extname(file)] ?? 'application/octet-stream',
      body: await readFile(file),
    });
  };

  // Playwright tries the most recently registered route first: the catch-all goes in first.
  await context.route('**', blockOthers);
  await context.route(aceUrlPattern, serveAce);

  return {
    origin: aceOrigin,
    url: (path: string) => aceOrigin + (path.startsWith('/') ? path : `/${path}`),
    served,
    notFound,
    unexpectedRequests,
    generatedReport,
    generatedClaim,
    dispose: async () => {
      await context.unroute(aceUrlPattern, serveAce);
      await context.unroute('**', blockOthers);
    },
  };
}

export type FixtureVerdict = ExpectedVerdict | 'any';

/** expected.json: page key → entry number (normal form) → verdict and, where asserted, next deadline (README.md). */
export async function readMockAceExpectations(): Promise<Record<string, Record<string, { verdict: FixtureVerdict; nextDeadline?: string }>>> {
  return JSON.parse(await readFile(join(mockAceRoot, 'expected.json'), 'utf8'));
}

/** lookalikes.json: page key → texts on the page that must get no badge. */
export async function readMockAceLookAlikes(): Promise<Record<string, string[]>> {
  return JSON.parse(await readFile(join(mockAceRoot, 'lookalikes.json'), 'utf8'));
}

export interface ExpectedClaim {
  filedDate: string;
  status: 'Accepted' | 'Accepted with Error(s)' | 'Rejected';
  uploadFileName: string;
  uploadStatus: string;
  entries: Record<string, { outcome: 'Accepted' | 'Rejected'; error?: string }>;
}

/** expected-claims.json: the claims shown on the mock CAPE pages. */
export async function readMockAceClaims(): Promise<Record<string, ExpectedClaim>> {
  return JSON.parse(await readFile(join(mockAceRoot, 'expected-claims.json'), 'utf8'));
}
