import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  claimStatusFromText,
  entryOutcomeFromText,
  parseAceResultFiles,
  parseHandEntry,
  saveClaimResults,
  type AceResultFile,
} from '../../utils/claim-results-import';
import { openHistoryDb, type HistoryDb } from '../../utils/history-db';
import { getClaim, saveClaim } from '../../utils/history-store';
import { uniqueDbName } from './helpers/history-fixtures';

const importedAt = '2026-04-25T08:00:00.000Z';

function fixture(name: string, claimNumber?: string): AceResultFile {
  const text = readFileSync(fileURLToPath(new URL(`../fixtures/ace-csv/${name}`, import.meta.url)), 'utf8');
  return claimNumber === undefined ? { name, text } : { name, text, claimNumber };
}

function outcomes(result: ReturnType<typeof parseAceResultFiles>, claimNumber: string): Record<string, string> {
  const claim = result.claims.find((each) => each.claim.claimNumber === claimNumber);
  return Object.fromEntries((claim?.entries ?? []).map((entry) => [entry.entryNumber, entry.outcome]));
}

const openDbs: HistoryDb[] = [];
afterEach(() => {
  while (openDbs.length) openDbs.pop()!.close();
});
async function freshDb(): Promise<HistoryDb> {
  const db = await openHistoryDb(uniqueDbName('import'));
  openDbs.push(db);
  return db;
}

describe('Claim Details file with messy headers', () => {
  const result = parseAceResultFiles([fixture('claim-details-messy.csv')], { importedAt });

  it('finds the header under title lines and reads every entry with its outcome and error text', () => {
    expect(result.files).toEqual([
      { name: 'claim-details-messy.csv', kind: 'claim-details', rowsRead: 7, rowsUsed: 7, claimNumbers: ['C20260421-0007'], needsClaimNumber: false },
    ]);
    expect(outcomes(result, 'C20260421-0007')).toEqual({
      ABC12345676: 'accepted',
      ABC12345684: 'rejected',
      ABC12345692: 'rejected',
      ABC12345700: 'rejected',
      ABC12345718: 'accepted',
      ABC12345726: 'pending',
    });
    const entries = result.claims[0]!.entries;
    expect(entries.find((entry) => entry.entryNumber === 'ABC12345700')?.aceErrorText).toBe('UNABLE TO CALCULATE DUTY, CORRECT VIA PSC');
    expect(entries.find((entry) => entry.entryNumber === 'ABC12345676')?.aceErrorText).toBeUndefined();
  });

  it('takes the claim’s filed date and importer, and derives its counts from the full list', () => {
    expect(result.claims[0]!.claim).toEqual({
      claimNumber: 'C20260421-0007',
      filedDate: '2026-04-21',
      importerNumber: '12-3456789AB',
      aceStatus: 'pending',
      entryCount: 6,
      acceptedCount: 2,
      rejectedCount: 3,
      source: 'imported',
      notes: '',
      updatedAt: importedAt,
    });
  });

  it('names the row of a status it does not know', () => {
    expect(result.messages).toEqual([
      {
        source: 'claim-details-messy.csv',
        row: 11,
        severity: 'warning',
        message: 'Row 11: status "Maybe later" is not one this tool knows; ABC12345726 was kept as pending.',
      },
    ]);
  });

  it('saves to the history with reason codes from ACE’s error texts', async () => {
    const db = await freshDb();
    const saved = await saveClaimResults(db, result);
    expect(saved.claimEntries.added).toBe(6);
    const details = (await getClaim(db, 'C20260421-0007'))!;
    const reasons = Object.fromEntries(details.entries.filter((entry) => entry.reasonCode).map((entry) => [entry.entryNumber, entry.reasonCode]));
    expect(reasons).toEqual({ ABC12345684: 'drawback', ABC12345692: 'reconciliation', ABC12345700: 'unable-to-calculate-duty' });
  });
});

