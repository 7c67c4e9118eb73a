// npm test: typecheck, unit, build, e2e in real Chromium; ends with one line "N passed, N failed" for all suites.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
const resultsDir = '.output/test-results';
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const tally = { passed: 0, failed: 0 };
const failedSteps = [];

function run(name, command, args, env = {}) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`◀ ${name}: ${result.status === 0 ? 'ok' : `failed (exit ${result.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) failedSteps.push(name);
  return result.status === 0;
}

function readJson(path) {
  try {
    return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
  } catch {
    return undefined;
  }
}

function countStep(ok) {
  if (ok) tally.passed += 1;
  else tally.failed += 1;
}

let chromiumPath;
try {
  chromiumPath = findChromium();
  console.log(`Chromium: ${chromiumPath}`);
} catch (error) {
  console.error(`\n${error.message}`);
  failedSteps.push('find chromium');
}

countStep(run('typecheck', 'npx', ['tsc', '--noEmit']));

run('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsDir}/unit.json`]);
const unit = readJson(`${resultsDir}/unit.json`);
if (unit) {
  tally.passed += unit.numPassedTests ?? 0;
  tally.failed += (unit.numFailedTests ?? 0) + (unit.numFailedTestSuites && !unit.numFailedTests ? unit.numFailedTestSuites : 0);
} else {
  tally.failed += 1;
}

const built = run('build (chrome)', 'npx', ['wxt', 'build']);
countStep(built);
const builtFirefox = run('build (firefox)', 'npx', ['wxt', 'build', '-b', 'firefox']);
countStep(builtFirefox);
if (builtFirefox) {
  countStep(run('lint (firefox, as addons.mozilla.org lints it)', 'node', ['scripts/lint-firefox.mjs']));
  countStep(run('firefox smoke (skips without Firefox)', 'npx', ['tsx', 'scripts/firefox-smoke.ts']));
}

if (built && chromiumPath) {
  const snapshot = '.output/e2e-extension/chrome-mv3';
  rmSync(snapshot, { recursive: true, force: true });
  cpSync('.output/chrome-mv3', snapshot, { recursive: true });
  run('e2e', 'npx', ['playwright', 'test'], { CHROMIUM_PATH: chromiumPath, CAPE_EXTENSION_DIR: snapshot, PLAYWRIGHT_JSON_OUTPUT_NAME: `${resultsDir}/e2e.json` });
  const e2e = readJson(`${resultsDir}/e2e.json`);
  if (e2e?.stats) {
    tally.passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
    tally.failed += e2e.stats.unexpected ?? 0;
    if ((e2e.errors ?? []).length && !e2e.stats.expected && !e2e.stats.unexpected) tally.failed += 1;
  } else {
    tally.failed += 1;
  }
} else {
  tally.failed += 1;
  console.error('e2e skipped: ' + (chromiumPath ? 'the build failed' : 'no Chromium'));
}

if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`${tally.passed} passed, ${tally.failed} failed`);
process.exit(failedSteps.length || tally.failed ? 1 : 0);
