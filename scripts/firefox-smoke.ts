// Smoke test of the Firefox build in a real headless Firefox over WebDriver BiDi: popup, sidebar, side panel page, overlay.
// Run after `wxt build -b firefox`: npx tsx scripts/firefox-smoke.ts [--require]. Skips (exit 0) without Firefox unless --require.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import WebSocket from 'ws';
import { fixtureFileFor, readMockAceExpectations } from '../tests/e2e/ace-routes.ts';

const addonId = 'cape-companion@cape-companion.app';
// A fixed internal UUID, so the test knows the extension's moz-extension:// address.
const addonUuid = '6f1d2c3b-0a9e-4c5d-8b7a-5e5e5e5e5e5e';
const buildDir = resolve('.output/firefox-mv3');
const reportPath = '/reports/es003-thead.html';

function findFirefox(): string | null {
  if (process.env.FIREFOX_PATH) return process.env.FIREFOX_PATH;
  for (const name of ['firefox-esr', 'firefox']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
    if (found) return found;
  }
  return null;
}

const firefox = findFirefox();
if (!firefox) {
  console.log(`Firefox smoke test skipped: no Firefox (apt-get install firefox-esr, or set FIREFOX_PATH).`);
  process.exit(process.argv.includes('--require') ? 1 : 0);
}

