import { writeCapeFiles } from './cape-file';
import type { EntryFacts } from './entry-facts';
import { exclusionsReportName, writeExclusionsReport } from './exclusions-report';
import type { HistoryDb } from './history-db';
import type { ExportedFile, StagedBatchRecord } from './history-schema';
import { getClaim, getStagedBatch, listStagedBatches, recordClaimForBatch, saveStagedBatch } from './history-store';
import { historyForEntries } from './history-for-entries';
import { ruleSetFor } from './rule-sets';
import { holdingClaimNumbers, StagingCheckResults } from './staging-check';
import { stagedBatchStateOf, exportedFilesAfter, stagedExclusionRows, stagedReadyEntryNumbers } from './staging-export';
import { matchesStagingFilter, stagingSearch, type StagingFilter } from './staging-filter';
import { readStagingFiles, readStagingText, type StagingInputOutcome, type StagingInputProgress } from './staging-input';
import { StagedList, type StagingAffected } from './staging-list';
import type {
  StagingAddResult,
  StagingAnswers,
  StagingCheckOptions,
  StagingDownload,
  StagingExportedFile,
  StagingExportOptions,
  StagingRequest,
  StagingState,
  StagingViewResult,
  StagingWorkerMessage,
} from './staging-protocol';
import { stagedRowFromInput, stagedRowsFromPage, stagedRowsFromRejectedClaim, type NewStagedRow, type StagedEntryRow } from './staging-rows';
import { summarizeStaging } from './staging-summary';
import { urgentFirstOrder } from './staging-urgency';
import { stagedRowView } from './staging-view';
import { formatEntryNumber } from './entry-number';

/** Rows added in one go that make a bulk change (see `bulkSaveDelayMs`). */
const bulkAddRows = 1_000;
const defaultBulkSaveDelayMs = 150;

export interface StagingEngineDependencies {
  openDb: () => Promise<HistoryDb>;
  post: (message: StagingWorkerMessage) => void;
  /**
   * Wait after a change before saving. None by default: a reload right after a change must not lose it, and a burst still
   * costs few writes, since changes made while one save is written go together into the next.
   */
  saveDelayMs?: number;
  /**
   * Wait after adding many rows at once (a file) before saving, so the worker answers the panel's first view of the list
   * before it spends its time writing them: saving 40,000 rows at once held that answer back (table shown 0.9 → 1.7 s).
   */
  bulkSaveDelayMs?: number;
  now?: () => Date;
  newBatchId?: () => string;
}

