import { ActionButton } from './ActionButton';
import { useEffect, useState } from 'preact/hooks';
import type { StagingFilter, StagingStatusFilter } from '@/utils/staging-filter';
import type { StagingSummary } from '@/utils/staging-summary';

export interface ListToolbarProps {
  filter: StagingFilter;
  onFilter: (filter: StagingFilter) => void;
  summary: StagingSummary | null;
  shown: number;
  selectedCount: number;
  undoLabel: string | null;
  busy: boolean;
  onRemoveSelected: () => void;
  onRestoreSelected: () => void;
  onRemoveShown: () => void;
  onUndo: () => void;
  onClear: () => void;
}

const statusOptions: Array<[StagingStatusFilter, string]> = [
  ['all', 'All rows'],
  ['ready', 'Ready'],
  ['excluded', 'Left out'],
  ['removed', 'Removed by you'],
];

/** Filter by status or reason, search, and the actions on selected or shown rows. */
export function ListToolbar(props: ListToolbarProps) {
  const { filter, summary, busy } = props;
  const [search, setSearch] = useState(filter.search);
  useEffect(() => setSearch(filter.search), [filter.search]);
  useEffect(() => {
    if (search === filter.search) return;
    // Searching 100,000 rows on every key would queue work: wait for a pause in typing.
    const timer = setTimeout(() => props.onFilter({ ...filter, search }), 200);
    return () => clearTimeout(timer);
  }, [search]);

  const codes = [...(summary?.excludedBy ?? []), ...(summary?.notes ?? [])];
  const codeKnown = filter.code === null || codes.some((item) => item.code === filter.code);
  const filtered = filter.status !== 'all' || filter.code !== null || filter.search !== '';

  return (
    <div class="sp-toolbar">
      <div class="sp-filters">
        <label>
          Show{' '}
          <select value={filter.status} onChange={(event) => props.onFilter({ ...filter, status: (event.currentTarget as HTMLSelectElement).value as StagingStatusFilter })}>
            {statusOptions.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Reason{' '}
          <select
            value={filter.code ?? ''}
            onChange={(event) => {
              const value = (event.currentTarget as HTMLSelectElement).value;
              props.onFilter({ ...filter, code: value === '' ? null : value });
            }}
          >
            <option value="">Any reason</option>
            {summary && summary.excludedBy.length > 0 && (
              <optgroup label="Left out">
                {summary.excludedBy.map((item) => (
                  <option key={item.code} value={item.code}>
                    {item.label} ({item.count.toLocaleString('en-US')})
                  </option>
                ))}
              </optgroup>
            )}
            {summary && summary.notes.length > 0 && (
              <optgroup label="Notes">
                {summary.notes.map((item) => (
                  <option key={item.code} value={item.code}>
                    {item.label} ({item.count.toLocaleString('en-US')})
                  </option>
                ))}
              </optgroup>
            )}
            {!codeKnown && <option value={filter.code!}>{filter.code} (0)</option>}
          </select>
        </label>
        <label>
          Search{' '}
          <input type="search" value={search} placeholder="Entry number, file, message" onInput={(event) => setSearch((event.currentTarget as HTMLInputElement).value)} />
        </label>
      </div>
      <p class="sp-shown" aria-live="polite">
        {filtered ? `Showing ${props.shown.toLocaleString('en-US')} of ${(summary?.rows ?? 0).toLocaleString('en-US')} rows.` : `${(summary?.rows ?? 0).toLocaleString('en-US')} rows.`}
        {props.selectedCount > 0 ? ` ${props.selectedCount.toLocaleString('en-US')} selected.` : ''}
      </p>
      <div class="button-row">
        <ActionButton disabled={busy || props.selectedCount === 0} onClick={props.onRemoveSelected}>
          Remove selected
        </ActionButton>
        <ActionButton disabled={busy || props.selectedCount === 0} onClick={props.onRestoreSelected}>
          Restore selected
        </ActionButton>
        {filtered && filter.status !== 'removed' && (
          <ActionButton disabled={busy || props.shown === 0} onClick={props.onRemoveShown}>
            Remove the {props.shown.toLocaleString('en-US')} shown
          </ActionButton>
        )}
        <ActionButton disabled={busy || props.undoLabel === null} onClick={props.onUndo} aria-keyshortcuts="Control+Z">
          {props.undoLabel ? `Undo: ${props.undoLabel}` : 'Undo'}
        </ActionButton>
        <ActionButton disabled={busy || (summary?.rows ?? 0) === 0} onClick={props.onClear}>
          Clear the list
        </ActionButton>
      </div>
    </div>
  );
}