describe('Validation Result File', () => {
  it('keeps file-level and row errors as upload errors and asks for the claim number it lacks', () => {
    const result = parseAceResultFiles([fixture('validation-result.csv')], { importedAt });
    expect(result.claims).toEqual([]);
    expect(result.files[0]).toMatchObject({ kind: 'validation-result', rowsRead: 5, needsClaimNumber: true });
    expect(result.uploadErrors.map(({ row, entryNumber, reasonCode }) => [row, entryNumber, reasonCode])).toEqual([
      [2, null, 'unknown-ace-error'],
      [3, 'B2X00001013', 'cancelled'],
      [4, 'B2X00001021', 'finally-liquidated'],
      [5, null, 'unknown-ace-error'],
    ]);
    expect(result.uploadErrors[0]?.aceErrorText).toBe('F001: File header must be Entry Number');
    expect(result.uploadErrors[3]?.input).toBe('B2X00001022');
    expect(result.messages.map((message) => [message.row, message.severity])).toEqual([
      [5, 'error'],
      [undefined, 'warning'],
    ]);
    expect(result.messages[0]?.message).toMatch(/^Row 5: B2X-0000102-2 fails the check digit/);
    expect(result.messages[1]?.message).toMatch(/Enter the claim number ACE gave this upload/);
  });

  it('records the entries under the claim number the user gives for the file', () => {
    const result = parseAceResultFiles([fixture('validation-result.csv', ' cape-5 ')], { importedAt });
    expect(result.files[0]?.needsClaimNumber).toBe(false);
    expect(outcomes(result, 'CAPE-5')).toEqual({ B2X00001013: 'rejected', B2X00001021: 'rejected', B2X00001039: 'pending' });
    expect(result.claims[0]?.claim.aceStatus).toBe('unknown');
    expect(result.claims[0]?.claim.entryCount).toBeUndefined();
    expect(result.uploadErrors.map((error) => error.row)).toEqual([2, 5]);
  });

  it('reads semicolons, restores dropped leading zeros and reports scientific notation by row', () => {
    const result = parseAceResultFiles([fixture('validation-result-semicolon.csv')], { importedAt });
    expect(outcomes(result, 'CAPE-9001')).toEqual({ '00100000017': 'rejected', '00100000025': 'pending', '00100000033': 'pending' });
    expect(result.messages.map((message) => [message.row, message.severity])).toEqual([
      [3, 'info'],
      [4, 'error'],
    ]);
    expect(result.messages[1]?.message).toMatch(/scientific notation/);
    expect(result.uploadErrors).toEqual([
      { source: 'validation-result-semicolon.csv', row: 4, entryNumber: null, input: '1.00000E+08', aceErrorText: 'INVALID HTS', reasonCode: 'invalid-hts' },
    ]);
  });
});

describe('claim list (Claim Status tab)', () => {
  it('reads each claim’s status, date and counts from a tab-separated list', () => {
    const result = parseAceResultFiles([fixture('claim-status-list.csv')], { importedAt });
    expect(result.files[0]).toMatchObject({ kind: 'claim-status', rowsRead: 4, rowsUsed: 3 });
    const claims = Object.fromEntries(result.claims.map(({ claim }) => [claim.claimNumber, claim]));
    expect(claims['C20260421-0007']).toMatchObject({ aceStatus: 'accepted-with-errors', aceStatusText: 'Accepted with Error(s)', filedDate: '2026-04-21', entryCount: 7, acceptedCount: 3, rejectedCount: 3, filerCode: 'ABC' });
    expect(claims['CAPE-9001']).toMatchObject({ aceStatus: 'rejected', entryCount: 4, acceptedCount: 0, rejectedCount: 4 });
    expect(claims['CAPE-9002']).toMatchObject({ aceStatus: 'pending', aceStatusText: 'Submitted', filedDate: '2026-04-23', entryCount: 12 });
    expect(claims['CAPE-9002']?.acceptedCount).toBeUndefined();
    expect(result.messages).toEqual([
      { source: 'claim-status-list.csv', row: 5, severity: 'error', message: 'Row 5: claim number "BAD CLAIM!" has characters other than letters, digits and dashes; the row was skipped.' },
    ]);
  });
});

