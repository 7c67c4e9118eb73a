/**
 * Profiling aid for issue 3's goal (full check of 100,000 entries ≤ 1.5× papaparse's bare parse of the same CSV).
 * Standalone, not part of `npm run bench`: same input as the official core benchmark (mock ES-003, seed 7, today 2026-11-23).
 *
 *   npx tsx tests/bench/core-check-profile.ts [--entries N] [--rounds N] [--list]
 *   npx tsx tests/bench/core-check-profile.ts --cpu-prof [read|check|parse] [--out FILE.cpuprofile]   (prints top self times)
 *   (tsx puts each module on one line; for per-line ticks bundle first:
 *    npx esbuild tests/bench/core-check-profile.ts --bundle --platform=node --format=esm --outfile=/tmp/core.mjs && node /tmp/core.mjs --cpu-prof)
 *
 * Each round times, back to back: Papa.parse(text), readInputText(text), checkDeclaration(entries).
 * Ratios come from the same rounds, so a loaded machine slows both sides alike; CPU time is printed next to wall time.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'node:inspector';
import Papa from 'papaparse';
import { checkDeclaration } from '../../utils/check-declaration';
import { readInputText } from '../../utils/read-input';
import { es003CsvHeader, es003CsvLine, iterateEs003Entries } from '../fixtures/ace/generate-es003';

const today = '2026-11-23';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index < 0 ? undefined : process.argv[index + 1];
}

const entries = Number(argument('--entries') ?? 100_000);
const rounds = Number(argument('--rounds') ?? 5);
const listOnly = process.argv.includes('--list');

/** The mock ES-003 report (one to four tariff lines per entry), or a bare list of entry numbers with --list. */
function buildCsv(): { text: string; lines: number } {
  const parts = [listOnly ? 'Entry Number\r\n' : es003CsvHeader()];
  let lines = 0;
  for (const entry of iterateEs003Entries({ entries, seed: listOnly ? 11 : 7, today })) {
    const rows = listOnly ? entry.rows.slice(0, 1) : entry.rows;
    for (const row of rows) {
      parts.push(listOnly ? `${row.entrySummaryNumber}\r\n` : es003CsvLine(row));
      lines++;
    }
  }
  return { text: parts.join(''), lines };
}

interface Timing {
  wallMs: number;
  cpuMs: number;
}

function timed<T>(work: () => T): [T, Timing] {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  const result = work();
  const wallMs = performance.now() - wallStart;
  const cpu = process.cpuUsage(cpuStart);
  return [result, { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 }];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const collect = (): void => (globalThis as { gc?: () => void }).gc?.();

function measure(text: string): void {
  const parse: Timing[] = [];
  const read: Timing[] = [];
  const check: Timing[] = [];
  // Warm-up round: both paths compiled before timing.
  checkDeclaration(readInputText(text).entries, { today });
  Papa.parse(text);
  for (let round = 0; round < rounds; round++) {
    collect();
    parse.push(timed(() => Papa.parse(text))[1]);
    collect();
    const [input, readTiming] = timed(() => readInputText(text));
    read.push(readTiming);
    const [result, checkTiming] = timed(() => checkDeclaration(input.entries, { today }));
    check.push(checkTiming);
    if (result.entries.length === 0) throw new Error('nothing checked');
  }
  const perRound = (pick: (timing: Timing) => number) => ({
    parse: median(parse.map(pick)),
    read: median(read.map(pick)),
    check: median(check.map(pick)),
    ratios: parse.map((each, index) => (pick(read[index]!) + pick(check[index]!)) / pick(each)),
  });
  for (const [label, figures] of [['wall', perRound((t) => t.wallMs)], ['cpu', perRound((t) => t.cpuMs)]] as const) {
    const full = figures.read + figures.check;
    console.log(
      `${label.padEnd(4)} papaparse ${figures.parse.toFixed(0)} ms | read ${figures.read.toFixed(0)} ms | check ${figures.check.toFixed(0)} ms ` +
        `(${((figures.check * 1000) / entries).toFixed(2)} µs/entry) | read+check ${full.toFixed(0)} ms | ` +
        `ratio ${(full / figures.parse).toFixed(2)}× (read ${(figures.read / figures.parse).toFixed(2)}×, check ${(figures.check / figures.parse).toFixed(2)}×) ` +
        `| median of round ratios ${median(figures.ratios).toFixed(2)}×`,
    );
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** Profiles `rounds` runs of one phase (by default the check alone, reading done once before) and prints the top self times. */
async function profile(text: string, phase: string): Promise<void> {
  const input = readInputText(text);
  const work =
    phase === 'read' ? () => readInputText(text) : phase === 'parse' ? () => Papa.parse(text) : () => checkDeclaration(input.entries, { today });
  work();
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  for (let round = 0; round < rounds; round++) work();
  const { profile: cpuProfile } = await post<{ profile: { nodes: ProfileNode[] } }>('Profiler.stop');
  session.disconnect();
  const out = argument('--out') ?? join(tmpdir(), `core-${phase}.cpuprofile`);
  writeFileSync(out, JSON.stringify(cpuProfile));
  const hits = new Map<string, number>();
  let total = 0;
  for (const node of cpuProfile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    hits.set(key, (hits.get(key) ?? 0) + (node.hitCount ?? 0));
    total += node.hitCount ?? 0;
  }
  console.log(`profile written to ${out}; top self time of ${phase} (${rounds} runs):`);
  for (const [key, count] of [...hits].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${((count * 100) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
}

const { text, lines } = buildCsv();
console.log(`${entries} entries, ${lines} lines, ${(text.length / 1e6).toFixed(1)} MB (${listOnly ? 'entry-number list' : 'mock ES-003'}), ${rounds} rounds`);
const profiled = argument('--cpu-prof');
if (process.argv.includes('--cpu-prof')) await profile(text, profiled === 'read' || profiled === 'parse' ? profiled : 'check');
else measure(text);
