import { useState } from 'preact/hooks';
import { parseHandEntry, saveClaimResults, type ImportMessage } from '@/utils/claim-results-import';
import { extensionHistoryDb } from '@/utils/extension-history-db';
import { noteHistoryChanged } from '@/utils/history-revision';
import type { EntryOutcome } from '@/utils/history-schema';
import { ImportMessages } from './ImportMessages';
import { changed, mergeCountsText } from './MergeCountsText';

interface Form {
  claimNumber: string;
  filedDate: string;
  importerNumber: string;
  entriesText: string;
  outcome: EntryOutcome;
  notes: string;
}

const emptyForm: Form = { claimNumber: '', filedDate: '', importerNumber: '', entriesText: '', outcome: 'pending', notes: '' };

/** A claim number and its entries typed or pasted (from an e-mail, a PDF, a spreadsheet); the form keeps its text until saved. */
export function HandEntryPanel() {
  const [form, setForm] = useState<Form>(emptyForm);
  const [messages, setMessages] = useState<ImportMessage[]>([]);
  const [result, setResult] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const field = (name: keyof Form) => ({
    value: form[name],
    onInput: (event: Event) => setForm({ ...form, [name]: (event.currentTarget as HTMLInputElement).value }),
  });

  const save = async (event: Event) => {
    event.preventDefault();
    setSaving(true);
    try {
      const parsed = parseHandEntry(
        {
          claimNumber: form.claimNumber,
          entriesText: form.entriesText,
          filedDate: form.filedDate,
          importerNumber: form.importerNumber,
          notes: form.notes,
          outcome: form.outcome,
        },
        { importedAt: new Date().toISOString() },
      );
      setMessages(parsed.messages);
      const claim = parsed.claims[0];
      if (!claim) {
        setResult({ kind: 'error', text: 'Nothing was saved: fix the claim number.' });
        return;
      }
      const saved = await saveClaimResults(await extensionHistoryDb(), parsed);
      if (changed(saved.claims) || changed(saved.claimEntries)) await noteHistoryChanged();
      setResult({
        kind: 'saved',
        text: `Saved claim ${claim.claim.claimNumber} with ${claim.entries.length} ${claim.entries.length === 1 ? 'entry' : 'entries'}. Claim: ${mergeCountsText(saved.claims)}. Entries: ${mergeCountsText(saved.claimEntries)}.`,
      });
      setForm(emptyForm);
    } catch (error) {
      setResult({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="panel" id="hand-entry" aria-labelledby="hand-entry-heading">
      <h2 id="hand-entry-heading">Enter a claim by hand</h2>
      <form onSubmit={save}>
        <div class="field">
          <label for="hand-claim-number">Claim number</label>
          <input id="hand-claim-number" type="text" required autoComplete="off" spellcheck={false} {...field('claimNumber')} />
        </div>
        <div class="field">
          <label for="hand-entries">Entry numbers</label>
          <textarea id="hand-entries" aria-describedby="hand-entries-help" spellcheck={false} {...field('entriesText')} />
          <p id="hand-entries-help" class="muted">
            One or more per line, in any form (ABC-1234567-6, abc12345676). After a number you may write Accepted, Rejected or Pending and ACE's error text,
            e.g. “ABC-1234568-4 rejected ENTRY ON DRAWBACK”.
          </p>
        </div>
        <div class="field">
          <label for="hand-outcome">Outcome of entries whose line does not say</label>
          <select id="hand-outcome" value={form.outcome} onChange={(event) => setForm({ ...form, outcome: (event.currentTarget as HTMLSelectElement).value as EntryOutcome })}>
            <option value="pending">Pending</option>
            <option value="accepted">Accepted</option>
            <option value="rejected">Rejected</option>
          </select>
        </div>
        <div class="field">
          <label for="hand-filed-date">Filed on (optional)</label>
          <input id="hand-filed-date" type="date" {...field('filedDate')} />
        </div>
        <div class="field">
          <label for="hand-importer">Importer number (optional)</label>
          <input id="hand-importer" type="text" autoComplete="off" {...field('importerNumber')} />
        </div>
        <div class="field">
          <label for="hand-notes">Notes (optional)</label>
          <input id="hand-notes" type="text" autoComplete="off" {...field('notes')} />
        </div>
        <div class="button-row">
          <button type="submit" class="primary" disabled={saving}>
            Save claim
          </button>
        </div>
      </form>
      <p role="status" class={result?.kind === 'error' ? 'result error' : result ? 'result' : undefined}>
        {result?.text ?? ''}
      </p>
      <ImportMessages messages={messages} />
    </section>
  );
}