describe('several files at once', () => {
  it('merges the claim list, the claim details and a validation file per claim', async () => {
    const result = parseAceResultFiles([fixture('claim-status-list.csv'), fixture('claim-details-messy.csv'), fixture('validation-result-semicolon.csv'), fixture('not-ace.csv')], {
      importedAt,
    });
    expect(result.files.map((file) => file.kind)).toEqual(['claim-status', 'claim-details', 'validation-result', 'validation-result']);
    const first = result.claims.find(({ claim }) => claim.claimNumber === 'C20260421-0007')!;
    expect(first.claim).toMatchObject({ aceStatus: 'accepted-with-errors', entryCount: 7, importerNumber: '12-3456789AB' });
    expect(first.entries).toHaveLength(6);
    const second = result.claims.find(({ claim }) => claim.claimNumber === 'CAPE-9001')!;
    expect(second.claim.aceStatus).toBe('rejected');
    expect(second.entries).toHaveLength(3);
    expect(result.messages.filter((message) => message.source === 'not-ace.csv').map((message) => message.message)).toEqual([
      expect.stringMatching(/no header row naming an entry number or claim number column/),
    ]);

    const db = await freshDb();
    await saveClaimResults(db, result);
    expect((await getClaim(db, 'CAPE-9001'))?.counts).toEqual({ entries: 3, accepted: 0, rejected: 1, pending: 2 });
  });

  it('does not let an imported "pending" undo an outcome captured earlier', async () => {
    const db = await freshDb();
    await saveClaim(db, { claimNumber: 'CAPE-9001', aceStatus: 'rejected', source: 'captured', notes: 'seen on ACE', updatedAt: '2026-04-24T00:00:00.000Z' }, [
      { claimNumber: 'CAPE-9001', entryNumber: '00100000025', outcome: 'rejected', aceErrorText: 'INVALID HTS', updatedAt: '2026-04-24T00:00:00.000Z' },
    ]);
    await saveClaimResults(db, parseAceResultFiles([fixture('validation-result-semicolon.csv')], { importedAt }));
    const details = (await getClaim(db, 'CAPE-9001'))!;
    expect(details.claim).toMatchObject({ aceStatus: 'rejected', notes: 'seen on ACE', source: 'imported' });
    expect(details.entries.find((entry) => entry.entryNumber === '00100000025')).toMatchObject({ outcome: 'rejected', reasonCode: 'invalid-hts' });
  });
});

describe('loose header matching', () => {
  const cases: Array<[string, string]> = [
    ['Claim No.,Entry Summary Nbr,Outcome,Error Text,Filing Date', 'C-1,ABC12345676,Rejected,ENTRY ON DRAWBACK,2026-04-21'],
    ['CAPE CLAIM NUMBER;ENTRY #;RESULT;ERROR MESSAGES;DATE SUBMITTED', 'C-1;ABC-1234567-6;REJECTED;ENTRY ON DRAWBACK;4/21/2026'],
    ['claim_id|entry_no|entry_status|rejection_reason|upload_date', 'C-1|ABC12345676|rejected|ENTRY ON DRAWBACK|04/21/26'],
    ['"Cape Claim Reference Number","Entry Summary Number","Claim Entry Outcome","Reason","Submitted On"', '"C-1","ABC12345676","Rejected","ENTRY ON DRAWBACK","2026-04-21"'],
    ['\uFEFFClaim #\tEntry Number\tStatus\tError Desc\tSubmission Date', 'C-1\tABC12345676\tRejected\tENTRY ON DRAWBACK\t2026-04-21'],
  ];
  it.each(cases)('%s', (header, row) => {
    const result = parseAceResultFiles([{ name: 'details.csv', text: `${header}\r\n${row}\r\n` }], { importedAt });
    expect(result.messages.filter((message) => message.severity !== 'info')).toEqual([]);
    expect(result.claims).toEqual([
      {
        claim: expect.objectContaining({ claimNumber: 'C-1', filedDate: '2026-04-21', aceStatus: 'rejected' }),
        entries: [{ claimNumber: 'C-1', entryNumber: 'ABC12345676', outcome: 'rejected', aceErrorText: 'ENTRY ON DRAWBACK', updatedAt: importedAt }],
      },
    ]);
  });

  it('takes the claim number from a title line when no column names it', () => {
    const text = 'CAPE Claim Details\nClaim Number: cape-42\n\nEntry Number,Status,Error\nABC12345676,Accepted,\n';
    const result = parseAceResultFiles([{ name: 'x.csv', text }], { importedAt });
    expect(outcomes(result, 'CAPE-42')).toEqual({ ABC12345676: 'accepted' });
  });

  it('lists columns it did not use', () => {
    const result = parseAceResultFiles([{ name: 'x.csv', text: 'Claim Number,Entry Number,Status,Port Code\nC-1,ABC12345676,Accepted,2704\n' }], { importedAt });
    expect(result.messages).toEqual([{ source: 'x.csv', row: 1, severity: 'info', message: 'x.csv: columns not used: "Port Code".' }]);
  });
});

