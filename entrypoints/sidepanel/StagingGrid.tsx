import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { VerdictPill } from '@/components/VerdictPill';
import type { StagingClient } from '@/utils/staging-client';
import type { StagingFilter } from '@/utils/staging-filter';
import type { StagedRowView } from '@/utils/staging-view';
import { rowsPerPage, scrollTopToShow, virtualWindow } from '@/utils/staging-virtual-window';
import { countdownText } from '@/utils/verdict-labels';

/** Fixed row height in px; sidepanel.css gives .sp-row the same height. */
export const STAGED_ROW_HEIGHT = 56;
/** Rows fetched beyond the rendered ones, so small scrolls need no new request. */
const fetchMargin = 40;

interface ViewData {
  revision: number;
  filterKey: string;
  start: number;
  end: number;
  total: number;
  rows: StagedRowView[];
}

export interface StagingGridProps {
  client: StagingClient;
  revision: number;
  filter: StagingFilter;
  selected: ReadonlySet<number>;
  onToggleSelected: (id: number) => void;
  onActiveRow: (row: StagedRowView | null) => void;
  onRemove: (ids: number[]) => void;
  onAcceptFix: (ids: number[]) => void;
  onTotal: (total: number) => void;
}

const statusWords = { ready: ['✓', 'Ready'], excluded: ['✕', 'Left out'], removed: ['−', 'Removed'] } as const;

function rowLine(view: StagedRowView): string {
  const where = view.source ? `${view.source}, row ${view.row}` : `Row ${view.row}`;
  const asGiven = view.input.trim();
  // The input is worth showing only when it differs from both forms of the number (damage, stray text).
  return view.entryNumber !== null && asGiven !== view.entryNumber && asGiven !== view.entryNumber.replace(/-/g, '') ? `${where}: "${view.input}"` : where;
}

function StagedRow({ view, top, selected, active, onClick }: { view: StagedRowView; top: number; selected: boolean; active: boolean; onClick: (event: MouseEvent) => void }) {
  const [symbol, words] = statusWords[view.status];
  const deadline = view.nextDeadline;
  return (
    <div
      role="row"
      id={`staged-row-${view.id}`}
      class={active ? 'sp-row sp-row--active' : 'sp-row'}
      data-status={view.status}
      data-entry-number={view.entryNumber?.replace(/-/g, '') ?? ''}
      data-row-verdict={view.verdict ?? ''}
      aria-rowindex={view.index + 1}
      aria-selected={selected}
      style={{ top: `${top}px` }}
      onClick={onClick}
    >
      <div role="gridcell" class="sp-cell sp-cell--select" data-select="true">
        <span aria-hidden="true">{selected ? '☑' : '☐'}</span>
      </div>
      <div role="gridcell" class="sp-cell sp-cell--status">
        <span aria-hidden="true">{symbol}</span> {words}
      </div>
      <div role="gridcell" class="sp-cell sp-cell--entry">
        <span class="sp-entry-number">{view.entryNumber ?? (view.input || '(empty)')}</span>
        <span class="sp-row-origin">{rowLine(view)}</span>
      </div>
      <div role="gridcell" class="sp-cell sp-cell--verdict">
        {view.verdict && <VerdictPill verdict={view.verdict} />}
        {deadline && (
          <span class="sp-deadline" title={`${deadline.label}: ${deadline.date}`}>
            {deadline.date} ({countdownText(deadline.daysLeft)})
          </span>
        )}
      </div>
      <div role="gridcell" class="sp-cell sp-cell--message">
        {view.reasonLabel && <strong>{view.reasonLabel}: </strong>}
        {view.headline ?? ''}
      </div>
    </div>
  );
}

function PlaceholderRow({ index, top }: { index: number; top: number }) {
  return (
    <div role="row" class="sp-row sp-row--placeholder" aria-rowindex={index + 2} style={{ top: `${top}px` }}>
      <div role="gridcell" class="sp-cell sp-cell--message">Loading row {index + 1}…</div>
    </div>
  );
}

/**
 * The staged rows as an ARIA grid with only the visible rows in the DOM (fixed row height). Focus stays on the grid;
 * arrows move the active row, Space selects, Delete removes, Enter accepts a proposed fix.
 */
