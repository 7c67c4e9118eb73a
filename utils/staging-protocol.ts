import type { CalendarDate } from './calendar-date';
import type { CheckOptions } from './check-declaration';
import type { ExportedFile, StagedBatchState } from './history-schema';
import type { PageEntry } from './page/entry-lookup';
import type { StagingFilter } from './staging-filter';
import type { StagingInputProgress } from './staging-input';
import type { StagingSummary } from './staging-summary';
import type { StagedRowView } from './staging-view';

/** What the check uses from the settings: dates, assumptions, and whether not-eligible entries stay in. */
export type StagingCheckOptions = Omit<CheckOptions, 'knownClaims'>;

export interface StagingExportOptions {
  /** Date in the file names: the filing day. */
  date: CalendarDate;
  dashes: boolean;
  maxPerFile: number;
}

/** An exported file as the panel lists it, with the batch it belongs to. */
export interface StagingExportedFile extends Omit<ExportedFile, 'entryNumbers'> {
  batchId: string;
  entryCount: number;
}

/** The panel's whole state but the rows, sent after every change. */
export interface StagingState {
  /** Grows with every change; the table asks for its rows again when it moves. */
  revision: number;
  loaded: boolean;
  batchId: string;
  batchState: StagedBatchState;
  summary: StagingSummary;
  /** Name of the rule set the verdicts use, e.g. "CAPE Phase 1". */
  ruleSet: string | null;
  undoLabel: string | null;
  /** Files of this batch and of earlier ones still waiting for their claim number ("exported, not yet recorded"). */
  unrecordedFiles: StagingExportedFile[];
  /** Files of this batch already recorded under a claim. */
  recordedFiles: StagingExportedFile[];
  /** The last save failed: the words to show (the list in the panel is intact). */
  saveError: string | null;
}

/** Requests from the panel to the worker, each answered once (replies carry the request id). */
export type StagingRequest =
  | { type: 'init'; options: StagingCheckOptions }
  | { type: 'set-options'; options: StagingCheckOptions }
  | { type: 'add-files'; jobId: number; files: Array<{ name: string; blob: Blob }> }
  | { type: 'add-text'; jobId: number; text: string; source: string }
  | { type: 'add-page-entries'; entries: PageEntry[]; source: string }
  | { type: 'restage-claim'; claimNumber: string }
  | { type: 'cancel'; jobId: number }
  | { type: 'remove'; ids: number[] }
  | { type: 'remove-shown'; filter: StagingFilter }
  | { type: 'restore'; ids: number[] }
  | { type: 'accept-fixes'; ids: number[] | 'all' }
  | { type: 'clear' }
  | { type: 'urgent-first' }
  | { type: 'undo' }
  | { type: 'view'; filter: StagingFilter; start: number; end: number }
  | { type: 'export'; options: StagingExportOptions }
  | { type: 'exclusions-report'; date: CalendarDate }
  | { type: 'ready-numbers'; dashes: boolean }
  | { type: 'record-claim'; batchId: string; fileName: string; claimNumber: string; filedDate: CalendarDate }
  | { type: 'forget-file'; batchId: string; fileName: string }
  | { type: 'new-list' }
  | { type: 'history-changed' }
  | { type: 'flush' };

export interface StagingAddResult {
  /** Rows added to the list. */
  added: number;
  /** Inputs that added nothing, each with its reason. */
  errors: string[];
}

export interface StagingViewResult {
  revision: number;
  /** Rows matching the filter. */
  total: number;
  rows: StagedRowView[];
}

export interface StagingDownload {
  name: string;
  content: string;
}

/** The answer to each request type. */
export interface StagingAnswers {
  init: StagingState;
  'set-options': null;
  'add-files': StagingAddResult;
  'add-text': StagingAddResult;
  'add-page-entries': StagingAddResult;
  'restage-claim': StagingAddResult;
  cancel: null;
  remove: null;
  'remove-shown': number;
  restore: null;
  'accept-fixes': number;
  clear: null;
  'urgent-first': null;
  undo: string | null;
  view: StagingViewResult;
  export: StagingDownload[];
  'exclusions-report': StagingDownload;
  'ready-numbers': { text: string; count: number };
  'record-claim': { claimNumber: string; entriesAdded: number };
  'forget-file': null;
  'new-list': null;
  'history-changed': null;
  flush: null;
}

/** Messages from the worker: replies, state after changes, and progress while reading. */
export type StagingWorkerMessage =
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: string }
  | { type: 'state'; state: StagingState }
  | { type: 'progress'; jobId: number; phase: 'reading' | 'checking'; progress: StagingInputProgress };
