import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { capeUsage, runCapeCli, type CliEnvironment } from '../../utils/cape-cli';

const inputDirectory = fileURLToPath(new URL('../fixtures/input/', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  files: Map<string, string>;
  directories: string[];
}

/** Reads fixture files for real, in small chunks; writes to memory. */
async function cape(...argv: string[]): Promise<Run> {
  const files = new Map<string, string>();
  const directories: string[] = [];
  let stdout = '';
  let stderr = '';
  const environment: CliEnvironment = {
    async *readTextChunks(path) {
      const text = readFileSync(join(inputDirectory, path), 'utf8');
      for (let at = 0; at < text.length; at += 7) yield text.slice(at, at + 7);
    },
    readText: async (path) => readFileSync(join(inputDirectory, path), 'utf8'),
    makeDirectory: async (path) => void directories.push(path),
    writeFile: async (path, content) => void files.set(path, content),
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    today: () => '2026-05-01',
  };
  const code = await runCapeCli(argv, environment);
  return { code, stdout, stderr, files, directories };
}

interface JsonOutput {
  entries: {
    file?: string;
    row: number;
    input: string;
    entryNumber: string | null;
    status: string;
    problems: { code: string; message: string }[];
    verdict: string | null;
    reasons: string[];
    deadlines: Record<string, string>;
  }[];
  files: string[];
  summary: { entries: number; ready: number; excluded: number; excludedBy: Record<string, number> };
}

describe('cape --help', () => {
  it.each([[], ['--help'], ['-h'], ['help'], ['check', '--help']])('%j prints the usage', async (...argv) => {
    const run = await cape(...argv);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(capeUsage);
    expect(run.stdout).toContain('cape check FILE...');
  });
});

describe('cape check', () => {
  it('writes the CAPE file and the exclusions report, and prints a short summary', async () => {
    const run = await cape('check', 'list-messy.csv');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.directories).toEqual(['cape-out']);
    expect([...run.files.keys()]).toEqual(['cape-out/cape-declaration-2026-05-01.csv', 'cape-out/cape-exclusions-2026-05-01.csv']);
    expect(run.files.get('cape-out/cape-declaration-2026-05-01.csv')).toBe(
      'Entry Number\r\nABC12345676\r\n31600000173\r\n00012345674\r\nEQ710000017\r\nEQ710000025\r\n',
    );
    const report = run.files.get('cape-out/cape-exclusions-2026-05-01.csv')!;
    expect(report.split('\r\n').slice(1, -1).map((line) => line.split(',').slice(0, 4).join(','))).toEqual([
      '3,abc12345676,ABC12345676,duplicate',
      '7,1.12346E+10,,spreadsheet-damage',
      '8,ABC-1234567-5,,check-digit',
      '9,AB#1234567-6,,bad-characters',
      '10,ABC123456,,bad-length',
      '11,00012345674,00012345674,duplicate',
    ]);
    expect(run.stdout).toContain('Read list-messy.csv: 14 lines (list).');
    expect(run.stdout).toContain('Checked 11 entries: 5 ready, 6 excluded.');
    expect(run.stdout).toContain('Rule set: CAPE Phase 1 (from 2026-04-20), filing date 2026-05-01.');
    expect(run.stdout).toContain('Excluded by: duplicate 2, bad-characters 1, bad-length 1, check-digit 1, spreadsheet-damage 1.');
    expect(run.stdout).toContain('Notes: spreadsheet-damage 2.');
    expect(run.stdout).toContain('cape-out/cape-declaration-2026-05-01.csv (5 entries)');
    expect(run.stdout).toContain('cape-out/cape-exclusions-2026-05-01.csv (6 excluded)');
  });

  it('--json prints one document with entries, files and summary', async () => {
    const run = await cape('check', 'es003-multiline.csv', '--json', '--today', '2026-05-01', '--out', 'out/');
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as JsonOutput;
    expect(output.files).toEqual(['out/cape-declaration-2026-05-01.csv', 'out/cape-exclusions-2026-05-01.csv']);
    expect(output.entries.map((entry) => [entry.row, entry.entryNumber, entry.status, entry.verdict])).toEqual([
      [5, 'W5R30000016', 'ready', 'eligible'],
      [8, 'W5R30000024', 'ready', 'unknown'],
      [10, 'TN240000014', 'excluded', 'not-eligible'],
      [11, 'M1K60000017', 'ready', 'unknown'],
      [12, 'M1K60000025', 'excluded', 'not-eligible'],
      [14, 'M1K60000033', 'excluded', 'not-eligible'],
      [16, null, 'excluded', null],
    ]);
    const [first, , drawback] = output.entries;
    expect(first).toMatchObject({ input: 'W5R-3000001-6', problems: [], reasons: ['unliquidated'] });
    expect(first!.deadlines).toMatchObject({ estimatedLiquidation: '2026-03-11' });
    expect(drawback!.reasons).toEqual(['drawback']);
    expect(output.entries[1]!.problems.map((problem) => problem.code)).toEqual(['conflicting-facts']);
    expect(output.entries[6]!.problems[0]!.message).toMatch(/^Row 16: ABC-1234567-5 fails the check digit/);
    expect(output.summary).toMatchObject({ entries: 7, ready: 3, excluded: 4 });
  });

  it('--dashes and --max-per-file split the CAPE file', async () => {
    const run = await cape('check', 'list-messy.csv', '--dashes', '--max-per-file=2', '--out', 'x');
    expect([...run.files.keys()]).toEqual([
      'x/cape-declaration-2026-05-01-part-1-of-3.csv',
      'x/cape-declaration-2026-05-01-part-2-of-3.csv',
      'x/cape-declaration-2026-05-01-part-3-of-3.csv',
      'x/cape-exclusions-2026-05-01.csv',
    ]);
    expect(run.files.get('x/cape-declaration-2026-05-01-part-1-of-3.csv')).toBe('Entry Number\r\nABC-1234567-6\r\n316-0000017-3\r\n');
  });

  it('--claimed leaves out entries already on a claim', async () => {
    const run = await cape('check', 'list-messy.csv', '--claimed', 'claims.json', '--json');
    const output = JSON.parse(run.stdout) as JsonOutput;
    const claimed = output.entries.find((entry) => entry.entryNumber === 'EQ710000017')!;
    expect(claimed.status).toBe('excluded');
    expect(claimed.problems[0]!.message).toBe(
      'Row 12: EQ7-1000001-7 is already on CAPE claim CAPE-26-000123, CAPE-26-000200; CAPE rejects entries declared before, so it is left out.',
    );
  });

  it('--keep-ineligible keeps not-eligible entries in the file', async () => {
    const output = JSON.parse((await cape('check', 'es003-multiline.csv', '--json', '--keep-ineligible')).stdout) as JsonOutput;
    expect(output.summary.ready).toBe(6);
  });

  it('several files: entries name their file, duplicates across files are caught', async () => {
    const run = await cape('check', 'headerless.txt', 'free-text.txt', '--json');
    const output = JSON.parse(run.stdout) as JsonOutput;
    expect(output.entries[0]).toMatchObject({ file: 'headerless.txt', row: 1, entryNumber: 'ABC12345676', status: 'ready' });
    const again = output.entries.find((entry) => entry.file === 'free-text.txt' && entry.entryNumber === 'ABC12345676')!;
    expect(again.problems[0]!.message).toBe('Row 3: ABC-1234567-6 is already on row 1 of headerless.txt; only the first is kept.');
    const report = run.files.get('cape-out/cape-exclusions-2026-05-01.csv')!;
    expect(report.split('\r\n')[0]).toBe('\uFEFFFile,Row,Input,Entry Number,Code,Message');
  });

  it('no ready entry: no CAPE file, the report still', async () => {
    const run = await cape('check', 'list-messy.csv', '--claimed', 'claims.json', '--max-per-file', '1', '--out', 'o');
    expect([...run.files.keys()].filter((path) => path.includes('declaration'))).toHaveLength(4);
    const none = await cape('check', 'free-text.txt', 'headerless.txt', '--today', '2026-05-01');
    expect(none.code).toBe(0);
  });

  it.each([
    [['check', 'missing.csv'], /^cape: missing\.csv: cannot read the file/],
    [['check', 'no-entries.csv'], /^cape: no-entries\.csv: no entry-number column found/],
    [['check', 'workbook.xlsx'], /^cape: workbook\.xlsx: the input is an Excel workbook/],
    [['check'], /^cape: name at least one FILE to check; try cape --help/],
    [['check', 'a.csv', '--bogus'], /^cape: unknown option --bogus/],
    [['check', 'a.csv', '--today', '2026-02-30'], /^cape: --today must be a date YYYY-MM-DD/],
    [['check', 'a.csv', '--max-per-file', '10000'], /^cape: --max-per-file must be a whole number from 1 to 9999/],
    [['check', 'a.csv', '--out'], /^cape: --out needs a value/],
    [['check', 'list-messy.csv', '--claimed', 'list-messy.csv'], /^cape: list-messy\.csv: not valid JSON/],
    [['frobnicate'], /^cape: unknown command frobnicate/],
  ])('%j exits 2 with one line', async (argv, message) => {
    const run = await cape(...argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.files.size).toBe(0);
  });
});

describe('bin/cape.mjs (Node glue)', () => {
  const execute = promisify(execFile);
  const bin = fileURLToPath(new URL('../../bin/cape.mjs', import.meta.url));
  const out = mkdtempSync(join(tmpdir(), 'cape-cli-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  async function node(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await execute(process.execPath, [bin, ...argv]);
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('--help works', async () => {
    const run = await node('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: cape check FILE...');
  });

  it('checks real files, UTF-16 included, and writes into --out', async () => {
    const run = await node('check', join(inputDirectory, 'utf16-unicode-text.txt'), '--today', '2026-05-01', '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Checked 2 entries: 2 ready, 0 excluded.');
    expect(readdirSync(out).sort()).toEqual(['cape-declaration-2026-05-01.csv', 'cape-exclusions-2026-05-01.csv']);
    expect(readFileSync(join(out, 'cape-declaration-2026-05-01.csv'), 'latin1')).toBe('Entry Number\r\nABC12345676\r\n31600000173\r\n');
  });

  it('a missing file exits 2 with one line', async () => {
    const run = await node('check', join(out, 'nope.csv'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/nope\.csv: cannot read the file \(no such file\)\n$/);
  });
});
