import { isCalendarDate } from './calendar-date';
import type { FactSource } from './entry-facts';
import { isEntryNumberKey, normalizeClaimNumber } from './history-keys';
import type { AceClaimStatus, ClaimSource, EntryOutcome, HistoryStoreName, StagedBatchState } from './history-schema';

export const ACE_CLAIM_STATUSES = ['rejected', 'accepted-with-errors', 'accepted', 'pending', 'unknown'] as const satisfies readonly AceClaimStatus[];
export const CLAIM_SOURCES = ['captured', 'recorded', 'imported'] as const satisfies readonly ClaimSource[];
export const ENTRY_OUTCOMES = ['accepted', 'rejected', 'pending'] as const satisfies readonly EntryOutcome[];
export const STAGED_BATCH_STATES = ['staging', 'exported', 'recorded'] as const satisfies readonly StagedBatchState[];
export const FACT_SOURCES = ['file', 'page', 'claim-result', 'manual'] as const satisfies readonly FactSource[];

// Fails to compile when FactSource gains a value this list lacks (it would reject valid records).
const everyFactSourceListed: Exclude<FactSource, (typeof FACT_SOURCES)[number]> extends never ? true : never = true;
void everyFactSourceListed;

const isoTimestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function isIsoTimestamp(value: unknown): value is string {
  return typeof value === 'string' && isoTimestampPattern.test(value) && !Number.isNaN(Date.parse(value));
}

/** Newer-wins comparison of two ISO timestamps (positive when `a` is newer). */
export function compareTimestamps(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}

type Problems = string[];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

function checkOptionalString(record: Record<string, unknown>, field: string, problems: Problems): void {
  if (record[field] !== undefined && typeof record[field] !== 'string') problems.push(`${field} is not text`);
}

function checkOptionalCount(record: Record<string, unknown>, field: string, problems: Problems): void {
  const value = record[field];
  if (value !== undefined && !(typeof value === 'number' && Number.isInteger(value) && value >= 0)) {
    problems.push(`${field} is not a whole number of 0 or more`);
  }
}

function checkClaimNumber(value: unknown, problems: Problems): void {
  if (typeof value !== 'string' || normalizeClaimNumber(value) !== value) {
    problems.push(`claimNumber ${JSON.stringify(value)} is not upper-case letters, digits and dashes`);
  }
}

function checkEntryNumber(value: unknown, problems: Problems): void {
  if (typeof value !== 'string' || !isEntryNumberKey(value)) {
    problems.push(`entryNumber ${JSON.stringify(value)} is not an 11-character entry number`);
  }
}

function checkUpdatedAt(record: Record<string, unknown>, field: string, problems: Problems): void {
  if (!isIsoTimestamp(record[field])) problems.push(`${field} is not an ISO timestamp`);
}

export function claimProblems(record: unknown): Problems {
  if (!isObject(record)) return ['not an object'];
  const problems: Problems = [];
  checkClaimNumber(record.claimNumber, problems);
  if (record.filedDate !== undefined && !(typeof record.filedDate === 'string' && isCalendarDate(record.filedDate))) {
    problems.push('filedDate is not a YYYY-MM-DD date');
  }
  checkOptionalString(record, 'importerNumber', problems);
  checkOptionalString(record, 'filerCode', problems);
  if (!oneOf(ACE_CLAIM_STATUSES, record.aceStatus)) problems.push(`aceStatus ${JSON.stringify(record.aceStatus)} is unknown`);
  checkOptionalString(record, 'aceStatusText', problems);
  checkOptionalCount(record, 'entryCount', problems);
  checkOptionalCount(record, 'acceptedCount', problems);
  checkOptionalCount(record, 'rejectedCount', problems);
  if (!oneOf(CLAIM_SOURCES, record.source)) problems.push(`source ${JSON.stringify(record.source)} is unknown`);
  if (typeof record.notes !== 'string') problems.push('notes is not text');
  checkUpdatedAt(record, 'updatedAt', problems);
  return problems;
}

