// The built Chrome and Firefox manifests side by side: same access, the right per-browser keys, nothing a store reviewer would question.
import { expect, test } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const hostPattern = 'https://*.cbp.dhs.gov/*';
const expectedPermissions = { chrome: ['storage', 'sidePanel', 'contextMenus'], firefox: ['storage', 'contextMenus'] };
const iconSizes = ['16', '32', '48', '96', '128'];
const geckoId = 'cape-companion@cape-companion.app';

type Manifest = Record<string, any>;
const builds = { chrome: resolve('.output/chrome-mv3'), firefox: resolve('.output/firefox-mv3') };

function readManifest(browser: keyof typeof builds): Manifest {
  const path = join(builds[browser], 'manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: build first (npx wxt build && npx wxt build -b firefox).`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

let chrome: Manifest;
let firefox: Manifest;
let both: { chrome: Manifest; firefox: Manifest };
test.beforeAll(() => {
  chrome = readManifest('chrome');
  firefox = readManifest('firefox');
  both = { chrome, firefox };
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): [number, number] {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1'), `${path} is a PNG`).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** Every string in the manifest, with where it sits. */
function strings(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, `${at}[${index}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => strings(item, at ? `${at}.${key}` : key));
  return [];
}

test('both builds ask for the same permissions, except Chrome-only sidePanel, and nothing more', () => {
  for (const [browser, manifest] of Object.entries(both) as [keyof typeof both, Manifest][]) {
    const extra = (manifest.permissions ?? []).filter((permission: string) => !expectedPermissions.chrome.includes(permission));
    expect(extra, `${browser} asks for permissions beyond ${expectedPermissions.chrome.join(', ')}: ${extra.join(', ')}`).toEqual([]);
    expect([...(manifest.permissions ?? [])].sort(), `${browser} permissions`).toEqual([...expectedPermissions[browser]].sort());
    expect(manifest.optional_permissions ?? [], `${browser} optional permissions`).toEqual([]);
    expect(manifest.optional_host_permissions ?? [], `${browser} optional host permissions`).toEqual([]);
  }
  expect(chrome.permissions.filter((permission: string) => permission !== 'sidePanel')).toEqual(firefox.permissions);
});

test('both builds reach ACE only, with the content script in every frame there', () => {
  for (const [browser, manifest] of Object.entries(both)) {
    expect(manifest.host_permissions, `${browser} host permissions`).toEqual([hostPattern]);
    expect(manifest.content_scripts.length, `${browser} content scripts`).toBeGreaterThan(0);
    for (const script of manifest.content_scripts) {
      expect(script.matches, `${browser} content script matches`).toEqual([hostPattern]);
      expect(script.all_frames, `${browser} content script all_frames`).toBe(true);
      expect(script.exclude_matches ?? [], `${browser} content script exclude_matches`).toEqual([]);
      for (const file of [...(script.js ?? []), ...(script.css ?? [])]) expect(existsSync(join(builds[browser as keyof typeof builds], file)), `${browser} ${file}`).toBe(true);
    }
  }
  expect(firefox.content_scripts).toEqual(chrome.content_scripts);
});

test('Chrome has its side panel and service worker; Firefox its sidebar, background scripts, add-on id and data consent', () => {
  expect(chrome.side_panel).toEqual({ default_path: 'sidepanel.html' });
  expect(chrome.sidebar_action).toBeUndefined();
  expect(chrome.browser_specific_settings).toBeUndefined();
  expect(chrome.background).toEqual({ service_worker: 'background.js' });

  expect(firefox.sidebar_action?.default_panel).toBe('sidepanel.html');
  expect(firefox.side_panel).toBeUndefined();
  expect(firefox.background).toEqual({ scripts: ['background.js'] });
  const gecko = firefox.browser_specific_settings?.gecko;
  expect(gecko?.id).toBe(geckoId);
  expect(gecko?.strict_min_version).toMatch(/^\d+\.\d+$/);
  expect(Number.parseFloat(gecko.strict_min_version), 'popover (125) and data consent (140) need Firefox 140').toBeGreaterThanOrEqual(140);
  expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  for (const page of [chrome.side_panel.default_path, chrome.action.default_popup, chrome.options_ui.page]) expect(existsSync(join(builds.chrome, page)), page).toBe(true);
  for (const page of [firefox.sidebar_action.default_panel, firefox.action.default_popup, firefox.options_ui.page]) expect(existsSync(join(builds.firefox, page)), page).toBe(true);
});

test('apart from the per-browser keys, the two manifests are the same', () => {
  const { side_panel: _panel, background: _worker, permissions: _chromePermissions, ...chromeShared } = chrome;
  const { sidebar_action: _sidebar, background: _scripts, permissions: _firefoxPermissions, browser_specific_settings: _gecko, ...firefoxShared } = firefox;
  expect(firefoxShared).toEqual(chromeShared);
  expect(chrome.manifest_version).toBe(3);
  expect(chrome.version).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
});

test('icons at every size the stores and toolbars ask for, real PNGs of that size, in both builds', () => {
  for (const [browser, manifest] of Object.entries(both)) {
    expect(Object.keys(manifest.icons ?? {}).sort(), `${browser} icons`).toEqual([...iconSizes].sort());
    const toolbarIcons = Object.entries(manifest.action?.default_icon ?? {});
    expect(toolbarIcons.map(([size]) => size).sort(), `${browser} toolbar icons`).toEqual(['16', '32']);
    for (const [size, file] of [...Object.entries(manifest.icons as Record<string, string>), ...(toolbarIcons as [string, string][])]) {
      const path = join(builds[browser as keyof typeof builds], file);
      expect(existsSync(path), `${browser} icon ${file}`).toBe(true);
      expect(pngSize(path), `${browser} icon ${file}`).toEqual([Number(size), Number(size)]);
    }
  }
});

test('no loosened content security policy, no remote addresses, nothing that reaches outside the extension', () => {
  for (const [browser, manifest] of Object.entries(both)) {
    for (const policy of strings(manifest.content_security_policy ?? {}).map(([, value]) => value)) {
      expect(policy, `${browser} CSP`).not.toMatch(/'unsafe-eval'|'unsafe-inline'|https?:|wss?:|data:|blob:|(^|\s)\*/);
    }
    for (const key of ['externally_connectable', 'web_accessible_resources', 'update_url', 'key', 'oauth2', 'sandbox']) expect(manifest[key], `${browser} ${key}`).toBeUndefined();
    const remote = strings(manifest).filter(([, value]) => /^[a-z][a-z0-9+.-]*:\/\//i.test(value) && value !== hostPattern);
    expect(remote.map(([at, value]) => `${at}: ${value}`), `${browser} addresses in the manifest`).toEqual([]);
  }
});

test('every permission and host the builds ask for is justified in store/permissions.md', () => {
  const justifications = readFileSync('store/permissions.md', 'utf8');
  for (const [browser, manifest] of Object.entries(both)) {
    for (const asked of [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])]) {
      expect(justifications, `${browser} asks for ${asked}`).toContain(`**\`${asked}\`**`);
    }
  }
});

test('the content script on ACE pages carries no CSV parser: papaparse is only in the bundles that read files', () => {
  // One of papaparse's own error codes: minifying keeps it.
  const papaparseMarker = 'UndetectableDelimiter';
  for (const [browser, manifest] of Object.entries(both)) {
    for (const file of manifest.content_scripts.flatMap((script: { js?: string[] }) => script.js ?? [])) {
      expect(readFileSync(join(builds[browser as keyof typeof builds], file), 'utf8').includes(papaparseMarker), `${browser} ${file}`).toBe(false);
    }
    const assets = join(builds[browser as keyof typeof builds], 'assets');
    const worker = readdirSync(assets).find((name) => name.startsWith('staging-worker'));
    expect(worker && readFileSync(join(assets, worker), 'utf8').includes(papaparseMarker), `${browser} staging worker reads CSV`).toBe(true);
  }
});
