import type { DBSchema } from 'idb';
import type { CalendarDate } from './calendar-date';
import type { EntryFacts, FactSource } from './entry-facts';

/** Current schema version of the history database; every version has an upgrade step in history-db.ts. */
export const HISTORY_SCHEMA_VERSION = 2;

export const HISTORY_STORE_NAMES = ['claims', 'claimEntries', 'entryLedger', 'stagedBatches'] as const;
export type HistoryStoreName = (typeof HISTORY_STORE_NAMES)[number];

/** An ISO 8601 timestamp in UTC, e.g. `2026-04-21T14:03:00.000Z`; the newer one wins when records merge. */
export type IsoTimestamp = string;

/** Claim status as ACE shows it on the Claim Status tab (domain.md §2), plus what we cannot tell yet. */
export type AceClaimStatus = 'rejected' | 'accepted-with-errors' | 'accepted' | 'pending' | 'unknown';

/** How the claim reached the history: read off an ACE page, recorded from the side panel, or imported (ACE file or typed). */
export type ClaimSource = 'captured' | 'recorded' | 'imported';

export type EntryOutcome = 'accepted' | 'rejected' | 'pending';

export interface ClaimRecord {
  /** Trimmed, upper-cased letters, digits and dashes (the format is not published: domain.md [open]). */
  claimNumber: string;
  /** Unknown when ACE's file or the user did not say; never guessed. */
  filedDate?: CalendarDate;
  importerNumber?: string;
  filerCode?: string;
  aceStatus: AceClaimStatus;
  /** ACE's own words for the status, kept as shown. */
  aceStatusText?: string;
  entryCount?: number;
  acceptedCount?: number;
  rejectedCount?: number;
  source: ClaimSource;
  notes: string;
  updatedAt: IsoTimestamp;
}

export interface ClaimEntryRecord {
  claimNumber: string;
  /** Normal form: 11 upper-case letters and digits. */
  entryNumber: string;
  outcome: EntryOutcome;
  aceErrorText?: string;
  /** Code from utils/ace-error-texts.ts for `aceErrorText` (added in schema v2). */
  reasonCode?: string;
  updatedAt: IsoTimestamp;
}

/** One fact with where and when it was learned. */
export interface LearnedFact<Value> {
  value: Value;
  source: FactSource;
  learnedOn: CalendarDate;
}

export type LearnedFacts = { [Field in keyof EntryFacts]?: LearnedFact<NonNullable<EntryFacts[Field]>> };

export interface EntryLedgerRecord {
  entryNumber: string;
  /** Per fact its own source and date (schema v2; v1 kept one source per entry). */
  facts: LearnedFacts;
  updatedAt: IsoTimestamp;
}

/** One row of a staged batch; the side panel may extend it, the store keeps whatever rows it is given. */
export interface StagedRow {
  /** The text the user gave for this row. */
  input: string;
  /** 1-based row (line) number in the input. */
  row: number;
  /** Normal form, or null when the input is not an entry number. */
  entryNumber: string | null;
  facts?: Partial<EntryFacts>;
  removed?: boolean;
}

export type StagedBatchState = 'staging' | 'exported' | 'recorded';

export interface ExportedFile {
  fileName: string;
  /** Entry numbers written to this file, in file order. */
  entryNumbers: string[];
  exportedAt: IsoTimestamp;
  /** Set once the user records (or the overlay captures) the claim number ACE gave this file. */
  claimNumber?: string;
  recordedAt?: IsoTimestamp;
}

export interface StagedBatchRecord<Row extends StagedRow = StagedRow> {
  id: string;
  name?: string;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
  state: StagedBatchState;
  rows: Row[];
  exportedFiles: ExportedFile[];
}

export interface HistorySchema extends DBSchema {
  claims: {
    key: string;
    value: ClaimRecord;
    indexes: { byUpdatedAt: IsoTimestamp };
  };
  claimEntries: {
    key: [string, string];
    value: ClaimEntryRecord;
    indexes: { byEntryNumber: string; byClaimNumber: string };
  };
  entryLedger: {
    key: string;
    value: EntryLedgerRecord;
  };
  stagedBatches: {
    key: string;
    value: StagedBatchRecord;
    indexes: { byUpdatedAt: IsoTimestamp };
  };
}

/** Key range of every string key starting with `prefix` (prefix search on keys and indexes). */
export function prefixRange(prefix: string): IDBKeyRange {
  return IDBKeyRange.bound(prefix, prefix + '\uffff', false, false);
}
