/**
 * Core check against papaparse's bare parse of the same CSV text (issue 3): 100,000 entries, several rounds, medians.
 * Two inputs: the mock ES-003 report (facts on one to four tariff lines per entry) and a plain list of entry numbers.
 */
import Papa from 'papaparse';
import { checkDeclaration } from '../../utils/check-declaration';
import { readInputText } from '../../utils/read-input';
import { es003CsvHeader, es003CsvLine, iterateEs003Entries } from '../fixtures/ace/generate-es003';

export const coreBenchToday = '2026-11-23';

export interface CoreCase {
  label: string;
  entries: number;
  lines: number;
  megabytes: number;
  /** Medians of process CPU time (stable when other work shares the machine). */
  papaparseMs: number;
  checkMs: number;
  /** Medians of wall-clock time, for reference. */
  papaparseWallMs: number;
  checkWallMs: number;
  /** checkMs / papaparseMs, both medians of the same rounds. */
  ratio: number;
  /** Each round's own ratio, to show the spread. */
  roundRatios: number[];
}

export function es003Text(entries: number): { text: string; lines: number } {
  const parts = [es003CsvHeader()];
  let lines = 0;
  for (const entry of iterateEs003Entries({ entries, seed: 7, today: coreBenchToday })) {
    for (const row of entry.rows) {
      parts.push(es003CsvLine(row));
      lines++;
    }
  }
  return { text: parts.join(''), lines };
}

/** A broker's own list: one entry number per line under a header, mixed dashed and undashed forms. */
export function listText(entries: number): { text: string; lines: number } {
  const parts = ['Entry Number\r\n'];
  for (const entry of iterateEs003Entries({ entries, seed: 11, today: coreBenchToday })) parts.push(`${entry.rows[0]!.entrySummaryNumber}\r\n`);
  return { text: parts.join(''), lines: entries };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function time(work: () => unknown): { cpu: number; wall: number } {
  const cpu = cpuMs();
  const wall = performance.now();
  work();
  return { cpu: cpuMs() - cpu, wall: performance.now() - wall };
}

function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Alternates bare parse and full check in each round, so both see the same machine state. */
export function measureCase(label: string, text: string, lines: number, entries: number, rounds: number): CoreCase {
  const parse = () => Papa.parse(text);
  const check = () => checkDeclaration(readInputText(text).entries, { today: coreBenchToday });
  // Warm-up: JIT both paths before timing.
  parse();
  check();
  const parseTimes: { cpu: number; wall: number }[] = [];
  const checkTimes: { cpu: number; wall: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    collect();
    parseTimes.push(time(parse));
    collect();
    checkTimes.push(time(check));
  }
  const papaparseMs = median(parseTimes.map((each) => each.cpu));
  const checkMs = median(checkTimes.map((each) => each.cpu));
  return {
    label,
    entries,
    lines,
    megabytes: Buffer.byteLength(text) / 1e6,
    papaparseMs,
    checkMs,
    papaparseWallMs: median(parseTimes.map((each) => each.wall)),
    checkWallMs: median(checkTimes.map((each) => each.wall)),
    ratio: checkMs / papaparseMs,
    roundRatios: checkTimes.map((each, index) => each.cpu / parseTimes[index]!.cpu),
  };
}

export function runCoreBench(options: { entries?: number; rounds?: number } = {}): CoreCase[] {
  const entries = options.entries ?? 100_000;
  const rounds = options.rounds ?? 7;
  const report = es003Text(entries);
  const list = listText(entries);
  return [
    measureCase('ES-003 report', report.text, report.lines, entries, rounds),
    measureCase('entry-number list', list.text, list.lines, entries, rounds),
  ];
}
