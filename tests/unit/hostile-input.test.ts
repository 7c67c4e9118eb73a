/**
 * Hostile input (issue 7 §2): every reader of user text, given anything, returns or throws only its documented error
 * with a message, and every entry it rejects is explained by a message naming its row.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAceResultFiles, parseHandEntry, type ClaimResultsImport } from '../../utils/claim-results-import';
import { hasValidCheckDigit } from '../../utils/entry-check-digit';
import { findEntryNumbersInText, parseEntryNumber } from '../../utils/entry-number';
import { problemMessage } from '../../utils/entry-problems';
import { BackupImportError, readBackup } from '../../utils/history-backup';
import { readKnownClaims } from '../../utils/known-claims';
import { createInputReader, InputError, readInputText, type ReadResult } from '../../utils/read-input';
import {
  anyCodeUnitString,
  csvLikeText,
  damagedEntryNumber,
  expectEveryRejectionExplained,
  formulaText,
  hostileCell,
  readOrInputError,
  validEntryNumber,
} from './helpers/hostile-input';

const importedAt = '2026-11-23T12:00:00.000Z';

/** Anything a user might paste or drop: arbitrary text, CSV-like text, decoded bytes. */
const anyInputText = fc.oneof(
  { weight: 3, arbitrary: csvLikeText },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: anyCodeUnitString(200) },
  { weight: 1, arbitrary: fc.array(fc.oneof(validEntryNumber, damagedEntryNumber, formulaText, fc.string({ maxLength: 5 })), { maxLength: 30 }).map((parts) => parts.join(' ')) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }).map((bytes) => new TextDecoder('utf-8').decode(bytes)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }).map((bytes) => new TextDecoder('utf-16le').decode(bytes)) },
);

/** Row, entry number and problem codes of each entry: what must not depend on how the text arrived. */
function outcome(result: ReadResult | InputError): unknown {
  if (result instanceof InputError) return { error: result.code };
  return { lines: result.lineCount, entries: result.entries.map((entry) => [entry.row, entry.input, entry.entryNumber, entry.problems.map((problem) => problem.code)]) };
}

function readInPieces(text: string, cuts: number[]): ReadResult {
  const reader = createInputReader();
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const end = Math.min(text.length, cut);
    if (end > at) reader.pushChunk(text.slice(at, end));
    at = Math.max(at, end);
  }
  reader.pushChunk(text.slice(at));
  return reader.finish();
}

describe('input reader (files and pasted text)', () => {
  it('never throws but InputError, and every rejected entry names its row', () => {
    fc.assert(
      fc.property(anyInputText, (text) => {
        const result = readOrInputError(() => readInputText(text));
        if (!(result instanceof InputError)) expectEveryRejectionExplained(result);
      }),
      { numRuns: 400 },
    );
  });

  it('reads the same whatever the chunks the text arrives in', () => {
    fc.assert(
      fc.property(anyInputText, fc.array(fc.nat({ max: 400 }), { maxLength: 12 }), (text, cuts) => {
        const whole = readOrInputError(() => readInputText(text));
        const pieces = readOrInputError(() => readInPieces(text, cuts));
        expect(outcome(pieces)).toEqual(outcome(whole));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every valid entry number of a one-column list, whatever is around it', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(validEntryNumber, hostileCell), { minLength: 1, maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'), (cells, newline) => {
        const lines = cells.map((cell) => `"${cell.replace(/"/g, '""')}"`);
        const result = readOrInputError(() => readInputText(`Entry Number${newline}${lines.join(newline)}`));
        if (result instanceof InputError) {
          // Only text that is not text at all (NUL bytes, control characters) may be refused.
          expect(result.code).toBe('binary');
          return;
        }
        const found = new Set(result.entries.map((entry) => entry.entryNumber));
        for (const cell of cells) {
          const parsed = parseEntryNumber(cell);
          if (parsed.entryNumber !== null && parsed.problems.length === 0) expect(found.has(parsed.entryNumber)).toBe(true);
        }
        expectEveryRejectionExplained(result);
      }),
      { numRuns: 200 },
    );
  });
});

