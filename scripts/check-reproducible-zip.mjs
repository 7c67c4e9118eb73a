// Release check: `npm run zip` twice must give byte-identical store zips. Keep the working tree still while it runs (about a minute).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const zips = ['chrome', 'firefox', 'sources'].map((kind) => `.output/${name}-${version}-${kind}.zip`);

function zipAndHash(round) {
  console.log(`▶ npm run zip (${round})`);
  const result = spawnSync('npm', ['run', '--silent', 'zip'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`npm run zip failed (exit ${result.status})`);
  return zips.map((path) => {
    if (!existsSync(path)) throw new Error(`${path} is missing: the zip names come from package.json's name and version.`);
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  });
}

const first = zipAndHash('first');
const second = zipAndHash('second');
let same = true;
zips.forEach((path, index) => {
  const ok = first[index] === second[index];
  same &&= ok;
  console.log(`${ok ? 'same' : 'DIFFERENT'} ${path} ${first[index]}${ok ? '' : ` then ${second[index]}`}`);
});
console.log(same ? 'Store zips are reproducible.' : 'Store zips differ between two runs on the same inputs.');
process.exit(same ? 0 : 1);
