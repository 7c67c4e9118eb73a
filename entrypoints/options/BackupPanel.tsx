import { useEffect, useRef, useState } from 'preact/hooks';
import { localToday } from '@/utils/calendar-date';
import { extensionHistoryDb } from '@/utils/extension-history-db';
import { backupFileName, exportBackup, importBackup, type BackupImportResult } from '@/utils/history-backup';
import { countHistory, countText } from '@/utils/history-counts';
import { noteHistoryChanged } from '@/utils/history-revision';
import { HISTORY_STORE_NAMES, type HistoryStoreName } from '@/utils/history-schema';
import { historyRevision } from '@/utils/settings';
import { downloadTextFile } from '@/utils/download-file';
import { changed, mergeCountsText } from './MergeCountsText';

const storeTitles: Record<HistoryStoreName, string> = {
  claims: 'Claims',
  claimEntries: 'Entries on claims',
  entryLedger: 'Entries with known facts',
  stagedBatches: 'Staged batches',
};

/** What the history holds now, kept current as it changes. */
export function useHistoryCounts(): Record<HistoryStoreName, number> | null {
  const [counts, setCounts] = useState<Record<HistoryStoreName, number> | null>(null);
  useEffect(() => {
    let live = true;
    const read = () => void extensionHistoryDb().then(countHistory).then((found) => live && setCounts(found), () => undefined);
    read();
    const unwatch = historyRevision.watch(read);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return counts;
}

export function historySummary(counts: Record<HistoryStoreName, number>): string {
  return HISTORY_STORE_NAMES.map((store) => countText(counts[store], store)).join(', ');
}

type Status = { kind: 'ok' | 'error'; text: string } | null;

/** Export everything to one JSON file; import merges a backup (newer record wins) and says what changed. */
export function BackupPanel() {
  const counts = useHistoryCounts();
  const [exportStatus, setExportStatus] = useState<Status>(null);
  const [importStatus, setImportStatus] = useState<Status>(null);
  const [importResult, setImportResult] = useState<BackupImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const onExport = async () => {
    setBusy(true);
    try {
      const db = await extensionHistoryDb();
      const [text, exported] = await Promise.all([exportBackup(db), countHistory(db)]);
      const fileName = backupFileName(localToday());
      downloadTextFile(fileName, text, 'application/json');
      setExportStatus({ kind: 'ok', text: `Saved ${fileName}: ${historySummary(exported)}.` });
    } catch (error) {
      setExportStatus({ kind: 'error', text: `The backup could not be made: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(false);
    }
  };

  const onImport = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    setBusy(true);
    setImportResult(null);
    try {
      const result = await importBackup(await extensionHistoryDb(), await file.text());
      if (HISTORY_STORE_NAMES.some((store) => changed(result.changes[store]))) await noteHistoryChanged();
      setImportResult(result);
      setImportStatus({ kind: 'ok', text: `Imported ${file.name} (exported ${result.exportedAt.slice(0, 10) || 'on an unknown date'}).` });
    } catch (error) {
      setImportStatus({ kind: 'error', text: `${file.name} was not imported. ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <section class="panel" id="backup" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup</h2>
      <p data-history-counts={counts ? HISTORY_STORE_NAMES.map((store) => counts[store]).join('/') : undefined}>
        {counts ? `Your history holds ${historySummary(counts)}.` : 'Counting…'}
      </p>
      <h3>Export</h3>
      <p class="muted">One JSON file with everything, a checksum and counts. Keep it somewhere safe; it is the only copy outside this browser.</p>
      <div class="button-row">
        <button type="button" class="primary" onClick={onExport} disabled={busy}>
          Export backup
        </button>
      </div>
      <p role="status" class={exportStatus?.kind === 'error' ? 'result error' : exportStatus ? 'result' : undefined}>
        {exportStatus?.text ?? ''}
      </p>
      <h3>Import</h3>
      <p class="muted">
        Merges a backup into your history: for each claim, entry and batch the newer record wins. A damaged or foreign file changes nothing.
      </p>
      <div class="field">
        <label for="backup-file">Backup file to import</label>
        <input id="backup-file" ref={fileInput} type="file" accept=".json,application/json" onChange={onImport} disabled={busy} />
      </div>
      <div role="status" class={importStatus?.kind === 'error' ? 'result error' : importStatus ? 'result' : undefined}>
        {importStatus && <p>{importStatus.text}</p>}
        {importResult && (
          <table class="plain" data-import-changes>
            <caption class="visually-hidden">What the import changed</caption>
            <thead>
              <tr>
                <th scope="col">Records</th>
                <th scope="col">Added</th>
                <th scope="col">Updated</th>
                <th scope="col">Unchanged</th>
              </tr>
            </thead>
            <tbody>
              {HISTORY_STORE_NAMES.map((store) => (
                <tr key={store} data-store={store} aria-label={`${storeTitles[store]}: ${mergeCountsText(importResult.changes[store])}`}>
                  <th scope="row">{storeTitles[store]}</th>
                  <td>{importResult.changes[store].added}</td>
                  <td>{importResult.changes[store].updated}</td>
                  <td>{importResult.changes[store].unchanged}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
