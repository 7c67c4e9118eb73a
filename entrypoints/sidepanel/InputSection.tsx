import { ActionButton } from './ActionButton';
import { useState } from 'preact/hooks';
import type { StagingInputProgress } from '@/utils/staging-input';

export interface InputJob {
  jobId: number;
  /** What is being read, for the progress line. */
  what: string;
  cancellable: boolean;
  phase: 'reading' | 'checking';
  progress: StagingInputProgress | null;
}

export interface InputSectionProps {
  job: InputJob | null;
  onFiles: (files: File[]) => void;
  onText: (text: string) => boolean | Promise<boolean>;
  onPageEntries: () => void;
  onRestage: (claimNumber: string) => void;
}

function percent(progress: StagingInputProgress): number {
  return progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;
}

function progressLine(job: InputJob): string {
  const progress = job.progress;
  if (job.phase === 'checking') {
    return progress ? `Checking ${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')} rows from ${job.what}…` : `Checking the rows from ${job.what}…`;
  }
  if (!progress) return `Reading ${job.what}…`;
  return `Reading ${progress.source}: ${progress.linesRead.toLocaleString('en-US')} lines (${percent(progress)}%)`;
}

/** Where entries come in: files (picked or dropped), pasted text, the ACE page, a past claim's rejected entries. */
export function InputSection(props: InputSectionProps) {
  const { job } = props;
  const [dragging, setDragging] = useState(false);
  const [text, setText] = useState('');
  const [claimNumber, setClaimNumber] = useState('');
  const busy = job !== null;

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length > 0 && !busy) props.onFiles(files);
  };

  return (
    <section class="sp-section" aria-labelledby="sp-input-heading">
      <h2 id="sp-input-heading">Add entries</h2>
      <div
        class="sp-drop"
        data-dragging={dragging}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p id="sp-drop-hint">Drop CSV, TSV or TXT files here (several at once, ES-003 exports too), or choose them:</p>
        <label class="visually-hidden" for="sp-file-input">
          Choose files
        </label>
        <input
          id="sp-file-input"
          type="file"
          multiple
          accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values"
          aria-describedby="sp-drop-hint"
          onChange={(event) => {
            const input = event.currentTarget as HTMLInputElement;
            const files = [...(input.files ?? [])];
            input.value = '';
            if (files.length > 0) props.onFiles(files);
          }}
        />
      </div>

      <label for="sp-paste" class="sp-label">
        Paste entry numbers or a copied table
      </label>
      <textarea id="sp-paste" rows={3} value={text} onInput={(event) => setText((event.currentTarget as HTMLTextAreaElement).value)} />
      <div class="button-row">
        <ActionButton
          disabled={busy || text.trim() === ''}
          onClick={async () => {
            if (await props.onText(text)) setText('');
          }}
        >
          Add pasted entries
        </ActionButton>
        <ActionButton disabled={busy} onClick={props.onPageEntries}>
          Add entries from this page
        </ActionButton>
      </div>

      <form
        class="sp-inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy && claimNumber.trim() !== '') props.onRestage(claimNumber.trim());
        }}
      >
        <label for="sp-restage" class="sp-label">
          Re-stage the rejected entries of claim
        </label>
        <div class="button-row">
          <input id="sp-restage" type="text" autocomplete="off" spellcheck={false} value={claimNumber} onInput={(event) => setClaimNumber((event.currentTarget as HTMLInputElement).value)} />
          <button type="submit" aria-disabled={busy || claimNumber.trim() === '' ? 'true' : undefined}>
            Re-stage rejected entries
          </button>
        </div>
      </form>

    </section>
  );
}

/** Reading progress with line counts and a cancel button; stands where the last message stood, so nothing moves. */
export function InputProgress({ job, onCancel }: { job: InputJob; onCancel: () => void }) {
  return (
    <div class="sp-progress">
      <label for="sp-progress-bar">{progressLine(job)}</label>
      <div class="button-row">
        <progress id="sp-progress-bar" max={100} value={job.progress ? percent(job.progress) : undefined} />
        {job.cancellable && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </div>
  );
}
