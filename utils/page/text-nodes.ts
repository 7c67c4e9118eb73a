/** Elements whose text is not page prose: code, styles, form fields, editable areas. */
const skippedTags = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'TEMPLATE', 'SVG', 'CODE', 'PRE']);

/** The shortest text that can hold an entry number (11 characters, undashed). */
const shortestEntryText = 11;

/**
 * Text nodes under `root` long enough to hold an entry number, skipping code, form fields, editable text and our own badges.
 * The walker has no script filter: a filter is a call into script per node, which on a 10,000-row table cost seconds.
 *
 * `entryColumnOf` names a table's entry-number column, where it has one: such a table is read row by row, entry cells only
 * (numbers in its other columns are not entries), so a 10,000-row report costs one text node per row instead of one per cell.
 */
export function* textNodesUnder(root: Node, isOwnNode: (node: Node) => boolean, entryColumnOf?: (table: HTMLTableElement) => number | undefined): Generator<Text> {
  const skipped = new Map<Element, boolean>();
  const isInSkipped = (element: Element | null): boolean => {
    if (!element) return false;
    const known = skipped.get(element);
    if (known !== undefined) return known;
    const path: Element[] = [];
    let verdict = false;
    for (; element; element = element.parentElement) {
      const known = skipped.get(element);
      if (known !== undefined) {
        verdict = known;
        break;
      }
      path.push(element);
      if (isSkipped(element, isOwnNode)) {
        verdict = true;
        break;
      }
    }
    for (const element of path) skipped.set(element, verdict);
    return verdict;
  };
  const isCandidate = (text: Text): boolean => text.length >= shortestEntryText && !isInSkipped(text.parentElement);
  if (root.nodeType === Node.TEXT_NODE) {
    const text = root as Text;
    if (text.parentElement && isCandidate(text)) yield text;
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE && root.nodeType !== Node.DOCUMENT_NODE && root.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const byRows = entryColumnOf ? tablesReadByRows(root as ParentNode, entryColumnOf) : [];
  let nextTable = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    while (nextTable < byRows.length && isPast(byRows[nextTable]!.table, node)) nextTable++;
    const table = byRows[nextTable];
    if (table?.table.contains(node)) {
      nextTable++;
      // A cell's own ancestors are checked without the cache: remembering two elements per row grew a map of 20,000.
      const isCandidateInTable = (text: Text): boolean => text.length >= shortestEntryText && !isSkippedBelow(text.parentElement, table.table, isOwnNode);
      if (!isInSkipped(table.table)) yield* entryCellTexts(table, walker, isCandidateInTable);
      const last = lastDescendant(table.table);
      if (!last) break;
      walker.currentNode = last;
      continue;
    }
    // `length`, not `data.length`: reading `data` copies the text into a new string for every node on the page.
    if (isCandidate(node as Text)) yield node as Text;
  }
}

interface TableByRows {
  table: HTMLTableElement;
  entryColumn: number;
}

/** Tables under `root` with an entry-number column and no table inside (a nested table's cells are not the outer table's rows). */
function tablesReadByRows(root: ParentNode, entryColumnOf: (table: HTMLTableElement) => number | undefined): TableByRows[] {
  const found: TableByRows[] = [];
  const tables = [...root.querySelectorAll('table')];
  if ((root as Element).tagName === 'TABLE') tables.unshift(root as HTMLTableElement);
  for (const table of tables) {
    const entryColumn = entryColumnOf(table);
    if (entryColumn !== undefined && !table.querySelector('table')) found.push({ table, entryColumn });
  }
  return found;
}

function isPast(table: Element, node: Node): boolean {
  return !table.contains(node) && (table.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

function lastDescendant(node: Node): Node | null {
  let last = node.lastChild;
  while (last?.lastChild) last = last.lastChild;
  return last;
}

/** The caption's texts, then each row's entry cell's; the walker is moved cell to cell, never through the other cells. */
function* entryCellTexts({ table, entryColumn }: TableByRows, walker: TreeWalker, isCandidate: (text: Text) => boolean): Generator<Text> {
  if (table.caption) yield* textsOfCell(table.caption, walker, isCandidate);
  const rows = table.rows;
  for (let index = 0; index < rows.length; index++) {
    const cell = rows[index]!.cells[entryColumn];
    if (cell) yield* textsOfCell(cell, walker, isCandidate);
  }
}

function* textsOfCell(cell: Element, walker: TreeWalker, isCandidate: (text: Text) => boolean): Generator<Text> {
  walker.currentNode = cell;
  for (let node = walker.nextNode(); node && cell.contains(node); node = walker.nextNode()) if (isCandidate(node as Text)) yield node as Text;
}

/** Whether `element` or an ancestor below `top` is skipped. */
function isSkippedBelow(element: Element | null, top: Element, isOwnNode: (node: Node) => boolean): boolean {
  for (; element && element !== top; element = element.parentElement) if (isSkipped(element, isOwnNode)) return true;
  return false;
}

/** Attribute checks only: `isContentEditable` recomputes styles, which costs a style pass per element on a page we are changing. */
function isSkipped(element: Element, isOwnNode: (node: Node) => boolean): boolean {
  if (skippedTags.has(element.tagName.toUpperCase()) || isOwnNode(element)) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}
