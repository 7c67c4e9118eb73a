import { useEffect, useRef, useState } from 'preact/hooks';
import { extensionHistoryDb } from '@/utils/extension-history-db';
import { noteHistoryChanged } from '@/utils/history-revision';
import { wipeHistory } from '@/utils/history-store';
import { historySummary, useHistoryCounts } from './BackupPanel';

/** Erases the whole history after a confirmation that says what will go. */
export function WipePanel() {
  const counts = useHistoryCounts();
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
  }, [confirming]);

  const erase = async () => {
    try {
      await wipeHistory(await extensionHistoryDb());
      await noteHistoryChanged();
      setStatus({ kind: 'ok', text: 'Your history was erased.' });
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
    setConfirming(false);
    startButton.current?.focus();
  };

  return (
    <section class="panel" id="erase" aria-labelledby="erase-heading">
      <h2 id="erase-heading">Erase history</h2>
      <p class="muted">Removes every claim, entry, learned fact and staged batch from this browser. Settings stay.</p>
      <div class="button-row">
        <button type="button" class="danger" ref={startButton} onClick={() => setConfirming(true)} disabled={confirming} aria-expanded={confirming} aria-controls="erase-confirm">
          Erase all history…
        </button>
      </div>
      {confirming && (
        <div id="erase-confirm" class="confirm" role="group" aria-labelledby="erase-confirm-text">
          <p id="erase-confirm-text">
            <strong>Erase {counts ? historySummary(counts) : 'everything in your history'}?</strong> This cannot be undone. Export a backup first if you may
            need them.
          </p>
          <div class="button-row">
            <button type="button" class="danger" onClick={erase}>
              Yes, erase everything
            </button>
            <button type="button" ref={cancelButton} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <p role="status" class={status?.kind === 'error' ? 'result error' : status ? 'result' : undefined}>
        {status?.text ?? ''}
      </p>
    </section>
  );
}