describe('entry numbers in a value or in text', () => {
  it('parseEntryNumber never throws; a refusal always has a problem with a row-naming message', () => {
    fc.assert(
      fc.property(fc.oneof(hostileCell, anyCodeUnitString(60), fc.string({ maxLength: 60 })), (raw) => {
        const parsed = parseEntryNumber(raw);
        if (parsed.entryNumber === null) {
          expect(parsed.problems.length).toBeGreaterThan(0);
        } else {
          expect(parsed.entryNumber).toMatch(/^[A-Z0-9]{11}$/);
          expect(hasValidCheckDigit(parsed.entryNumber)).toBe(true);
        }
        for (const problem of parsed.problems) expect(problemMessage(problem, 7)).toMatch(/^Row 7: \S/);
      }),
      { numRuns: 500 },
    );
  });

  it('findEntryNumbersInText returns ordered, non-overlapping matches that are what the text says', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(validEntryNumber, damagedEntryNumber, fc.string({ maxLength: 4 }), anyCodeUnitString(4)), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        let previousEnd = 0;
        for (const match of findEntryNumbersInText(text)) {
          expect(match.start).toBeGreaterThanOrEqual(previousEnd);
          expect(match.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(match.start, match.end).replace(/-/g, '').toUpperCase()).toBe(match.entryNumber);
          expect(match.checkDigitValid).toBe(hasValidCheckDigit(match.entryNumber));
          previousEnd = match.end;
        }
      }),
      { numRuns: 500 },
    );
  });
});

/** Messages are plain sentences; a row, when given, is a line of the file. */
function expectWellFormedMessages(result: ClaimResultsImport, lineCount: number): void {
  for (const message of result.messages) {
    expect(message.message.trim().length).toBeGreaterThan(0);
    if (message.row !== undefined) {
      expect(Number.isInteger(message.row) && message.row >= 1 && message.row <= Math.max(1, lineCount)).toBe(true);
    }
  }
  for (const error of result.uploadErrors) expect(error.aceErrorText.length).toBeGreaterThan(0);
}

const resultHeader = fc.constantFrom(
  ['Entry Number', 'Status', 'Error Message'],
  ['Claim Number', 'Entry Summary Number', 'Entry Status', 'Error Code', 'Error Description'],
  ['Row', 'Entry No', 'Validation Result', 'Reason'],
  ['Claim #', 'Claim Status', 'Filed Date', 'Number of Entries'],
);

