import { useMemo, useRef, useState } from 'preact/hooks';
import { parseAceResultFiles, saveClaimResults, type AceResultFileKind } from '@/utils/claim-results-import';
import { formatEntryNumber } from '@/utils/entry-number';
import { extensionHistoryDb } from '@/utils/extension-history-db';
import { noteHistoryChanged } from '@/utils/history-revision';
import { aceErrorToReason } from '@/utils/ace-error-texts';
import { ImportMessages } from './ImportMessages';
import { changed, mergeCountsText } from './MergeCountsText';
import { readChosenFiles, type ChosenFile } from './read-chosen-files';

const kindLabels: Record<AceResultFileKind, string> = {
  'validation-result': 'Validation Result File',
  'claim-details': 'Claim Details file',
  'claim-status': 'claim list',
};

const uploadErrorsShown = 30;

type Outcome = { kind: 'saved'; text: string } | { kind: 'error'; text: string };

/** ACE's CAPE downloads (Validation Result File, Claim Details, claim list), several at once: preview, then save. */
export function ImportAceFilesPanel() {
  const [chosen, setChosen] = useState<{ files: ChosenFile[]; importedAt: string; problems: string[] } | null>(null);
  const [claimNumbers, setClaimNumbers] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [saving, setSaving] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const preview = useMemo(() => {
    if (!chosen || chosen.files.length === 0) return null;
    const files = chosen.files.map((file) => (claimNumbers[file.name] ? { ...file, claimNumber: claimNumbers[file.name] } : file));
    return parseAceResultFiles(files, { importedAt: chosen.importedAt });
  }, [chosen, claimNumbers]);

  const entryCount = preview?.claims.reduce((sum, claim) => sum + claim.entries.length, 0) ?? 0;

  const onChoose = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const read = await readChosenFiles(input.files);
    setOutcome(null);
    setClaimNumbers({});
    setChosen({ ...read, importedAt: new Date().toISOString() });
  };

  const save = async () => {
    if (!preview) return;
    setSaving(true);
    try {
      const result = await saveClaimResults(await extensionHistoryDb(), preview);
      if (changed(result.claims) || changed(result.claimEntries)) await noteHistoryChanged();
      setOutcome({ kind: 'saved', text: `Saved to history. Claims: ${mergeCountsText(result.claims)}. Entries on claims: ${mergeCountsText(result.claimEntries)}.` });
      setChosen(null);
      if (fileInput.current) fileInput.current.value = '';
    } catch (error) {
      setOutcome({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="panel" id="import-ace-files" aria-labelledby="import-ace-files-heading">
      <h2 id="import-ace-files-heading">Import files downloaded from ACE</h2>
      <p class="muted">
        From ACE's CAPE tab: the Validation Result File of an upload, the Claim Details file of a claim, or a list of claims. Choose several at once; you
        see what will be saved before anything is.
      </p>
      <div class="field">
        <label for="ace-files">CSV files from ACE</label>
        <input id="ace-files" ref={fileInput} type="file" multiple accept=".csv,.txt,.tsv,text/csv,text/plain" onChange={onChoose} />
      </div>
      {chosen && chosen.problems.length > 0 && (
        <ul class="error">
          {chosen.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {preview && chosen && (
        <div aria-label="What will be saved" role="region">
          <table class="plain">
            <caption class="visually-hidden">Files read</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Read as</th>
                <th scope="col">Rows used</th>
                <th scope="col">Claims</th>
              </tr>
            </thead>
            <tbody>
              {preview.files.map((file) => (
                <tr key={file.name}>
                  <td>{file.name}</td>
                  <td>{kindLabels[file.kind]}</td>
                  <td>
                    {file.rowsUsed} of {file.rowsRead}
                  </td>
                  <td>
                    {file.claimNumbers.join(', ') || '—'}
                    {(file.needsClaimNumber || claimNumbers[file.name]) && (
                      <div class="field">
                        <label for={`claim-for-${file.name}`}>Claim number ACE gave this upload</label>
                        <input
                          id={`claim-for-${file.name}`}
                          type="text"
                          value={claimNumbers[file.name] ?? ''}
                          onChange={(event) => setClaimNumbers({ ...claimNumbers, [file.name]: (event.currentTarget as HTMLInputElement).value })}
                        />
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {preview.claims.length === 0
              ? 'Nothing to save: no claim was found in these files.'
              : `${preview.claims.length} ${preview.claims.length === 1 ? 'claim' : 'claims'} with ${entryCount} ${entryCount === 1 ? 'entry' : 'entries'} will be saved.`}
          </p>
          {preview.uploadErrors.length > 0 && (
            <details>
              <summary>
                {preview.uploadErrors.length} {preview.uploadErrors.length === 1 ? 'error' : 'errors'} ACE reported outside any claim (not saved)
              </summary>
              <ul>
                {preview.uploadErrors.slice(0, uploadErrorsShown).map((error) => (
                  <li key={`${error.source}:${error.row}`}>
                    {error.source}, row {error.row}
                    {error.entryNumber ? `, ${formatEntryNumber(error.entryNumber)}` : error.input ? `, “${error.input}”` : ''}: <q>{error.aceErrorText}</q>{' '}
                    <span class="muted">{aceErrorToReason(error.aceErrorText).message}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
          <ImportMessages messages={preview.messages} />
          <div class="button-row">
            <button type="button" class="primary" disabled={preview.claims.length === 0 || saving} onClick={save}>
              {preview.claims.length === 1 ? 'Save 1 claim to history' : `Save ${preview.claims.length} claims to history`}
            </button>
          </div>
        </div>
      )}
      <p role="status" class={outcome?.kind === 'error' ? 'result error' : outcome ? 'result' : undefined}>
        {outcome?.text ?? ''}
      </p>
    </section>
  );
}