export function claimEntryProblems(record: unknown): Problems {
  if (!isObject(record)) return ['not an object'];
  const problems: Problems = [];
  checkClaimNumber(record.claimNumber, problems);
  checkEntryNumber(record.entryNumber, problems);
  if (!oneOf(ENTRY_OUTCOMES, record.outcome)) problems.push(`outcome ${JSON.stringify(record.outcome)} is unknown`);
  checkOptionalString(record, 'aceErrorText', problems);
  checkOptionalString(record, 'reasonCode', problems);
  checkUpdatedAt(record, 'updatedAt', problems);
  return problems;
}

export function entryLedgerProblems(record: unknown): Problems {
  if (!isObject(record)) return ['not an object'];
  const problems: Problems = [];
  checkEntryNumber(record.entryNumber, problems);
  if (!isObject(record.facts)) {
    problems.push('facts is not an object');
  } else {
    for (const [field, fact] of Object.entries(record.facts)) {
      if (!isObject(fact) || fact.value === undefined || fact.value === null) {
        problems.push(`fact ${field} has no value`);
      } else if (!oneOf(FACT_SOURCES, fact.source)) {
        problems.push(`fact ${field} has unknown source ${JSON.stringify(fact.source)}`);
      } else if (!(typeof fact.learnedOn === 'string' && isCalendarDate(fact.learnedOn))) {
        problems.push(`fact ${field} has no YYYY-MM-DD learnedOn date`);
      }
    }
  }
  checkUpdatedAt(record, 'updatedAt', problems);
  return problems;
}

export function stagedBatchProblems(record: unknown): Problems {
  if (!isObject(record)) return ['not an object'];
  const problems: Problems = [];
  if (typeof record.id !== 'string' || record.id === '') problems.push('id is missing');
  checkOptionalString(record, 'name', problems);
  checkUpdatedAt(record, 'createdAt', problems);
  checkUpdatedAt(record, 'updatedAt', problems);
  if (!oneOf(STAGED_BATCH_STATES, record.state)) problems.push(`state ${JSON.stringify(record.state)} is unknown`);
  if (!Array.isArray(record.rows)) {
    problems.push('rows is not a list');
  } else {
    const badRow = record.rows.findIndex(
      (row) =>
        !isObject(row) ||
        typeof row.input !== 'string' ||
        typeof row.row !== 'number' ||
        !(row.entryNumber === null || typeof row.entryNumber === 'string'),
    );
    if (badRow >= 0) problems.push(`row ${badRow + 1} lacks input, row number or entryNumber`);
  }
  if (!Array.isArray(record.exportedFiles)) {
    problems.push('exportedFiles is not a list');
  } else {
    record.exportedFiles.forEach((file, index) => {
      if (
        !isObject(file) ||
        typeof file.fileName !== 'string' ||
        !Array.isArray(file.entryNumbers) ||
        !file.entryNumbers.every((entryNumber) => typeof entryNumber === 'string') ||
        !isIsoTimestamp(file.exportedAt)
      ) {
        problems.push(`exported file ${index + 1} lacks fileName, entryNumbers or exportedAt`);
      } else {
        if (file.claimNumber !== undefined) checkClaimNumber(file.claimNumber, problems);
        if (file.recordedAt !== undefined && !isIsoTimestamp(file.recordedAt)) problems.push(`exported file ${index + 1} recordedAt is not an ISO timestamp`);
      }
    });
  }
  return problems;
}

/** Shape checks per store for the current schema version. */
export const recordProblems: Record<HistoryStoreName, (record: unknown) => Problems> = {
  claims: claimProblems,
  claimEntries: claimEntryProblems,
  entryLedger: entryLedgerProblems,
  stagedBatches: stagedBatchProblems,
};

/** The record's key as text, for messages ("claimEntries CAPE-1/ABC12345676"). */
export function recordLabel(store: HistoryStoreName, record: unknown): string {
  if (!isObject(record)) return '';
  switch (store) {
    case 'claims':
      return String(record.claimNumber ?? '');
    case 'claimEntries':
      return `${String(record.claimNumber ?? '')}/${String(record.entryNumber ?? '')}`;
    case 'entryLedger':
      return String(record.entryNumber ?? '');
    case 'stagedBatches':
      return String(record.id ?? '');
  }
}
