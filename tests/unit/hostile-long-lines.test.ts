/**
 * Never hangs (issue 7 §2): every reader finishes a 10 MB single line of nasty shapes within a generous CPU-time bound.
 * The bound is a blow-up guard, not a benchmark: each shape once made a reader quadratic or worse (runs of quotes,
 * spaces, dashes or distinct characters; one long line of many entry numbers).
 */
import { describe, expect, it } from 'vitest';
import { checkDeclaration } from '../../utils/check-declaration';
import { parseAceResultFiles, parseHandEntry } from '../../utils/claim-results-import';
import { findEntryNumbersInText, parseEntryNumber } from '../../utils/entry-number';
import { BackupImportError, readBackup } from '../../utils/history-backup';
import { createInputReader, InputError, readInputText, type ReadResult } from '../../utils/read-input';
import { es003CsvHeader } from '../fixtures/ace/generate-es003';
import { expectEveryRejectionExplained, hostileToday, readOrInputError } from './helpers/hostile-input';

const size = 10 * 1024 * 1024;
/** CPU seconds, not wall time: the guard must not fail because other work shares the machine. */
const boundMs = 20_000;
const testTimeoutMs = 180_000;
const importedAt = '2026-11-23T12:00:00.000Z';

function repeatTo(unit: string, length = size): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

function distinctCharacters(length = size): string {
  const units: string[] = [];
  for (let code = 0x4e00; code < 0x4e00 + 20_000; code++) units.push(String.fromCharCode(code));
  return repeatTo(units.join(''), length);
}

/** One line of 10 MB each; the comment says which reader it once broke, or what it stresses. */
const shapes: Record<string, () => string> = {
  letters: () => repeatTo('a'),
  // parseEntryNumber trimmed quotes with /["'`]+$/: quadratic on a run of quotes inside the text.
  quotes: () => `x${repeatTo('"', size - 2)}x`,
  // parseAmount's /\s*USD$/ and the claim-number preamble's two adjacent \s*: quadratic on runs of spaces.
  spaces: () => `1${repeatTo(' ', size - 2)}2`,
  claimPreamble: () => `claim${repeatTo(' ', size - 6)}x`,
  // parseEntryNumber collected distinct unexpected characters in a string searched per character.
  distinct: () => distinctCharacters(),
  digits: () => repeatTo('1'),
  // Hand entry trimmed error text with /[\s,;:|\t-]+$/.
  dashes: () => `ABC-1234567-6 x${repeatTo('-', size - 16)}x`,
  delimiters: () => repeatTo(',;\t|'),
  // The free-text reader rescanned the rest of the line for a line end after every match.
  entryNumbers: () => repeatTo('ABC12345676 '),
  dotsAndDigits: () => `${repeatTo('1.', size - 1)}E`,
  unclosedQuote: () => `"ABC12345676,${repeatTo('x', size - 13)}`,
};

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function expectBounded(work: () => unknown): Promise<void> {
  const started = cpuMs();
  await work();
  expect(cpuMs() - started).toBeLessThan(boundMs);
}

function readInPieces(text: string, pieceLength: number): ReadResult {
  const reader = createInputReader();
  for (let at = 0; at < text.length; at += pieceLength) reader.pushChunk(text.slice(at, at + pieceLength));
  return reader.finish();
}

function es003RowOf(cell: string): string {
  const plain = cell.replace(/[,"\r\n]/g, ' ').slice(0, Math.floor(size / 13));
  return `${es003CsvHeader()}ABC12345676,${Array.from({ length: 13 }, () => plain).join(',')}\r\n`;
}

describe.each(Object.keys(shapes))('a 10 MB line: %s', (name) => {
  const text = () => shapes[name]!();

  it('the input reader, whole and in 64 kB pieces, reads it or refuses it with InputError', async () => {
    const line = text();
    await expectBounded(() => {
      const result = readOrInputError(() => readInputText(line));
      if (!(result instanceof InputError)) {
        expect(result.lineCount).toBe(1);
        expectEveryRejectionExplained(result);
      }
    });
    await expectBounded(() => readOrInputError(() => readInPieces(line, 64 * 1024)));
  }, testTimeoutMs);

  it('as every fact cell of an ES-003 line', async () => {
    const input = es003RowOf(text());
    await expectBounded(() => {
      const result = readOrInputError(() => readInputText(input));
      if (!(result instanceof InputError)) checkDeclaration(result.entries, { today: hostileToday });
    });
  }, testTimeoutMs);

  it('entry numbers in it: parseEntryNumber and findEntryNumbersInText', async () => {
    const line = text();
    await expectBounded(() => {
      const parsed = parseEntryNumber(line);
      expect(parsed.entryNumber !== null || parsed.problems.length > 0).toBe(true);
      findEntryNumbersInText(line);
    });
  }, testTimeoutMs);

  it('ACE claim result files: the line as a file, and as the cells of a claims and an entries table', async () => {
    const line = text();
    const cell = `"${line.slice(0, size / 4).replace(/"/g, '""')}"`;
    await expectBounded(() => {
      const files = [
        { name: 'line.csv', text: line },
        { name: 'claims.csv', text: `Claim Number,Claim Status,Filed Date,Number of Entries\r\n${['CAPE-1', cell, cell, cell].join(',')}\r\n` },
        { name: 'entries.csv', text: `Entry Number,Status,Error Message,Claim Number\r\n${[cell, cell, cell, 'CAPE-1'].join(',')}\r\n` },
      ];
      const result = parseAceResultFiles(files, { importedAt });
      for (const message of result.messages) expect(message.message.length).toBeGreaterThan(0);
    });
  }, testTimeoutMs);

  it('hand entry of a claim', async () => {
    const line = text();
    await expectBounded(() => {
      const result = parseHandEntry({ claimNumber: 'CAPE-1', entriesText: line, filedDate: line.slice(0, 100_000), importerNumber: line.slice(0, 100_000) }, { importedAt });
      expect(result.claims.length + result.messages.length).toBeGreaterThan(0);
    });
  }, testTimeoutMs);

  it('history backup: the line as a file, and inside a backup document', async () => {
    const line = text();
    const document = JSON.stringify({ format: 'cape-companion-backup', schemaVersion: 1, exportedAt: line, counts: {}, checksum: line, data: { claims: [{ notes: line }] } });
    for (const input of [line, document]) {
      await expectBounded(async () => {
        await expect(readBackup(input)).rejects.toBeInstanceOf(BackupImportError);
      });
    }
  }, testTimeoutMs);
});

describe('a 10 MB cell across lines', () => {
  it('a quoted cell of 10 MB with line ends inside, whole and in pieces', async () => {
    const text = `Entry Number,Note\r\nABC12345676,"${repeatTo('note\r\n', size)}"\r\nEQ762707394,x\r\n`;
    await expectBounded(() => {
      const whole = readInputText(text);
      const pieces = readInPieces(text, 64 * 1024);
      // The cell's line ends count as lines: the next row is the file's last line.
      expect(whole.entries.map((entry) => entry.row)).toEqual([2, whole.lineCount]);
      expect(whole.entries[0]!.entryNumber).toBe('ABC12345676');
      expect(pieces.entries.map((entry) => [entry.row, entry.input])).toEqual(whole.entries.map((entry) => [entry.row, entry.input]));
    });
  }, testTimeoutMs);
});