/** A row as stored by an earlier version, made whole (fields added later get their neutral value). */
function wholeRow(row: Partial<StagedEntryRow> & Pick<StagedEntryRow, 'input' | 'row' | 'entryNumber'>, fallbackId: number): StagedEntryRow {
  return {
    ...row,
    id: typeof row.id === 'number' ? row.id : fallbackId,
    problems: Array.isArray(row.problems) ? row.problems : [],
    facts: row.facts ?? {},
    rowCount: typeof row.rowCount === 'number' ? row.rowCount : 1,
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The side panel's staged list, run in a Web Worker: reads input, checks with the core, answers the table a screenful
 * at a time, exports and saves, so the panel's own thread only draws.
 */
export class StagingEngine {
  private list = new StagedList();
  private readonly results = new StagingCheckResults();
  private options: StagingCheckOptions | null = null;
  private knownClaims = new Map<string, string[]>();
  private storedFacts = new Map<string, EntryFacts>();
  private lookedUp = new Set<string>();
  private batchId: string;
  private createdAt: string;
  private exportedFiles: ExportedFile[] = [];
  private persisted = false;
  private otherUnrecorded: StagingExportedFile[] = [];
  private revision = 0;
  private loaded = false;
  private saveError: string | null = null;
  private dirty = false;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<void> | null = null;
  private changes: Promise<unknown> = Promise.resolve();
  private readonly jobs = new Map<number, AbortController>();
  private viewCache: { revision: number; key: string; ids: number[] } | null = null;
  private database: Promise<HistoryDb> | null = null;

  constructor(private readonly dependencies: StagingEngineDependencies) {
    this.batchId = this.newBatchId();
    this.createdAt = this.nowIso();
  }

  async handle<T extends StagingRequest['type']>(request: Extract<StagingRequest, { type: T }>): Promise<StagingAnswers[T]> {
    return (await this.dispatch(request as StagingRequest)) as StagingAnswers[T];
  }

  private dispatch(request: StagingRequest): Promise<unknown> {
    switch (request.type) {
      case 'init':
        return this.change(() => this.init(request.options));
      case 'set-options':
        return this.change(() => {
          this.options = request.options;
          this.apply({ all: true });
          return null;
        });
      case 'add-files':
        return this.job(request.jobId, (progress, signal) => readStagingFiles(request.files, progress, signal));
      case 'add-text':
        return this.job(request.jobId, async (progress, signal) => [await readStagingText(request.text, request.source, progress, signal)]);
      case 'add-page-entries':
        return this.change(() => this.addRows(stagedRowsFromPage(request.entries, request.source), request.source, []));
      case 'restage-claim':
        return this.change(() => this.restageClaim(request.claimNumber));
      case 'cancel':
        this.jobs.get(request.jobId)?.abort();
        return Promise.resolve(null);
      case 'remove':
        return this.change(() => (this.apply(this.list.remove(request.ids)), null));
      case 'remove-shown':
        return this.change(() => {
          const affected = this.list.remove(this.filteredIds(request.filter));
          this.apply(affected);
          return affected.all ? 0 : affected.rowIds.size;
        });
      case 'restore':
        return this.change(() => (this.apply(this.list.restore(request.ids)), null));
      case 'accept-fixes':
        return this.change(() => {
          const affected = this.list.acceptFixes(request.ids === 'all' ? this.list.rows.map((row) => row.id) : request.ids);
          this.apply(affected);
          return affected.all ? 0 : affected.rowIds.size;
        });
      case 'clear':
        return this.change(() => (this.apply(this.list.clear()), null));
      case 'urgent-first':
        return this.change(() => {
          this.apply(this.list.reorder(urgentFirstOrder(this.list.rows, (id) => this.results.get(id)), 'put the most urgent first'));
          return null;
        });
      case 'undo':
        return this.change(() => {
          const undone = this.list.undo();
          if (!undone) return null;
          this.apply(undone.affected);
          return undone.label;
        });
      case 'view':
        return Promise.resolve(this.view(request.filter, request.start, request.end));
      case 'export':
        return this.change(() => this.exportFiles(request.options));
      case 'exclusions-report':
        return Promise.resolve(this.exclusionsReport(request.date));
      case 'ready-numbers': {
        const ready = stagedReadyEntryNumbers(this.list.rows, (id) => this.results.get(id));
        const lines = request.dashes ? ready.map(formatEntryNumber) : ready;
        return Promise.resolve({ text: lines.length ? `${lines.join('\n')}\n` : '', count: lines.length });
      }
      case 'record-claim':
        return this.change(() => this.recordClaim(request));
      case 'forget-file':
        return this.change(() => this.forgetFile(request.batchId, request.fileName));
      case 'new-list':
        return this.change(() => this.newList());
      case 'history-changed':
        return this.change(() => this.refreshHistory());
      case 'flush':
        return this.flush().then(() => null);
    }
  }

  /** Changes run one after another, so each sees the list the previous one left. */
  private change<T>(run: () => T | Promise<T>): Promise<T> {
    const next = this.changes.then(run, run);
    this.changes = next.catch(() => undefined);
    return next;
  }

  private db(): Promise<HistoryDb> {
    return (this.database ??= this.dependencies.openDb());
  }

  private nowIso(): string {
    return (this.dependencies.now?.() ?? new Date()).toISOString();
  }

  private newBatchId(): string {
    return this.dependencies.newBatchId?.() ?? crypto.randomUUID();
  }

  private async init(options: StagingCheckOptions): Promise<StagingState> {
    this.options = options;
    const db = await this.db();
    const batches = await listStagedBatches(db);
    const latest = batches[0];
    if (latest) {
      const batch = await getStagedBatch<StagedEntryRow>(db, latest.id);
      if (batch) {
        this.batchId = batch.id;
        this.createdAt = batch.createdAt;
        this.exportedFiles = batch.exportedFiles;
        this.persisted = true;
        this.list = new StagedList(batch.rows.map((row, index) => wholeRow(row, index + 1)));
      }
    }
    this.otherUnrecorded = this.unrecordedOf(batches.filter((batch) => batch.id !== this.batchId));
    await this.lookUp(this.list.rows);
    this.results.adopt(await this.results.checkAppended([], this.list.rows, this.context()));
    this.loaded = true;
    this.revision++;
    const state = this.state();
    this.dependencies.post({ type: 'state', state });
    return state;
  }

  private unrecordedOf(batches: Awaited<ReturnType<typeof listStagedBatches>>): StagingExportedFile[] {
    return batches.flatMap((batch) =>
      batch.exportedFiles
        .filter((file) => file.claimNumber === undefined)
        .map((file) => ({ batchId: batch.id, fileName: file.fileName, entryCount: file.entryCount, exportedAt: file.exportedAt })),
    );
  }

  private context() {
    if (!this.options) throw new Error('The staged list is still loading; try again in a moment.');
    return { options: this.options, knownClaims: this.knownClaims, storedFacts: this.storedFacts };
  }

  /** Claims and facts history holds for entries not looked up yet (one transaction each, whatever the count). */
  private async lookUp(rows: Iterable<{ entryNumber: string | null }>): Promise<void> {
    const missing = new Set<string>();
    for (const row of rows) if (row.entryNumber && !this.lookedUp.has(row.entryNumber)) missing.add(row.entryNumber);
    if (missing.size === 0) return;
    const { claims, facts } = await historyForEntries(await this.db(), missing);
    for (const entryNumber of missing) {
      const holding = holdingClaimNumbers(claims.get(entryNumber) ?? []);
      if (holding.length > 0) this.knownClaims.set(entryNumber, holding);
      const stored = facts.get(entryNumber);
      if (stored) this.storedFacts.set(entryNumber, stored);
      this.lookedUp.add(entryNumber);
    }
  }

  private async refreshHistory(): Promise<null> {
    this.knownClaims = new Map();
    this.storedFacts = new Map();
    this.lookedUp = new Set();
    await this.lookUp(this.list.rows);
    this.apply({ all: true });
    return null;
  }

  /** After a change of rows: check what it touched, tell the panel, save soon. */
  private apply(affected: StagingAffected): void {
    this.results.recheck(this.list.rows, affected, this.context());
    this.changed();
  }

  private changed(rowsAdded = 0): void {
    this.revision++;
    this.scheduleSave(rowsAdded >= bulkAddRows ? (this.dependencies.bulkSaveDelayMs ?? defaultBulkSaveDelayMs) : (this.dependencies.saveDelayMs ?? 0));
    this.dependencies.post({ type: 'state', state: this.state() });
  }

  private state(): StagingState {
    const resultOf = (id: number) => this.results.get(id);
    const options = this.options;
    const ruleSet = options ? ruleSetFor(options.filingDate ?? options.today, options.eligibility?.ruleSets) : undefined;
    const own = (file: ExportedFile): StagingExportedFile => ({
      batchId: this.batchId,
      fileName: file.fileName,
      entryCount: file.entryNumbers.length,
      exportedAt: file.exportedAt,
      ...(file.claimNumber === undefined ? {} : { claimNumber: file.claimNumber }),
      ...(file.recordedAt === undefined ? {} : { recordedAt: file.recordedAt }),
    });
    return {
      revision: this.revision,
      loaded: this.loaded,
      batchId: this.batchId,
      batchState: stagedBatchStateOf(this.exportedFiles),
      summary: summarizeStaging(this.list.rows, resultOf),
      ruleSet: ruleSet?.name ?? null,
      undoLabel: this.list.undoLabel,
      unrecordedFiles: [...this.exportedFiles.filter((file) => file.claimNumber === undefined).map(own), ...this.otherUnrecorded],
      recordedFiles: this.exportedFiles.filter((file) => file.claimNumber !== undefined).map(own),
      saveError: this.saveError,
    };
  }

  private async job(jobId: number, read: (progress: (progress: StagingInputProgress) => void, signal: AbortSignal) => Promise<StagingInputOutcome[]>): Promise<StagingAddResult> {
    const controller = new AbortController();
    this.jobs.set(jobId, controller);
    try {
      const outcomes = await read((progress) => this.dependencies.post({ type: 'progress', jobId, phase: 'reading', progress }), controller.signal);
      const errors = outcomes.flatMap((outcome) => ('error' in outcome ? [outcome.error] : []));
      const rows = outcomes.flatMap((outcome) => ('entries' in outcome ? outcome.entries.map(stagedRowFromInput) : []));
      const sources = outcomes.filter((outcome) => 'entries' in outcome).map((outcome) => outcome.source);
      return await this.change(async () => {
        if (controller.signal.aborted) throw new Error('Reading was cancelled; the list is as it was.');
        const source = sources.join(', ');
        const checking = (done: number, total: number) =>
          this.dependencies.post({ type: 'progress', jobId, phase: 'checking', progress: { source, done, total, linesRead: total } });
        checking(0, rows.length);
        return this.addRows(rows, source, errors, controller.signal, checking);
      });
    } finally {
      this.jobs.delete(jobId);
    }
  }

  private async addRows(
    rows: NewStagedRow[],
    what: string,
    errors: string[],
    signal?: AbortSignal,
    onChecking?: (done: number, total: number) => void,
  ): Promise<StagingAddResult> {
    if (rows.length === 0) return { added: 0, errors };
    await this.lookUp(rows);
    const reserved = this.list.reserve(rows);
    const checked = await this.results.checkAppended(this.list.rows, reserved, this.context(), {
      signal,
      onProgress: (done, total) => onChecking?.(done, total),
    });
    if (signal?.aborted) throw new Error('Reading was cancelled; the list is as it was.');
    this.results.adopt(checked);
    this.list.addReserved(reserved, what);
    this.changed(rows.length);
    return { added: rows.length, errors };
  }

  private async restageClaim(claimNumber: string): Promise<StagingAddResult> {
    const claim = await getClaim(await this.db(), claimNumber);
    if (!claim) {
      return { added: 0, errors: [`Claim ${claimNumber.trim()} is not in your history. Import its Claim Details file from ACE (or open its page in ACE) first.`] };
    }
    const rows = stagedRowsFromRejectedClaim(claim.claim.claimNumber, claim.entries);
    if (rows.length === 0) {
      const { accepted, pending } = claim.counts;
      return { added: 0, errors: [`Claim ${claim.claim.claimNumber} has no rejected entries (${accepted} accepted, ${pending} pending).`] };
    }
    return this.addRows(rows, `claim ${claim.claim.claimNumber}`, []);
  }

  private filteredIds(filter: StagingFilter): number[] {
    const key = JSON.stringify(filter);
    if (this.viewCache && this.viewCache.revision === this.revision && this.viewCache.key === key) return this.viewCache.ids;
    const search = stagingSearch(filter.search);
    const ids: number[] = [];
    for (const row of this.list.rows) if (matchesStagingFilter(row, this.results.get(row.id), filter, search)) ids.push(row.id);
    this.viewCache = { revision: this.revision, key, ids };
    return ids;
  }

  private view(filter: StagingFilter, start: number, end: number): StagingViewResult {
    const ids = this.filteredIds(filter);
    const from = Math.max(0, Math.min(start, ids.length));
    const to = Math.max(from, Math.min(end, ids.length));
    const rows = ids.slice(from, to).map((id, offset) => {
      const row = this.list.get(id)!;
      const claims = row.entryNumber === null ? [] : (this.knownClaims.get(row.entryNumber) ?? []);
      return stagedRowView(row, this.results.get(id), from + offset + 1, claims);
    });
    return { revision: this.revision, total: ids.length, rows };
  }

  private async exportFiles(options: StagingExportOptions): Promise<StagingDownload[]> {
    const ready = stagedReadyEntryNumbers(this.list.rows, (id) => this.results.get(id));
    if (ready.length === 0) throw new Error('No entry is ready to export. Add entries, or look at why each one is left out.');
    const written = writeCapeFiles(ready, { date: options.date, dashes: options.dashes, maxPerFile: options.maxPerFile });
    const { files, names } = exportedFilesAfter(this.exportedFiles, written, ready, this.nowIso());
    this.exportedFiles = files;
    this.persisted = true;
    this.changed();
    // Saved before the download starts, so an export is never forgotten.
    await this.flush();
    return written.map((file, index) => ({ name: names[index]!, content: file.content }));
  }

  private exclusionsReport(date: string): StagingDownload {
    return { name: exclusionsReportName(date), content: writeExclusionsReport(stagedExclusionRows(this.list.rows, (id) => this.results.get(id))) };
  }

  private async recordClaim(request: Extract<StagingRequest, { type: 'record-claim' }>): Promise<StagingAnswers['record-claim']> {
    await this.flush();
    const db = await this.db();
    const result = await recordClaimForBatch(db, { batchId: request.batchId, fileName: request.fileName, claimNumber: request.claimNumber, filedDate: request.filedDate });
    if (request.batchId === this.batchId) this.exportedFiles = result.batch.exportedFiles;
    else this.otherUnrecorded = this.unrecordedOf((await listStagedBatches(db)).filter((batch) => batch.id !== this.batchId));
    // The entries now sit on a pending claim: the list shows them as claimed.
    await this.refreshHistory();
    return { claimNumber: result.claim.claimNumber, entriesAdded: result.entriesAdded };
  }

  private async forgetFile(batchId: string, fileName: string): Promise<null> {
    const unrecorded = (file: ExportedFile) => !(file.fileName === fileName && file.claimNumber === undefined);
    if (batchId === this.batchId) {
      this.exportedFiles = this.exportedFiles.filter(unrecorded);
      this.changed();
      await this.flush();
      return null;
    }
    const db = await this.db();
    const batch = await getStagedBatch(db, batchId);
    if (batch) {
      const exportedFiles = batch.exportedFiles.filter(unrecorded);
      await saveStagedBatch(db, { ...batch, exportedFiles, state: stagedBatchStateOf(exportedFiles), updatedAt: batch.updatedAt });
    }
    this.otherUnrecorded = this.otherUnrecorded.filter((file) => !(file.batchId === batchId && file.fileName === fileName));
    this.changed();
    return null;
  }

  /** A fresh list; the exported batch stays in history with its files. Without exports this is the same as clearing. */
  private async newList(): Promise<null> {
    if (this.exportedFiles.length === 0) {
      this.apply(this.list.clear());
      return null;
    }
    await this.flush();
    const previousUnrecorded = this.exportedFiles
      .filter((file) => file.claimNumber === undefined)
      .map((file) => ({ batchId: this.batchId, fileName: file.fileName, entryCount: file.entryNumbers.length, exportedAt: file.exportedAt }));
    this.otherUnrecorded = [...previousUnrecorded, ...this.otherUnrecorded];
    this.batchId = this.newBatchId();
    this.createdAt = this.nowIso();
    this.exportedFiles = [];
    this.persisted = false;
    this.list = new StagedList();
    this.apply({ all: true });
    return null;
  }

  private record(): StagedBatchRecord<StagedEntryRow> {
    return {
      id: this.batchId,
      createdAt: this.createdAt,
      updatedAt: this.nowIso(),
      state: stagedBatchStateOf(this.exportedFiles),
      rows: this.list.rows as StagedEntryRow[],
      exportedFiles: this.exportedFiles,
    };
  }

  private scheduleSave(delayMs = this.dependencies.saveDelayMs ?? 0): void {
    if (!this.loaded) return;
    this.dirty = true;
    if (this.saveTimer !== null || this.saving) return;
    this.saveTimer = setTimeout(() => void this.saveNow(), delayMs);
  }

  private saveNow(): Promise<void> {
    if (this.saveTimer !== null) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
    }
    if (this.saving) return this.saving;
    if (!this.dirty) return Promise.resolve();
    this.dirty = false;
    const emptyAndNew = !this.persisted && this.list.rows.length === 0 && this.exportedFiles.length === 0;
    this.saving = (async () => {
      if (emptyAndNew) return;
      const db = await this.db();
      const hadError = this.saveError;
      try {
        await saveStagedBatch(db, this.record());
        this.persisted = true;
        this.saveError = null;
      } catch (error) {
        this.saveError = `Your list could not be saved (${errorText(error)}). It is still here; keep this panel open and try again, or export now.`;
        this.dirty = true;
      }
      if (hadError !== this.saveError) this.dependencies.post({ type: 'state', state: this.state() });
    })().finally(() => {
      this.saving = null;
      if (this.dirty && !this.saveError) this.scheduleSave();
    });
    return this.saving;
  }

  /** Saves now whatever is waiting (before closing, exporting or recording). */
  async flush(): Promise<void> {
    if (this.saving) await this.saving;
    if (this.dirty) await this.saveNow();
    if (this.saveError) throw new Error(this.saveError);
  }
}

/** The side of a Worker (or a MessagePort) the engine talks through. */
export interface StagingPort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** Answers the panel's requests over `port` (the worker's global scope). */
export function serveStagingEngine(port: StagingPort, openDb: () => Promise<HistoryDb>): StagingEngine {
  const engine = new StagingEngine({ openDb, post: (message) => port.postMessage(message) });
  port.addEventListener('message', (event) => {
    const { id, request } = event.data as { id: number; request: StagingRequest };
    engine.handle(request).then(
      (value) => port.postMessage({ type: 'reply', id, ok: true, value } satisfies StagingWorkerMessage),
      (error: unknown) => port.postMessage({ type: 'reply', id, ok: false, error: errorText(error) } satisfies StagingWorkerMessage),
    );
  });
  return engine;
}