describe('ACE claim result files and hand entry', () => {
  it('parseAceResultFiles never throws on any file text', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: fc.string({ maxLength: 12 }), text: anyInputText, claimNumber: fc.option(fc.oneof(fc.string({ maxLength: 12 }), fc.constant('CAPE-26-0000001')), { nil: undefined }) }), { maxLength: 3 }), (files) => {
        const result = parseAceResultFiles(
          files.map((file) => (file.claimNumber === undefined ? { name: file.name, text: file.text } : file)),
          { importedAt },
        );
        const lines = Math.max(...files.map((file) => file.text.split(/\r\n|\r|\n/).length), 1);
        expectWellFormedMessages(result, lines);
      }),
      { numRuns: 300 },
    );
  });

  it('every row whose entry number cannot be read is named in an error or kept as an upload error', () => {
    fc.assert(
      fc.property(
        resultHeader,
        fc.array(fc.tuple(fc.oneof(validEntryNumber, damagedEntryNumber, hostileCell), hostileCell, fc.oneof(hostileCell, fc.constant(''))), { minLength: 1, maxLength: 25 }),
        (header, rows) => {
          const clean = (cell: string) => cell.replace(/[\r\n]/g, ' ');
          const entryColumn = header.findIndex((name) => /entry/i.test(name) && !/status/i.test(name));
          const lines = rows.map(([entry, status, error]) => {
            const cells = header.map((_, index) => (index === entryColumn ? entry : index === entryColumn + 1 ? status : error));
            return cells.map((cell) => `"${clean(cell).replace(/"/g, '""')}"`).join(',');
          });
          const text = [header.join(','), ...lines].join('\r\n');
          const result = parseAceResultFiles([{ name: 'result.csv', text, claimNumber: 'CAPE-26-0000001' }], { importedAt });
          expectWellFormedMessages(result, rows.length + 1);
          if (entryColumn < 0 || result.messages.some((message) => /no header row|could not be read/.test(message.message))) return;
          rows.forEach(([entry], index) => {
            const row = index + 2;
            const input = clean(entry).trim();
            if (input === '' || parseEntryNumber(input).entryNumber !== null) return;
            const named = result.messages.some((message) => message.row === row && message.severity === 'error');
            const kept = result.uploadErrors.some((error) => error.row === row);
            expect(named || kept).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('hand entry: every non-blank line gives an entry or a message naming its line', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant('CAPE-26-0000001'), fc.string({ maxLength: 15 })),
        fc.array(fc.oneof(validEntryNumber, damagedEntryNumber, hostileCell, fc.tuple(validEntryNumber, fc.constantFrom(' rejected ', ' accepted', '\t'), hostileCell).map((parts) => parts.join(''))), { maxLength: 25 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        (claimNumber, lines, newline) => {
          const entriesText = lines.join(newline);
          const result = parseHandEntry({ claimNumber, entriesText }, { importedAt });
          const physicalLines = entriesText.split(/\r\n|\r|\n/);
          expectWellFormedMessages(result, physicalLines.length);
          const claim = result.claims[0];
          if (!claim) {
            expect(result.messages.some((message) => message.severity === 'error')).toBe(true);
            return;
          }
          const recorded = new Set(claim.entries.map((entry) => entry.entryNumber));
          physicalLines.forEach((line, index) => {
            if (line.trim() === '' || result.messages.some((message) => message.row === index + 1)) return;
            const found = findEntryNumbersInText(line).filter((match) => match.checkDigitValid).map((match) => match.entryNumber);
            const parsed = parseEntryNumber(line).entryNumber;
            expect([...found, parsed].some((entryNumber) => entryNumber !== null && recorded.has(entryNumber))).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** Resolves, or rejects only with BackupImportError and a message. */
async function expectBackupReadOrRefused(text: string): Promise<void> {
  try {
    await readBackup(text);
  } catch (error) {
    expect(error).toBeInstanceOf(BackupImportError);
    expect((error as BackupImportError).message.length).toBeGreaterThan(0);
  }
}

const storeNames = ['claims', 'claimEntries', 'entryLedger', 'stagedBatches'] as const;

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

describe('history backups', () => {
  it('readBackup refuses any text with BackupImportError only', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyInputText, fc.json(), fc.jsonValue().map((value) => JSON.stringify({ format: 'cape-companion-backup', schemaVersion: 1, data: value }))), expectBackupReadOrRefused),
      { numRuns: 300 },
    );
  });

  it('a backup with a right checksum but any records inside is read or refused with BackupImportError only', async () => {
    const { canonicalJson } = await import('../../utils/canonical-json');
    const { HISTORY_SCHEMA_VERSION } = await import('../../utils/history-schema');
    const record = fc.oneof(
      fc.anything(),
      fc.record(
        {
          claimNumber: fc.oneof(fc.constant('CAPE-26-0000001'), fc.string({ maxLength: 8 })),
          entryNumber: fc.oneof(validEntryNumber, fc.string({ maxLength: 12 })),
          id: fc.string({ maxLength: 6 }),
          outcome: fc.constantFrom('accepted', 'rejected', 'pending', 'maybe'),
          aceStatus: fc.constantFrom('accepted', 'rejected', 'pending', 'unknown', 'accepted-with-errors', 7),
          source: fc.constantFrom('captured', 'imported', 'recorded', 'file', 'page'),
          notes: fc.oneof(fc.string({ maxLength: 5 }), fc.constant(null)),
          updatedAt: fc.oneof(fc.constant('2026-04-21T10:00:00.000Z'), fc.constant('2026-04-21T10:00+25:00'), fc.string({ maxLength: 24 }), fc.integer()),
          createdAt: fc.oneof(fc.constant('2026-04-21T10:00:00Z'), fc.string({ maxLength: 24 })),
          facts: fc.anything(),
          rows: fc.anything(),
          state: fc.constantFrom('staged', 'exported', 'recorded', 'x'),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: HISTORY_SCHEMA_VERSION }),
        fc.record({ claims: fc.array(record, { maxLength: 3 }), claimEntries: fc.array(record, { maxLength: 3 }), entryLedger: fc.array(record, { maxLength: 3 }), stagedBatches: fc.array(record, { maxLength: 3 }) }),
        async (schemaVersion, data) => {
          const counts = Object.fromEntries(storeNames.map((store) => [store, data[store].length]));
          let checksum: string;
          try {
            checksum = await sha256(canonicalJson(data));
          } catch {
            // fc.anything() can build values canonical JSON cannot write (cycles are not made; BigInt is): not a backup anyone exported.
            return;
          }
          let text: string;
          try {
            text = JSON.stringify({ format: 'cape-companion-backup', schemaVersion, exportedAt: '2026-11-23T00:00:00.000Z', counts, checksum, data });
          } catch {
            return;
          }
          await expectBackupReadOrRefused(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the --claimed file of the cape command is read or refused with a one-line message', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(anyInputText, fc.json(), fc.jsonValue().map((claims) => JSON.stringify({ claims })), fc.array(fc.record({ claimNumber: fc.jsonValue(), entries: fc.array(fc.oneof(validEntryNumber, fc.jsonValue()), { maxLength: 4 }) }), { maxLength: 3 }).map((claims) => JSON.stringify({ claims }))),
        async (text) => {
          try {
            const claims = await readKnownClaims(text);
            for (const [entryNumber, claimNumbers] of claims) {
              expect(entryNumber).toMatch(/^[A-Z0-9]{11}$/);
              expect(claimNumbers.length).toBeGreaterThan(0);
            }
          } catch (error) {
            expect(error).toBeInstanceOf(Error);
            expect(['Error', 'BackupImportError']).toContain((error as Error).name);
            expect((error as Error).message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