describe('unreadable input', () => {
  it('says an Excel workbook or binary file is not a CSV', () => {
    const result = parseAceResultFiles(
      [
        { name: 'details.xlsx', text: 'PK\u0003\u0004\u0014\u0000binary' },
        { name: 'blob.bin', text: 'abc\u0000def' },
        { name: 'empty.csv', text: '' },
      ],
      { importedAt },
    );
    expect(result.claims).toEqual([]);
    expect(result.messages.map((message) => message.message)).toEqual([
      expect.stringMatching(/details\.xlsx could not be read: it is an Excel workbook/),
      expect.stringMatching(/blob\.bin could not be read: it is not a text \(CSV\) file/),
      expect.stringMatching(/empty\.csv has no header row/),
    ]);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.option(fc.string({ maxLength: 20 })), (text, claimNumber) => {
        const result = parseAceResultFiles([{ name: 'f.csv', text: `Claim Number,Entry Number,Status,Error\n${text}`, claimNumber: claimNumber ?? undefined }], { importedAt });
        expect(Array.isArray(result.messages)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('status words', () => {
  it('maps entry outcomes, with "passed" meaning only validation passed in a Validation Result File', () => {
    expect(entryOutcomeFromText('ACCEPTED', 'claim-details')).toBe('accepted');
    expect(entryOutcomeFromText('Rejected', 'claim-details')).toBe('rejected');
    expect(entryOutcomeFromText('Failed', 'validation-result')).toBe('rejected');
    expect(entryOutcomeFromText('In Process', 'claim-details')).toBe('pending');
    expect(entryOutcomeFromText('Passed', 'validation-result')).toBe('pending');
    expect(entryOutcomeFromText('Passed', 'claim-details')).toBe('accepted');
    expect(entryOutcomeFromText('', 'claim-details')).toBeNull();
    expect(entryOutcomeFromText('Maybe', 'claim-details')).toBeNull();
  });

  it('maps ACE’s claim statuses', () => {
    expect(claimStatusFromText('Accepted with Error(s)')).toBe('accepted-with-errors');
    expect(claimStatusFromText('ACCEPTED WITH ERRORS')).toBe('accepted-with-errors');
    expect(claimStatusFromText('Accepted')).toBe('accepted');
    expect(claimStatusFromText('Rejected by batch validation')).toBe('rejected');
    expect(claimStatusFromText('Failed initial validation')).toBe('rejected');
    expect(claimStatusFromText('Submitted')).toBe('pending');
    expect(claimStatusFromText('Whatever')).toBe('unknown');
  });
});

describe('parseHandEntry', () => {
  it('reads a claim number and pasted entries, with outcomes and error texts where a line gives them', () => {
    const result = parseHandEntry(
      {
        claimNumber: ' cape-77 ',
        entriesText: 'ABC-1234567-6 accepted\nabc12345684\trejected\tENTRY ON DRAWBACK\n\nABC12345692, ABC12345700\n100000025\nABC12345676\n',
        filedDate: '4/22/2026',
        notes: ' typed from the e-mail ',
      },
      { importedAt },
    );
    expect(result.claims).toHaveLength(1);
    const { claim, entries } = result.claims[0]!;
    expect(claim).toEqual({
      claimNumber: 'CAPE-77',
      filedDate: '2026-04-22',
      aceStatus: 'pending',
      entryCount: 5,
      acceptedCount: 1,
      rejectedCount: 1,
      source: 'imported',
      notes: 'typed from the e-mail',
      updatedAt: importedAt,
    });
    expect(entries.map(({ entryNumber, outcome, aceErrorText }) => [entryNumber, outcome, aceErrorText])).toEqual([
      ['ABC12345676', 'accepted', undefined],
      ['ABC12345684', 'rejected', 'ENTRY ON DRAWBACK'],
      ['ABC12345692', 'pending', undefined],
      ['ABC12345700', 'pending', undefined],
      ['00100000025', 'pending', undefined],
    ]);
    expect(result.messages.map((message) => [message.row, message.severity])).toEqual([
      [5, 'info'],
      [6, 'info'],
    ]);
  });

  it('reports lines that hold no usable entry number by row and keeps the rest', () => {
    const result = parseHandEntry({ claimNumber: 'C-1', entriesText: 'hello\nABC12345677\nABC12345676', outcome: 'accepted' }, { importedAt });
    expect(result.claims[0]?.entries.map((entry) => [entry.entryNumber, entry.outcome])).toEqual([['ABC12345676', 'accepted']]);
    expect(result.claims[0]?.claim.aceStatus).toBe('accepted');
    expect(result.messages.map((message) => message.message)).toEqual([
      expect.stringMatching(/^Row 1: "hello" has 5 letters and digits/),
      expect.stringMatching(/^Row 2: ABC-1234567-7 fails the check digit \(expected 6\)/),
    ]);
  });

  it('refuses a claim number with other characters and saves nothing', () => {
    const result = parseHandEntry({ claimNumber: 'C 1/2', entriesText: 'ABC12345676' }, { importedAt });
    expect(result.claims).toEqual([]);
    expect(result.messages[0]?.message).toBe('Claim number "C 1/2" may have only letters, digits and dashes.');
    expect(parseHandEntry({ claimNumber: '  ', entriesText: '' }, { importedAt }).messages[0]?.message).toBe('Enter the claim number ACE gave.');
  });
});
