// npm run bench: builds the extension, then prints every benchmark figure with its goal and writes .output/bench.json.
import { spawnSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

function run(command, args, env = {}) {
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
}

const env = { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
try {
  env.CHROMIUM_PATH = findChromium({ install: false });
} catch (error) {
  env.CHROMIUM_PATH = '';
  console.error(`bench: ${error.message}\nbench: the Chromium figures will be "not available".`);
}

console.error('bench: building the extension (npx wxt build)...');
if (!run('npx', ['wxt', 'build'])) console.error('bench: the build failed; figures that need the built extension will be "not available".');

process.exit(run('npx', ['tsx', 'tests/bench/run-all.ts'], env) ? 0 : 1);
