import { browser } from '#imports';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useStoredValue } from '@/components/useStoredValue';
import { entriesFromAceTab } from '@/utils/ace-tab-entries';
import { MAX_ENTRIES_PER_DECLARATION } from '@/utils/cape-file';
import { localToday } from '@/utils/calendar-date';
import { downloadTextFile } from '@/utils/download-file';
import { historyRevision } from '@/utils/settings';
import { StagingClient, type StagingWorkerLike } from '@/utils/staging-client';
import { noStagingFilter, type StagingFilter } from '@/utils/staging-filter';
import type { StagingAddResult, StagingDownload, StagingExportedFile, StagingState } from '@/utils/staging-protocol';
import { capeFileDashes, capeFileMaxEntries, keepIneligibleEntries } from '@/utils/staging-settings';
import type { StagedRowView } from '@/utils/staging-view';
import { ExportSection } from './ExportSection';
import { InputProgress, InputSection, type InputJob } from './InputSection';
import { ListToolbar } from './ListToolbar';
import { RecordClaims } from './RecordClaims';
import { RowDetails } from './RowDetails';
import { StagingGrid } from './StagingGrid';
import { SummaryBar } from './SummaryBar';
import { useCheckOptions } from './use-check-options';

interface Notice {
  kind: 'info' | 'error';
  lines: string[];
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function addedNotice(result: StagingAddResult, what: string): Notice {
  const lines = result.added > 0 ? [`Added ${plural(result.added, 'row')} from ${what}.`] : [];
  return { kind: result.added === 0 && result.errors.length > 0 ? 'error' : 'info', lines: [...lines, ...result.errors] };
}

/** The claim a popup or link asked to re-stage (`sidepanel.html?restage=CLAIM`), read once. */
function restageRequest(): string | null {
  const claimNumber = new URLSearchParams(location.search).get('restage');
  return claimNumber && claimNumber.trim() !== '' ? claimNumber.trim() : null;
}

/** Drops the request from the address (and from Chrome's panel setting), so a reload does not stage it twice. */
async function forgetRestageRequest(): Promise<void> {
  history.replaceState(null, '', location.pathname);
  const sidePanel = (browser as unknown as { sidePanel?: { setOptions(options: { path: string }): Promise<void> } }).sidePanel;
  const inTab = await browser.tabs.getCurrent().then((tab) => tab !== undefined, () => true);
  if (sidePanel && !inTab) await sidePanel.setOptions({ path: 'sidepanel.html' }).catch(() => undefined);
}

export function App({ worker }: { worker: StagingWorkerLike }) {
  const [state, setState] = useState<StagingState | null>(null);
  const [job, setJob] = useState<InputJob | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [filter, setFilter] = useState<StagingFilter>(noStagingFilter);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [activeRow, setActiveRow] = useState<StagedRowView | null>(null);
  const [shown, setShown] = useState(0);
  const [lastExport, setLastExport] = useState<StagingDownload[] | null>(null);
  const jobCounter = useRef(0);
  const ownRevision = useRef<number | null>(null);
  const gridWrap = useRef<HTMLDivElement>(null);
  const options = useCheckOptions();
  const dashes = useStoredValue(capeFileDashes) ?? false;
  const maxPerFile = useStoredValue(capeFileMaxEntries) ?? MAX_ENTRIES_PER_DECLARATION;
  const keepIneligible = useStoredValue(keepIneligibleEntries) ?? false;

  const client = useMemo(
    () =>
      new StagingClient(worker, {
        onState: setState,
        onProgress: (message) => setJob((current) => (current && current.jobId === message.jobId ? { ...current, phase: message.phase, progress: message.progress } : current)),
        onCrash: (message) => setNotice({ kind: 'error', lines: [message] }),
      }),
    [worker],
  );

  const started = useRef(false);
  useEffect(() => {
    if (!options) return;
    if (started.current) {
      void client.request({ type: 'set-options', options });
      return;
    }
    started.current = true;
    const claimNumber = restageRequest();
    void client
      .request({ type: 'init', options })
      .then(async () => {
        if (claimNumber === null) return;
        await runJob(`claim ${claimNumber}`, false, () => client.request({ type: 'restage-claim', claimNumber }));
        await client.request({ type: 'flush' }).catch(() => undefined);
        await forgetRestageRequest();
      })
      .catch((error: unknown) => setNotice({ kind: 'error', lines: [`Your staged list could not be loaded: ${errorText(error)}`] }));
  }, [options]);

  useEffect(() => {
    // Save before the panel closes; the worker saves soon after every change anyway.
    const flush = () => void client.request({ type: 'flush' }).catch(() => undefined);
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    // A file dropped outside the drop zone must not replace the panel.
    const stopDrop = (event: DragEvent) => event.preventDefault();
    addEventListener('dragover', stopDrop);
    addEventListener('drop', stopDrop);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stopWatching = historyRevision.watch((revision) => {
      if (revision === ownRevision.current) return;
      clearTimeout(timer);
      // The overlay writes history as pages load: one re-check after the burst.
      timer = setTimeout(() => void client.request({ type: 'history-changed' }).catch(() => undefined), 1000);
    });
    return () => {
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      removeEventListener('dragover', stopDrop);
      removeEventListener('drop', stopDrop);
      stopWatching();
      clearTimeout(timer);
    };
  }, [client]);

  const runJob = async (what: string, cancellable: boolean, start: (jobId: number) => Promise<StagingAddResult>): Promise<void> => {
    const jobId = ++jobCounter.current;
    setJob({ jobId, what, cancellable, phase: 'reading', progress: null });
    setNotice(null);
    try {
      setNotice(addedNotice(await start(jobId), what));
    } catch (error) {
      const text = errorText(error);
      setNotice({ kind: text.startsWith('Reading was cancelled') ? 'info' : 'error', lines: [text] });
    } finally {
      setJob((current) => (current?.jobId === jobId ? null : current));
    }
  };

  const guardJob = (): boolean => {
    if (job === null) return true;
    setNotice({ kind: 'info', lines: [`Still reading ${job.what}: wait for it to finish, or cancel it first.`] });
    return false;
  };

  const act = useCallback(
    async <T,>(run: () => Promise<T>, done?: (value: T) => Notice | null): Promise<T | undefined> => {
      try {
        const value = await run();
        const next = done?.(value);
        if (next !== undefined) setNotice(next);
        return value;
      } catch (error) {
        setNotice({ kind: 'error', lines: [errorText(error)] });
        return undefined;
      }
    },
    [],
  );

  const focusGrid = () => gridWrap.current?.querySelector<HTMLElement>('[role="grid"]')?.focus();
  const dropFromSelection = (ids: number[]) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) next.delete(id);
      return next;
    });

  const remove = (ids: number[]) => {
    dropFromSelection(ids);
    void act(() => client.request({ type: 'remove', ids }), () => ({ kind: 'info', lines: [`Removed ${plural(ids.length, 'row')}. Undo (Ctrl+Z) puts ${ids.length === 1 ? 'it' : 'them'} back.`] }));
  };
  const restore = (ids: number[]) => {
    dropFromSelection(ids);
    void act(() => client.request({ type: 'restore', ids }), () => null);
  };
  const acceptFixes = (ids: number[] | 'all') =>
    void act(() => client.request({ type: 'accept-fixes', ids }), (count) => ({ kind: 'info', lines: [`Accepted ${plural(count, 'restored number')}.`] }));
  const undo = () => void act(() => client.request({ type: 'undo' }), (label) => ({ kind: 'info', lines: [label ? `Undone: ${label}.` : 'Nothing to undo.'] }));

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select')) return;
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        undo();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [client]);

  const addFiles = (files: File[]) => {
    if (!guardJob()) return;
    const what = files.length === 1 ? files[0]!.name : plural(files.length, 'file');
    void runJob(what, true, (jobId) => client.request({ type: 'add-files', jobId, files: files.map((file) => ({ name: file.name, blob: file })) }));
  };
  const addText = async (text: string): Promise<boolean> => {
    if (!guardJob()) return false;
    let added = false;
    await runJob('pasted text', true, async (jobId) => {
      const result = await client.request({ type: 'add-text', jobId, text, source: 'pasted text' });
      added = result.added > 0;
      return result;
    });
    return added;
  };
  const addFromPage = async () => {
    if (!guardJob()) return;
    const found = await entriesFromAceTab().catch((error: unknown) => ({ error: errorText(error) }));
    if ('error' in found) {
      setNotice({ kind: 'error', lines: [found.error] });
      return;
    }
    await runJob(found.source, false, () => client.request({ type: 'add-page-entries', entries: found.entries, source: found.source }));
  };
  const restage = (claimNumber: string) => {
    if (!guardJob()) return;
    void runJob(`claim ${claimNumber}`, false, () => client.request({ type: 'restage-claim', claimNumber }));
  };
  const cancel = () => {
    if (!job) return;
    void client.request({ type: 'cancel', jobId: job.jobId });
    // The cancel button goes away with the job: keep the keyboard user near the inputs.
    document.getElementById('sp-file-input')?.focus();
  };

  const filingDate = options?.filingDate ?? options?.today ?? localToday();
  const exportFiles = () =>
    void act(
      () => client.request({ type: 'export', options: { date: filingDate, dashes, maxPerFile } }),
      (files) => {
        for (const file of files) downloadTextFile(file.name, file.content);
        setLastExport(files);
        return {
          kind: 'info',
          lines: [
            `Downloaded ${files.length === 1 ? files[0]!.name : `${files.length} CAPE files`}. Upload ${files.length === 1 ? 'it' : 'each'} in ACE (CAPE, File Uploads), then record the claim number ACE gives ${files.length === 1 ? 'it' : 'each'} above.`,
          ],
        };
      },
    );
  const exportExclusions = () =>
    void act(
      () => client.request({ type: 'exclusions-report', date: filingDate }),
      (file) => {
        downloadTextFile(file.name, file.content);
        return { kind: 'info', lines: [`Downloaded ${file.name}.`] };
      },
    );
  const copyReady = () =>
    void act(
      async () => {
        const { text, count } = await client.request({ type: 'ready-numbers', dashes });
        await navigator.clipboard.writeText(text);
        return count;
      },
      (count) => ({ kind: 'info', lines: [`Copied ${plural(count, 'ready entry number')} to the clipboard, one a line.`] }),
    );
  const record = async (file: StagingExportedFile, claimNumber: string): Promise<boolean> => {
    const result = await act(
      () => client.request({ type: 'record-claim', batchId: file.batchId, fileName: file.fileName, claimNumber, filedDate: localToday() }),
      (recorded) => ({ kind: 'info', lines: [`Recorded ${file.fileName} under claim ${recorded.claimNumber}: ${plural(recorded.entriesAdded, 'entry', 'entries')} saved to history.`] }),
    );
    if (result === undefined) return false;
    // Tell the overlay and popup; this panel already re-checked.
    const next = (await historyRevision.getValue()) + 1;
    ownRevision.current = next;
    await historyRevision.setValue(next);
    return true;
  };

  const busy = job !== null;
  const summary = state?.summary ?? null;
  return (
    <div class="sp-app">
      <header class="sp-header">
        <h1>Stage a CAPE Declaration</h1>
        <p class="muted" role="status">
          {!state?.loaded
            ? 'Loading your staged list…'
            : state.saveError
              ? ''
              : summary && summary.rows > 0
                ? `${plural(summary.rows, 'row')} staged, saved in this browser.`
                : 'Nothing staged yet. Add a file, pasted text or the entries of an ACE page.'}
        </p>
        {state?.saveError && (
          <p class="error" role="alert">
            {state.saveError}
          </p>
        )}
      </header>

      {state && (
        <RecordClaims
          unrecorded={state.unrecordedFiles}
          recorded={state.recordedFiles}
          currentBatchId={state.batchId}
          canStartNewList={state.batchState !== 'staging'}
          busy={busy}
          onRecord={record}
          onForget={(file) => void act(() => client.request({ type: 'forget-file', batchId: file.batchId, fileName: file.fileName }), () => null)}
          onNewList={() => void act(() => client.request({ type: 'new-list' }), () => ({ kind: 'info', lines: ['Started a new list. Files still to record stay listed above.'] }))}
        />
      )}

      <InputSection job={job} onFiles={addFiles} onText={addText} onPageEntries={() => void addFromPage()} onRestage={restage} />

      <div class="sp-notice">
        {job && <InputProgress job={job} onCancel={cancel} />}
        <div aria-live="polite" hidden={job !== null}>
          {!job && notice && (
            <ul class={notice.kind === 'error' ? 'sp-notice__list error' : 'sp-notice__list'} role={notice.kind === 'error' ? 'alert' : undefined}>
              {notice.lines.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      </div>

      <SummaryBar
        state={state}
        maxPerFile={maxPerFile}
        busy={busy}
        onShowCode={(code) => setFilter({ ...noStagingFilter, code })}
        onUrgentFirst={() => void act(() => client.request({ type: 'urgent-first' }), () => ({ kind: 'info', lines: ['The most urgent entries now come first (and go in the first file). Undo puts the old order back.'] }))}
        onAcceptAllFixes={() => acceptFixes('all')}
      />

      <section class="sp-section sp-table" aria-labelledby="sp-table-heading">
        <h2 id="sp-table-heading">Staged entries</h2>
        <ListToolbar
          filter={filter}
          onFilter={setFilter}
          summary={summary}
          shown={shown}
          selectedCount={selected.size}
          undoLabel={state?.undoLabel ?? null}
          busy={false}
          onRemoveSelected={() => remove([...selected])}
          onRestoreSelected={() => restore([...selected])}
          onRemoveShown={() =>
            void act(() => client.request({ type: 'remove-shown', filter }), (count) => ({ kind: 'info', lines: [`Removed ${plural(count, 'row')}. Undo (Ctrl+Z) puts them back.`] }))
          }
          onUndo={undo}
          onClear={() => {
            setSelected(new Set());
            void act(() => client.request({ type: 'clear' }), () => ({ kind: 'info', lines: ['Cleared the list. Undo (Ctrl+Z) brings it back.'] }));
          }}
        />
        <p id="sp-grid-keys" class="muted sp-keys">
          Arrow keys move, Space selects, Delete removes, Enter accepts a restored number, Ctrl+Z undoes.
        </p>
        <div ref={gridWrap}>
          <StagingGrid
            client={client}
            revision={state?.revision ?? 0}
            filter={filter}
            selected={selected}
            onToggleSelected={(id) =>
              setSelected((current) => {
                const next = new Set(current);
                if (!next.delete(id)) next.add(id);
                return next;
              })
            }
            onActiveRow={setActiveRow}
            onRemove={remove}
            onAcceptFix={(ids) => acceptFixes(ids)}
            onTotal={setShown}
          />
        </div>
        {state?.loaded && shown === 0 && <p class="muted">{summary && summary.rows > 0 ? 'No row matches the filter.' : 'No rows yet.'}</p>}
      </section>

      <RowDetails
        row={activeRow}
        busy={false}
        onAcceptFix={(id) => {
          acceptFixes([id]);
          focusGrid();
        }}
        onRemove={(id) => {
          remove([id]);
          focusGrid();
        }}
        onRestore={(id) => {
          restore([id]);
          focusGrid();
        }}
      />

      <ExportSection
        ready={summary?.ready ?? 0}
        dashes={dashes}
        maxPerFile={maxPerFile}
        keepIneligible={keepIneligible}
        busy={busy}
        lastExport={lastExport}
        onDashes={(value) => void capeFileDashes.setValue(value)}
        onMaxPerFile={(value) => void capeFileMaxEntries.setValue(value)}
        onKeepIneligible={(value) => void keepIneligibleEntries.setValue(value)}
        onExport={exportFiles}
        onExclusions={exportExclusions}
        onCopy={copyReady}
        onDownloadAgain={(file) => downloadTextFile(file.name, file.content)}
      />
    </div>
  );
}