export function StagingGrid(props: StagingGridProps) {
  const { client, revision, filter, selected } = props;
  const gridRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ viewport: 400, header: 32 });
  const [scrollTop, setScrollTop] = useState(0);
  const [data, setData] = useState<ViewData | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const filterKey = JSON.stringify(filter);
  const current = data && data.filterKey === filterKey ? data : null;
  const total = current?.total ?? 0;
  const geometry = { total, rowHeight: STAGED_ROW_HEIGHT, viewportHeight: size.viewport };
  const visible = virtualWindow({ ...geometry, scrollTop, overscan: 6 });

  useLayoutEffect(() => {
    const grid = gridRef.current!;
    const measure = () => setSize({ viewport: Math.max(STAGED_ROW_HEIGHT, grid.clientHeight - (headerRef.current?.offsetHeight ?? 0)), header: headerRef.current?.offsetHeight ?? 0 });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(grid);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    gridRef.current!.scrollTop = 0;
    setScrollTop(0);
    setActiveIndex(0);
  }, [filterKey]);

  useEffect(() => {
    // Nothing to show before the saved list has loaded and been checked.
    if (revision === 0) return;
    const fresh = current !== null && current.revision >= revision;
    const covered = current !== null && visible.start >= current.start && (visible.end <= current.end || current.end >= current.total);
    if (fresh && covered) return;
    let live = true;
    const start = Math.max(0, visible.start - fetchMargin);
    const end = visible.end + fetchMargin;
    void client.request({ type: 'view', filter, start, end }).then((result) => {
      if (!live) return;
      setData({ revision: result.revision, filterKey, start, end: start + result.rows.length, total: result.total, rows: result.rows });
    }, () => undefined);
    return () => {
      live = false;
    };
  }, [client, revision, filterKey, visible.start, visible.end, current?.revision, current?.start, current?.end]);

  useEffect(() => props.onTotal(total), [total]);

  const clampedActive = Math.min(activeIndex, Math.max(0, total - 1));
  const activeView = current && clampedActive >= current.start && clampedActive < current.end ? current.rows[clampedActive - current.start]! : null;
  useEffect(() => props.onActiveRow(total === 0 ? null : activeView), [activeView, total]);

  const moveTo = (index: number) => {
    if (total === 0) return;
    const next = Math.min(total - 1, Math.max(0, index));
    setActiveIndex(next);
    const top = scrollTopToShow(next, { ...geometry, scrollTop });
    if (top !== scrollTop) gridRef.current!.scrollTop = top;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== gridRef.current) return;
    const page = rowsPerPage(size.viewport, STAGED_ROW_HEIGHT);
    const act = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    switch (event.key) {
      case 'ArrowDown':
        act();
        moveTo(clampedActive + 1);
        return;
      case 'ArrowUp':
        act();
        moveTo(clampedActive - 1);
        return;
      case 'PageDown':
        act();
        moveTo(clampedActive + page);
        return;
      case 'PageUp':
        act();
        moveTo(clampedActive - page);
        return;
      case 'Home':
        act();
        moveTo(0);
        return;
      case 'End':
        act();
        moveTo(total - 1);
        return;
      case ' ':
        act();
        if (activeView) props.onToggleSelected(activeView.id);
        return;
      case 'Delete':
      case 'Backspace':
        act();
        if (selected.size > 0) props.onRemove([...selected]);
        else if (activeView && activeView.status !== 'removed') props.onRemove([activeView.id]);
        return;
      case 'Enter':
        act();
        if (activeView?.proposedFix && !activeView.fixAccepted) props.onAcceptFix([activeView.id]);
        return;
    }
  };

  const rows = [];
  for (let index = visible.start; index < visible.end; index++) {
    const top = visible.offsetTop + (index - visible.start) * STAGED_ROW_HEIGHT;
    const view = current && index >= current.start && index < current.end ? current.rows[index - current.start] : undefined;
    if (!view) {
      rows.push(<PlaceholderRow key={`placeholder-${index}`} index={index} top={top} />);
      continue;
    }
    rows.push(
      <StagedRow
        key={view.id}
        view={view}
        top={top}
        selected={selected.has(view.id)}
        active={index === clampedActive}
        onClick={(event) => {
          setActiveIndex(index);
          gridRef.current!.focus({ preventScroll: true });
          if ((event.target as HTMLElement).closest('[data-select]') || event.ctrlKey || event.metaKey) props.onToggleSelected(view.id);
        }}
      />,
    );
  }

  return (
    <div
      ref={gridRef}
      role="grid"
      class="sp-grid"
      tabIndex={0}
      aria-label="Staged entries"
      aria-describedby="sp-grid-keys"
      aria-rowcount={total + 1}
      aria-colcount={5}
      aria-multiselectable="true"
      aria-activedescendant={activeView && clampedActive >= visible.start && clampedActive < visible.end ? `staged-row-${activeView.id}` : undefined}
      onKeyDown={onKeyDown}
      onScroll={(event) => setScrollTop((event.currentTarget as HTMLDivElement).scrollTop)}
    >
      <div role="rowgroup" class="sp-grid__head" ref={headerRef}>
        <div role="row" class="sp-row sp-row--head" aria-rowindex={1}>
          <div role="columnheader" class="sp-cell sp-cell--select">
            <span class="visually-hidden">Selected</span>
          </div>
          <div role="columnheader" class="sp-cell sp-cell--status">Status</div>
          <div role="columnheader" class="sp-cell sp-cell--entry">Entry number</div>
          <div role="columnheader" class="sp-cell sp-cell--verdict">Verdict, next deadline</div>
          <div role="columnheader" class="sp-cell sp-cell--message">Why</div>
        </div>
      </div>
      <div role="rowgroup" class="sp-grid__body" style={{ height: `${visible.scrollHeight}px` }}>
        {rows}
      </div>
    </div>
  );
}