const failures: string[] = [];
function check(ok: boolean, what: string, detail = ''): void {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? `: ${detail}` : ''}`);
  if (!ok) failures.push(what);
}

const profile = mkdtempSync(join(tmpdir(), 'cape-firefox-'));
writeFileSync(
  join(profile, 'user.js'),
  [
    `user_pref("extensions.webextensions.uuids", ${JSON.stringify(JSON.stringify({ [addonId]: addonUuid }))});`,
    'user_pref("browser.shell.checkDefaultBrowser", false);',
    'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
    'user_pref("toolkit.telemetry.enabled", false);',
    'user_pref("app.update.enabled", false);',
  ].join('\n'),
);
// System access lets BiDi open moz-extension:// pages; port 0 picks a free port, printed on stderr.
const browserProcess = spawn(firefox, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0', '--remote-allow-system-access'], {
  stdio: ['ignore', 'pipe', 'pipe'],
});
let browserLog = '';
browserProcess.stdout.on('data', (chunk) => (browserLog += chunk));
browserProcess.stderr.on('data', (chunk) => (browserLog += chunk));

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function bidiAddress(): Promise<string> {
  for (let waited = 0; waited < 30_000; waited += 100) {
    const address = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(browserLog)?.[1];
    if (address) return address;
    await sleep(100);
  }
  throw new Error(`Firefox did not start WebDriver BiDi:\n${browserLog}`);
}

type BidiEvent = { method: string; params: Record<string, any> };
let socket: WebSocket | undefined;
const pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
const eventListeners: ((event: BidiEvent) => void)[] = [];
let nextId = 0;

function send(method: string, params: object = {}): Promise<any> {
  return new Promise((resolve, reject) => {
    const id = ++nextId;
    pending.set(id, { resolve, reject });
    socket!.send(JSON.stringify({ id, method, params }));
  });
}

try {
  socket = new WebSocket(`${await bidiAddress()}/session`);
  await new Promise((opened, failed) => socket!.once('open', opened).once('error', failed));
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    const waiting = message.id !== undefined ? pending.get(message.id) : undefined;
    if (waiting) {
      pending.delete(message.id);
      if (message.type === 'error') waiting.reject(new Error(`${message.error}: ${message.message}`));
      else waiting.resolve(message.result);
    } else if (message.type === 'event') for (const listener of eventListeners) listener(message);
  });

  const session = await send('session.new', { capabilities: {} });
  console.log(`Firefox ${session.capabilities.browserVersion}, build ${buildDir}`);
  const installed = await send('webExtension.install', { extensionData: { type: 'path', path: buildDir } });
  check(installed.extension === addonId, 'installs with its gecko id', installed.extension);

  const pageErrors: string[] = [];
  eventListeners.push((event) => {
    if (event.method === 'log.entryAdded' && event.params.level === 'error') pageErrors.push(`${event.params.text} (${event.params.source?.context ?? ''})`);
  });
  await send('session.subscribe', { events: ['log.entryAdded', 'network.beforeRequestSent'] });

  const tab = (await send('browsingContext.getTree', {})).contexts[0].context as string;
  const evaluate = async (expression: string): Promise<any> =>
    (await send('script.evaluate', { expression, target: { context: tab }, awaitPromise: true })).result.value;
  const waitFor = async (expression: string, timeout = 10_000): Promise<any> => {
    let value: any;
    for (let waited = 0; waited <= timeout; waited += 200) {
      value = await evaluate(expression).catch(() => undefined);
      if (value) return value;
      await sleep(200);
    }
    return value;
  };
  /** A real click (a user gesture, which sidebarAction.open needs) in the middle of the element. */
  const click = async (selectorExpression: string) => {
    const box = JSON.parse(await evaluate(`JSON.stringify((${selectorExpression}).getBoundingClientRect())`));
    const at = { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
    await send('input.performActions', {
      context: tab,
      actions: [{ type: 'pointer', id: 'mouse', actions: [{ type: 'pointerMove', ...at }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }] }],
    });
  };
  const extensionUrl = (path: string) => `moz-extension://${addonUuid}/${path}`;

  await send('browsingContext.navigate', { context: tab, url: extensionUrl('popup.html'), wait: 'complete' });
  check(Boolean(await waitFor(`document.documentElement.dataset.popupReady === 'true'`)), 'popup renders and is ready');
  check((await evaluate(`document.querySelector('h1')?.textContent`)) === 'CAPE Companion', 'popup heading');
  check((await evaluate(`typeof browser.sidebarAction + ' ' + typeof browser.sidePanel`)) === 'object undefined', "Firefox has sidebarAction and no Chrome sidePanel");

  // Close the sidebar Firefox opened at install (a gesture is needed for that too), so opening it is seen.
  await evaluate(`document.body.addEventListener('click', () => browser.sidebarAction.close(), { once: true, capture: true }), true`);
  await click(`document.querySelector('h1')`);
  check((await waitFor(`browser.sidebarAction.isOpen({}).then((open) => !open)`)) === true, 'sidebar closed before the test');
  await click(`[...document.querySelectorAll('button')].find((button) => button.textContent.includes('Open side panel'))`);
  check((await waitFor(`browser.sidebarAction.isOpen({})`)) === true, "popup's Open side panel opens Firefox's sidebar");
  check(String(await evaluate(`browser.sidebarAction.getPanel({})`)).endsWith('/sidepanel.html'), 'sidebar shows sidepanel.html');

  await send('browsingContext.navigate', { context: tab, url: extensionUrl('sidepanel.html'), wait: 'complete' });
  check(Boolean(await waitFor(`document.body.innerText.includes('Stage a CAPE Declaration')`)), 'side panel page renders');

  // The mock ACE Portal at ACE's real address: every https://ace.cbp.dhs.gov request is answered from tests/fixtures/ace.
  const otherRequests: string[] = [];
  await send('network.addIntercept', { phases: ['beforeRequestSent'], urlPatterns: [{ type: 'pattern', protocol: 'https', hostname: 'ace.cbp.dhs.gov' }] });
  eventListeners.push((event) => {
    if (event.method !== 'network.beforeRequestSent') return;
    const { request, isBlocked } = event.params;
    if (!isBlocked) {
      if (/^https?:/.test(request.url)) otherRequests.push(request.url);
      return;
    }
    void fixtureFileFor(new URL(request.url).pathname).then((file) =>
      send('network.provideResponse', {
        request: request.request,
        statusCode: file ? 200 : 404,
        reasonPhrase: file ? 'OK' : 'Not Found',
        headers: [{ name: 'content-type', value: { type: 'string', value: extname(file ?? '.html') === '.html' ? 'text/html; charset=utf-8' : 'application/octet-stream' } }],
        body: { type: 'base64', value: file ? readFileSync(file).toString('base64') : '' },
      }),
    );
  });
  const expectedEntries = Object.keys((await readMockAceExpectations())[reportPath]!);
  await send('browsingContext.navigate', { context: tab, url: `https://ace.cbp.dhs.gov${reportPath}`, wait: 'complete' });
  const badged = await waitFor(
    `(() => { const seen = new Set([...document.querySelectorAll('[data-cape-entry][data-cape-verdict]')].map((host) => host.getAttribute('data-cape-entry'))); return ${JSON.stringify(expectedEntries)}.every((entry) => seen.has(entry)) && seen.size; })()`,
  );
  check(typeof badged === 'number', `overlay badges every entry on ${reportPath}`, `${badged || 0} badged, ${expectedEntries.length} expected`);
  check(otherRequests.length === 0, 'no requests beyond ACE', otherRequests.slice(0, 5).join(' '));
  check(pageErrors.length === 0, 'no errors logged by the pages', pageErrors.slice(0, 5).join(' | '));
} catch (error) {
  check(false, 'smoke test ran', (error as Error).message);
} finally {
  socket?.close();
  browserProcess.kill();
  await new Promise((exited) => (browserProcess.exitCode !== null ? exited(null) : browserProcess.once('exit', exited)));
  rmSync(profile, { recursive: true, force: true });
}

console.log(failures.length ? `Firefox smoke test: ${failures.length} failed (${failures.join('; ')})` : 'Firefox smoke test: all passed');
process.exit(failures.length ? 1 : 0);
