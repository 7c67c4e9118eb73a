import { ActionButton } from './ActionButton';
import { useState } from 'preact/hooks';
import type { StagingExportedFile } from '@/utils/staging-protocol';

export interface RecordClaimsProps {
  unrecorded: StagingExportedFile[];
  recorded: StagingExportedFile[];
  currentBatchId: string;
  canStartNewList: boolean;
  busy: boolean;
  onRecord: (file: StagingExportedFile, claimNumber: string) => Promise<boolean>;
  onForget: (file: StagingExportedFile) => void;
  onNewList: () => void;
}

function when(timestamp: string): string {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? timestamp : date.toLocaleString();
}

function RecordForm({ file, index, busy, onRecord, onForget, earlier }: { file: StagingExportedFile; index: number; busy: boolean; earlier: boolean } & Pick<RecordClaimsProps, 'onRecord' | 'onForget'>) {
  const [claimNumber, setClaimNumber] = useState('');
  const inputId = `sp-claim-${index}`;
  return (
    <li class="sp-unrecorded">
      <p>
        <span class="sp-file-name">{file.fileName}</span>: {file.entryCount.toLocaleString('en-US')} entries, exported {when(file.exportedAt)}
        {earlier ? ' (an earlier list)' : ''}. <strong>Exported, not yet recorded.</strong>
      </p>
      <form
        class="button-row"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!busy && claimNumber.trim() !== '' && (await onRecord(file, claimNumber.trim()))) setClaimNumber('');
        }}
      >
        <label for={inputId}>CAPE claim number for {file.fileName}</label>
        <input id={inputId} type="text" autocomplete="off" spellcheck={false} value={claimNumber} onInput={(event) => setClaimNumber((event.currentTarget as HTMLInputElement).value)} />
        <button type="submit" class="primary" aria-disabled={busy || claimNumber.trim() === '' ? 'true' : undefined}>
          Record
        </button>
        <ActionButton disabled={busy} onClick={() => onForget(file)} aria-label={`I did not upload ${file.fileName}`}>
          I did not upload it
        </ActionButton>
      </form>
    </li>
  );
}

/** After upload: the claim number ACE gave each exported file, so its entries go to history and no export is forgotten. */
export function RecordClaims(props: RecordClaimsProps) {
  if (props.unrecorded.length === 0 && props.recorded.length === 0) return null;
  return (
    <section class="sp-section sp-record" aria-labelledby="sp-record-heading">
      <h2 id="sp-record-heading">Record claim numbers</h2>
      {props.unrecorded.length > 0 && (
        <>
          <p>Upload each file in ACE (CAPE, File Uploads), then type the claim number ACE gave it.</p>
          <ul class="sp-plain-list">
            {props.unrecorded.map((file, index) => (
              <RecordForm
                key={`${file.batchId}/${file.fileName}`}
                file={file}
                index={index}
                busy={props.busy}
                earlier={file.batchId !== props.currentBatchId}
                onRecord={props.onRecord}
                onForget={props.onForget}
              />
            ))}
          </ul>
        </>
      )}
      {props.recorded.length > 0 && (
        <ul class="sp-plain-list">
          {props.recorded.map((file) => (
            <li key={file.fileName}>
              <span class="sp-file-name">{file.fileName}</span>: recorded under claim <strong>{file.claimNumber}</strong>
              {file.recordedAt ? ` on ${when(file.recordedAt)}` : ''}.
            </li>
          ))}
        </ul>
      )}
      {props.canStartNewList && (
        <ActionButton disabled={props.busy} onClick={props.onNewList}>
          Start a new list
        </ActionButton>
      )}
    </section>
  );
}
