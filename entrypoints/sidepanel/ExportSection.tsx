import { ActionButton } from './ActionButton';
import { MAX_ENTRIES_PER_DECLARATION } from '@/utils/cape-file';
import type { StagingDownload } from '@/utils/staging-protocol';

export interface ExportSectionProps {
  ready: number;
  dashes: boolean;
  maxPerFile: number;
  keepIneligible: boolean;
  busy: boolean;
  lastExport: StagingDownload[] | null;
  onDashes: (value: boolean) => void;
  onMaxPerFile: (value: number) => void;
  onKeepIneligible: (value: boolean) => void;
  onExport: () => void;
  onExclusions: () => void;
  onCopy: () => void;
  onDownloadAgain: (file: StagingDownload) => void;
}

/** Download the CAPE files exactly as the core writes them, the exclusions report, or copy the ready numbers. */
export function ExportSection(props: ExportSectionProps) {
  const files = Math.ceil(props.ready / Math.max(1, props.maxPerFile));
  return (
    <section class="sp-section" aria-labelledby="sp-export-heading">
      <h2 id="sp-export-heading">Export</h2>
      <div class="sp-options">
        <label class="sp-check">
          <input type="checkbox" checked={props.dashes} onChange={(event) => props.onDashes((event.currentTarget as HTMLInputElement).checked)} />
          Write entry numbers with dashes (ABC-1234567-6)
        </label>
        <label class="sp-check">
          <input type="checkbox" checked={props.keepIneligible} onChange={(event) => props.onKeepIneligible((event.currentTarget as HTMLInputElement).checked)} />
          Keep entries predicted not eligible (let ACE decide)
        </label>
        <label>
          Entries per file (at most {MAX_ENTRIES_PER_DECLARATION.toLocaleString('en-US')}){' '}
          <input
            type="number"
            min={1}
            max={MAX_ENTRIES_PER_DECLARATION}
            step={1}
            value={props.maxPerFile}
            onChange={(event) => {
              const value = Math.round(Number((event.currentTarget as HTMLInputElement).value));
              if (Number.isFinite(value)) props.onMaxPerFile(Math.min(MAX_ENTRIES_PER_DECLARATION, Math.max(1, value)));
            }}
          />
        </label>
      </div>
      <div class="button-row">
        <ActionButton class="primary" disabled={props.busy || props.ready === 0} onClick={props.onExport}>
          {files > 1 ? `Download ${files} CAPE files` : 'Download the CAPE file'}
        </ActionButton>
        <ActionButton disabled={props.busy} onClick={props.onExclusions}>
          Download the exclusions report
        </ActionButton>
        <ActionButton disabled={props.busy || props.ready === 0} onClick={props.onCopy}>
          Copy ready entry numbers
        </ActionButton>
      </div>
      {props.lastExport && (
        <ul class="sp-files" aria-label="Files of the last export">
          {props.lastExport.map((file) => (
            <li key={file.name}>
              <span class="sp-file-name">{file.name}</span>{' '}
              <button type="button" class="link-button" onClick={() => props.onDownloadAgain(file)} aria-label={`Download ${file.name} again`}>
                Download again
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
