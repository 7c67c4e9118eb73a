import { isFactDate, type CalendarDate } from './calendar-date';
import { MAX_ENTRIES_PER_DECLARATION, writeCapeFiles } from './cape-file';
import { checkDeclaration, type CheckedEntry, type CheckResult } from './check-declaration';
import type { Deadline } from './deadlines';
import { formatEntryNumber } from './entry-number';
import { exclusionsReportName, writeExclusionsReport } from './exclusions-report';
import { readKnownClaims, type KnownClaimMap } from './known-claims';
import { createInputReader, InputError, type InputEntry, type ReadResult } from './read-input';

/** What the command needs from the outside world; bin/cape.mjs gives Node's, tests give their own. */
export interface CliEnvironment {
  /** Text of a file piece by piece; throws (or its iterator throws) when the file cannot be read. */
  readTextChunks(path: string): AsyncIterable<string>;
  readText(path: string): Promise<string>;
  makeDirectory(path: string): Promise<void>;
  writeFile(path: string, content: string): Promise<void>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Today in the user's calendar, read once. */
  today(): CalendarDate;
}

export const capeUsage = `Usage: cape check FILE... [options]

Check entry numbers for a CAPE Declaration and write the files to upload.
FILE is a CSV, tab- or semicolon-separated file, an ACE ES-003 report, or plain text with entry numbers.

Options:
  --today YYYY-MM-DD       Date to count deadlines from (default: today)
  --filing-date YYYY-MM-DD Date you will file; chooses the CAPE rule set (default: --today)
  --claimed HISTORY.json   Claims already filed: { "claims": [ { "claimNumber": "...", "entries": ["..."] } ] }
                           or a CAPE Companion history backup; those entries are left out
  --dashes                 Write entry numbers as ABC-1234567-6 (default ABC12345676)
  --max-per-file N         Entries per CAPE file, 1 to ${MAX_ENTRIES_PER_DECLARATION} (default ${MAX_ENTRIES_PER_DECLARATION})
  --keep-ineligible        Keep entries predicted not eligible in the CAPE files
  --out DIR                Where to write the files (default ./cape-out)
  --json                   Print one JSON document instead of the summary
  -h, --help               Show this help

Writes cape-declaration-YYYY-MM-DD.csv (or -part-1-of-N.csv when split) and cape-exclusions-YYYY-MM-DD.csv.
Exit status: 0 when the check ran (whatever was left out), 2 when the input cannot be used.
`;

interface CheckArguments {
  files: string[];
  today?: string;
  filingDate?: string;
  claimed?: string;
  dashes: boolean;
  maxPerFile: number;
  keepIneligible: boolean;
  out: string;
  json: boolean;
}

class UsageError extends Error {}

const valueOptions = new Set(['--today', '--filing-date', '--claimed', '--max-per-file', '--out']);
const flagOptions = new Set(['--dashes', '--keep-ineligible', '--json']);

function parseCheckArguments(args: readonly string[]): CheckArguments {
  const parsed: CheckArguments = { files: [], dashes: false, maxPerFile: MAX_ENTRIES_PER_DECLARATION, keepIneligible: false, out: 'cape-out', json: false };
  let onlyFiles = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (onlyFiles || !arg.startsWith('--') || arg === '-') {
      parsed.files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals >= 0 ? arg.slice(0, equals) : arg;
    if (flagOptions.has(name)) {
      if (equals >= 0) throw new UsageError(`${name} takes no value`);
      if (name === '--dashes') parsed.dashes = true;
      else if (name === '--keep-ineligible') parsed.keepIneligible = true;
      else parsed.json = true;
      continue;
    }
    if (!valueOptions.has(name)) throw new UsageError(`unknown option ${name}`);
    const value = equals >= 0 ? arg.slice(equals + 1) : args[++index];
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
    if (name === '--today' || name === '--filing-date') {
      if (!isFactDate(value)) throw new UsageError(`${name} must be a date YYYY-MM-DD from 1900 to 2199, not ${value}`);
      if (name === '--today') parsed.today = value;
      else parsed.filingDate = value;
    } else if (name === '--claimed') {
      parsed.claimed = value;
    } else if (name === '--out') {
      parsed.out = value;
    } else {
      const count = Number(value);
      if (!/^\d+$/.test(value) || count < 1 || count > MAX_ENTRIES_PER_DECLARATION) {
        throw new UsageError(`--max-per-file must be a whole number from 1 to ${MAX_ENTRIES_PER_DECLARATION}, not ${value}`);
      }
      parsed.maxPerFile = count;
    }
  }
  if (parsed.files.length === 0) throw new UsageError('name at least one FILE to check');
  return parsed;
}

