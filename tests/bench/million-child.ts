/**
 * Child process of the benchmark (run bundled, with --expose-gc): streams a large ES-003 CSV through the reader and
 * the check as the `cape` command does, sampling memory between chunks; prints one JSON line.
 */
import { createReadStream, statSync } from 'node:fs';
import { checkDeclaration } from '../../utils/check-declaration';
import { createInputReader } from '../../utils/read-input';
import { coreBenchToday } from './core-bench';

export interface MillionFigures {
  fileBytes: number;
  lines: number;
  entries: number;
  readMs: number;
  checkMs: number;
  totalMs: number;
  /** Highest live heap (after a full collection) seen between chunks while reading, above the heap before reading. */
  peakReadHeapBytes: number;
  /** Heap the read entries keep after a full collection: their facts, not their lines. */
  readResultHeapBytes: number;
  /** Heap the checked entries keep (read entries plus verdicts and deadlines). */
  checkResultHeapBytes: number;
  peakRssBytes: number;
}

const path = process.argv[2];
if (!path) {
  console.error('Usage: node --expose-gc million-child.mjs FILE.csv');
  process.exit(2);
}
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** Live heap is sampled after a forced collection every few chunks; the time those collections take is not counted. */
const sampleEveryChunks = 8;
let peakLiveHeap = 0;
let collectingMs = 0;
function sampleLiveHeap(): void {
  const started = performance.now();
  gc();
  collectingMs += performance.now() - started;
  peakLiveHeap = Math.max(peakLiveHeap, process.memoryUsage().heapUsed);
}

gc();
const baselineHeap = process.memoryUsage().heapUsed;
const started = performance.now();
const reader = createInputReader();
let chunks = 0;
for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
  reader.pushChunk(chunk as string);
  if (++chunks % sampleEveryChunks === 0) sampleLiveHeap();
}
const read = reader.finish();
const readDone = performance.now();
sampleLiveHeap();
const readResultHeap = process.memoryUsage().heapUsed - baselineHeap;
const checkStarted = performance.now();
const result = checkDeclaration(read.entries, { today: coreBenchToday });
const finished = performance.now();
gc();
const checkResultHeap = process.memoryUsage().heapUsed - baselineHeap;
const readMs = readDone - started - collectingMs;

const figures: MillionFigures = {
  fileBytes: statSync(path).size,
  lines: read.lineCount - 1,
  entries: result.entries.length,
  readMs,
  checkMs: finished - checkStarted,
  totalMs: readMs + (finished - checkStarted),
  peakReadHeapBytes: peakLiveHeap - baselineHeap,
  readResultHeapBytes: readResultHeap,
  checkResultHeapBytes: checkResultHeap,
  // ru_maxrss is in kilobytes on Linux.
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
};
process.stdout.write(`${JSON.stringify(figures)}\n`);
