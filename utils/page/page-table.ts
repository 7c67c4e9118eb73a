import { matchHeaderRow, type ColumnMap } from '../fact-columns';

/**
 * A table as the page draws it, found by structure, never by class names (domain.md §2):
 * `<table>` (with or without `thead`), ARIA grids and tables, and `div` grids whose rows have the same number of cells.
 */
export interface PageTable {
  element: Element;
  /** Header cell texts mapped to entry-number and fact columns; empty when no header row was recognised. */
  columns: ColumnMap;
  headerRow: Element | null;
}

export interface CellPlace {
  table: PageTable;
  row: Element;
  columnIndex: number;
}

const ariaCellRoles = new Set(['cell', 'gridcell', 'columnheader', 'rowheader']);
const ariaRowSelector = '[role="row"]';
const headerSearchDepth = 5;

function roleOf(element: Element): string | null {
  return element.getAttribute('role');
}

function isHtmlCell(element: Element): element is HTMLTableCellElement {
  return element.tagName === 'TD' || element.tagName === 'TH';
}

/** The cells of a row, in order; a `<tr>`'s own live list, not a copy (rows of a 10,000-row report are read by cell index). */
export function cellsOfRow(row: Element): ArrayLike<Element> {
  if (row.tagName === 'TR') return (row as HTMLTableRowElement).cells;
  const children = Array.from(row.children);
  if (roleOf(row) === 'row') {
    const cells = children.filter((child) => ariaCellRoles.has(roleOf(child) ?? ''));
    if (cells.length) return cells;
  }
  return children;
}

/** The rows of a table, in order (only its own rows, not those of nested tables); the first `limit` of them when given. */
export function rowsOfTable(table: Element, limit = Infinity): Element[] {
  const rows: Element[] = [];
  // Indexed, never copied whole: the header is looked for in the first few rows of tables that may have 10,000.
  const take = (candidates: ArrayLike<Element>, isOwn: (row: Element) => boolean = () => true): Element[] => {
    for (let index = 0; index < candidates.length && rows.length < limit; index++) if (isOwn(candidates[index]!)) rows.push(candidates[index]!);
    return rows;
  };
  if (table.tagName === 'TABLE') return take((table as HTMLTableElement).rows);
  const role = roleOf(table);
  if (role === 'grid' || role === 'table' || role === 'treegrid') return take(table.querySelectorAll(ariaRowSelector), (row) => owningAriaTable(row) === table);
  return take(table.children);
}

function owningAriaTable(row: Element): Element | null {
  return row.parentElement?.closest('[role="grid"], [role="table"], [role="treegrid"]') ?? null;
}

/** Two sibling elements look like rows of one grid when they have the same tag and the same number of children (at least 3). */
function looksLikeDivRow(row: Element): boolean {
  const parent = row.parentElement;
  if (!parent || row.children.length < 3) return false;
  let alike = 0;
  for (const sibling of parent.children) {
    if (sibling !== row && sibling.tagName === row.tagName && sibling.children.length === row.children.length) alike += 1;
    if (alike >= 1) return true;
  }
  return false;
}

/** Finds the cell, row and table an element sits in, climbing at most a few levels (numbers are often wrapped in links or spans). */
export function locateCell(start: Element, cache: WeakMap<Element, PageTable>): CellPlace | null {
  let element: Element | null = start;
  for (let depth = 0; element && depth < 6; depth++, element = element.parentElement) {
    if (isHtmlCell(element)) {
      const row = element.parentElement;
      const table = row?.closest('table');
      if (!row || !table) return null;
      return { table: pageTableOf(table, cache), row, columnIndex: (element as HTMLTableCellElement).cellIndex };
    }
    const role = roleOf(element);
    if (role && ariaCellRoles.has(role)) {
      const row = element.closest(ariaRowSelector);
      const table = row && owningAriaTable(row);
      if (!row || !table) return null;
      return { table: pageTableOf(table, cache), row, columnIndex: Array.prototype.indexOf.call(cellsOfRow(row), element) };
    }
    const row = element.parentElement;
    if (row && row.tagName !== 'BODY' && looksLikeDivRow(row) && row.parentElement) {
      return { table: pageTableOf(row.parentElement, cache), row, columnIndex: Array.prototype.indexOf.call(row.children, element) };
    }
  }
  return null;
}

export function cellText(cell: Element): string {
  const text = cell.textContent ?? '';
  // Most cells are already clean: collapsing them anyway made two new strings per cell read.
  return untidySpace.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/** Whitespace other than single spaces between words. */
const untidySpace = /[^\S ]| {2}|^ | $/;

/** The table `element` draws, its header read once and kept in `cache`. */
export function pageTableOf(element: Element, cache: WeakMap<Element, PageTable>): PageTable {
  let table = cache.get(element);
  // Single-page apps swap a table's header on a route change while keeping the table element.
  if (table?.headerRow && !(table.headerRow.isConnected && element.contains(table.headerRow))) table = undefined;
  if (!table) {
    table = readHeader(element);
    cache.set(element, table);
  }
  return table;
}

/** The header row: the first of the first few rows whose cell texts name an entry-number column or fact columns. */
function readHeader(element: Element): PageTable {
  const rows = rowsOfTable(element, headerSearchDepth);
  for (const row of rows) {
    const columns = matchHeaderRow(Array.from(cellsOfRow(row), cellText));
    const named = Object.keys(columns).length;
    if (columns.entryNumber !== undefined || named >= 2) return { element, columns, headerRow: row };
  }
  return { element, columns: {}, headerRow: null };
}