function joinPath(directory: string, name: string): string {
  return /[\\/]$/.test(directory) ? `${directory}${name}` : `${directory}/${name}`;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

async function readFile(path: string, source: string | undefined, env: CliEnvironment): Promise<ReadResult> {
  const reader = createInputReader(source === undefined ? {} : { source });
  for await (const chunk of env.readTextChunks(path)) reader.pushChunk(chunk);
  return reader.finish();
}

function deadlineDates(entry: CheckedEntry): Record<string, string> {
  const dates: Record<string, string> = {};
  for (const [name, deadline] of Object.entries(entry.deadlines)) if (deadline) dates[name] = (deadline as Deadline).date;
  return dates;
}

function jsonEntry(entry: CheckedEntry): Record<string, unknown> {
  return {
    ...(entry.source === undefined ? {} : { file: entry.source }),
    row: entry.row,
    input: entry.input,
    entryNumber: entry.entryNumber,
    status: entry.status,
    problems: entry.problems,
    verdict: entry.verdict,
    reasons: entry.reasons.map((reason) => reason.code),
    deadlines: deadlineDates(entry),
  };
}

function listCounts(counts: Record<string, number>): string {
  const pairs = Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return pairs.length === 0 ? 'none' : pairs.map(([key, value]) => `${key} ${count(value)}`).join(', ');
}

function humanSummary(result: CheckResult, reads: { path: string; read: ReadResult }[], files: { path: string; note: string }[]): string {
  const { summary } = result;
  const lines: string[] = [];
  for (const { path, read } of reads) {
    const layout =
      read.layout.kind === 'free-text'
        ? 'free text'
        : read.layout.mergesRows
          ? `report with fact columns, ${count(read.entries.length)} entries from its lines`
          : read.layout.headerRow === null
            ? 'list without header'
            : 'list';
    lines.push(`Read ${path}: ${count(read.lineCount)} lines (${layout}).`);
  }
  lines.push(`Checked ${count(summary.entries)} entries: ${count(summary.ready)} ready, ${count(summary.excluded)} excluded.`);
  if (summary.ruleSet) lines.push(`Rule set: ${summary.ruleSet.name} (from ${summary.ruleSet.effectiveFrom}), filing date ${summary.filingDate}.`);
  lines.push(`Verdicts: ${listCounts(summary.verdicts)}.`);
  if (summary.excluded > 0) lines.push(`Excluded by: ${listCounts(summary.excludedBy)}.`);
  const notes = Object.fromEntries(
    Object.entries(summary.problems).filter(([code]) => code === 'spreadsheet-damage' || code === 'bad-fact' || code === 'conflicting-facts'),
  );
  if (Object.keys(notes).length > 0) lines.push(`Notes: ${listCounts(notes as Record<string, number>)}.`);
  lines.push(files.length === 0 ? 'Files written: none.' : 'Files written:');
  for (const file of files) lines.push(`  ${file.path} (${file.note})`);
  if (summary.ready === 0) lines.push('No entry is ready, so no CAPE file was written (CAPE rejects an empty declaration).');
  const nearest = result.entries
    .filter((entry) => entry.status === 'ready' && entry.deadlines.nextDeadline && entry.deadlines.nextDeadline.daysLeft >= 0)
    .sort((a, b) => a.deadlines.nextDeadline!.daysLeft - b.deadlines.nextDeadline!.daysLeft || a.row - b.row)
    .slice(0, 5);
  if (nearest.length > 0) {
    lines.push('Nearest deadlines:');
    for (const entry of nearest) {
      const deadline = entry.deadlines.nextDeadline!;
      const left = deadline.daysLeft === 0 ? 'today' : deadline.daysLeft === 1 ? '1 day' : `${deadline.daysLeft} days`;
      lines.push(`  ${formatEntryNumber(entry.entryNumber!)}  ${deadline.date} (${left})  ${deadline.label}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

async function runCheck(args: CheckArguments, env: CliEnvironment): Promise<number> {
  const today = args.today ?? env.today();
  let knownClaims: KnownClaimMap | undefined;
  if (args.claimed !== undefined) {
    try {
      knownClaims = await readKnownClaims(await env.readText(args.claimed));
    } catch (error) {
      env.stderr(`cape: ${args.claimed}: ${oneLine((error as Error).message)}\n`);
      return 2;
    }
  }

  const reads: { path: string; read: ReadResult }[] = [];
  const several = args.files.length > 1;
  for (const path of args.files) {
    try {
      reads.push({ path, read: await readFile(path, several ? path : undefined, env) });
    } catch (error) {
      const message = error instanceof InputError ? error.message : `cannot read the file (${(error as Error).message})`;
      env.stderr(`cape: ${path}: ${oneLine(message)}\n`);
      return 2;
    }
  }

  const inputEntries: InputEntry[] = reads.flatMap(({ read }) => read.entries);
  const result = checkDeclaration(inputEntries, {
    today,
    ...(args.filingDate === undefined ? {} : { filingDate: args.filingDate }),
    ...(knownClaims === undefined ? {} : { knownClaims }),
    keepIneligible: args.keepIneligible,
  });
  const date = args.filingDate ?? today;
  const capeFiles = writeCapeFiles(result.readyEntryNumbers, { date, dashes: args.dashes, maxPerFile: args.maxPerFile });
  const excluded = result.entries.filter((entry) => entry.status === 'excluded');
  const report = writeExclusionsReport(
    excluded.map((entry) => ({
      row: entry.row,
      input: entry.input,
      entryNumber: entry.entryNumber,
      code: entry.exclusion!.code,
      message: entry.exclusion!.message,
      ...(entry.source === undefined ? {} : { source: entry.source }),
    })),
  );

  const written: { path: string; note: string }[] = [];
  await env.makeDirectory(args.out);
  for (const file of capeFiles) {
    const path = joinPath(args.out, file.name);
    await env.writeFile(path, file.content);
    written.push({ path, note: `${count(file.entryCount)} entries` });
  }
  const reportPath = joinPath(args.out, exclusionsReportName(date));
  await env.writeFile(reportPath, report);
  written.push({ path: reportPath, note: `${count(excluded.length)} excluded` });

  if (args.json) {
    env.stdout(`${JSON.stringify({ entries: result.entries.map(jsonEntry), files: written.map((file) => file.path), summary: result.summary })}\n`);
  } else {
    env.stdout(humanSummary(result, reads, written));
  }
  return 0;
}

/** Run `cape` with its arguments (without node and the script); resolves with the exit status. */
export async function runCapeCli(argv: readonly string[], env: CliEnvironment): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    env.stdout(capeUsage);
    return 0;
  }
  if (command !== 'check') {
    env.stderr(`cape: unknown command ${command}; try cape --help\n`);
    return 2;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    env.stdout(capeUsage);
    return 0;
  }
  let args: CheckArguments;
  try {
    args = parseCheckArguments(rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    env.stderr(`cape: ${error.message}; try cape --help\n`);
    return 2;
  }
  return runCheck(args, env);
}
