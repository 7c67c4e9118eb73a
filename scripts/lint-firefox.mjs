// Lints the Firefox build as addons.mozilla.org does (web-ext lint); fails on errors and on warnings not in store/lint-allowlist.json.
// Run after `wxt build -b firefox`: node scripts/lint-firefox.mjs [buildDir]
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cmd } from 'web-ext';

const buildDir = resolve(process.argv[2] ?? '.output/firefox-mv3');
const allowListPath = resolve('store/lint-allowlist.json');

if (!existsSync(join(buildDir, 'manifest.json'))) {
  console.error(`No Firefox build at ${buildDir}: run \`npx wxt build -b firefox\` first.`);
  process.exit(2);
}

const { allowed } = JSON.parse(readFileSync(allowListPath, 'utf8'));

/** The flagged source: the reported line, cut around the column (bundles are minified onto one long line). */
function flaggedSource(finding) {
  if (!finding.file || !finding.line) return '';
  const path = join(buildDir, finding.file);
  if (!existsSync(path)) return '';
  const line = readFileSync(path, 'utf8').split('\n')[finding.line - 1] ?? '';
  const column = finding.column ?? 0;
  return line.slice(Math.max(0, column - 200), column + 200);
}

function allowanceFor(finding) {
  return allowed.find(
    (entry) => entry.code === finding.code && new RegExp(entry.file).test(finding.file ?? '') && new RegExp(entry.source).test(flaggedSource(finding)),
  );
}

const result = await cmd.lint(
  { sourceDir: buildDir, output: 'none', boring: true, pretty: false, metadata: false, selfHosted: false, warningsAsErrors: false, verbose: false },
  { shouldExitProgram: false },
);

const where = (finding) => [finding.file, finding.line, finding.column].filter((part) => part !== undefined).join(':') || '(no file)';
const used = new Set();
let failures = 0;
let allowedCount = 0;

for (const finding of result.errors) {
  failures += 1;
  console.log(`ERROR   ${finding.code} ${where(finding)}: ${finding.message}`);
}
for (const finding of result.warnings) {
  const allowance = allowanceFor(finding);
  if (allowance) {
    used.add(allowance);
    allowedCount += 1;
    console.log(`allowed ${finding.code} ${where(finding)}: ${finding.message} (store/lint-allowlist.json: ${allowance.reason.split('. ')[0]})`);
  } else {
    failures += 1;
    console.log(`WARNING ${finding.code} ${where(finding)}: ${finding.message}\n        ${finding.description ?? ''}`.trimEnd());
  }
}
for (const finding of result.notices) console.log(`notice  ${finding.code} ${where(finding)}: ${finding.message}`);
for (const entry of allowed) if (!used.has(entry)) console.log(`note: allow-list entry ${entry.code} ${entry.file} matched nothing; remove it if the warning is gone for good.`);

console.log(`web-ext lint ${buildDir}: ${result.errors.length} errors, ${result.warnings.length} warnings (${allowedCount} allowed), ${result.notices.length} notices`);
process.exit(failures ? 1 : 0);
