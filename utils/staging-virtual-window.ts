/** Browsers cap an element's height (Chromium near 33 million px, Firefox lower): past this the scroll is scaled. */
export const MAX_SCROLL_HEIGHT = 8_000_000;

export interface VirtualWindowInput {
  total: number;
  rowHeight: number;
  scrollTop: number;
  viewportHeight: number;
  /** Rows rendered beyond each edge, so fast scrolling shows no gap. */
  overscan?: number;
  maxScrollHeight?: number;
}

export interface VirtualWindow {
  /** First rendered row (0-based) and one past the last. */
  start: number;
  end: number;
  /** Top of the first rendered row, in px from the top of the scrolled content. */
  offsetTop: number;
  /** Height of the scrolled content. */
  scrollHeight: number;
}

interface Scale {
  scrollHeight: number;
  /** Content px per scrolled px (1 unless the list is taller than the cap). */
  ratio: number;
}

function scaleOf(total: number, rowHeight: number, viewportHeight: number, maxScrollHeight: number): Scale {
  const fullHeight = total * rowHeight;
  if (fullHeight <= maxScrollHeight) return { scrollHeight: fullHeight, ratio: 1 };
  const scrollable = Math.max(1, maxScrollHeight - viewportHeight);
  return { scrollHeight: maxScrollHeight, ratio: Math.max(0, fullHeight - viewportHeight) / scrollable };
}

/** Which rows to render for a fixed row height, and where. */
export function virtualWindow(input: VirtualWindowInput): VirtualWindow {
  const { total, rowHeight, viewportHeight } = input;
  const overscan = input.overscan ?? 4;
  const { scrollHeight, ratio } = scaleOf(total, rowHeight, viewportHeight, input.maxScrollHeight ?? MAX_SCROLL_HEIGHT);
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0, offsetTop: 0, scrollHeight: 0 };
  const scrollTop = Math.min(Math.max(0, input.scrollTop), Math.max(0, scrollHeight - viewportHeight));
  const contentTop = scrollTop * ratio;
  const firstVisible = Math.min(total - 1, Math.floor(contentTop / rowHeight));
  const visibleCount = Math.ceil((viewportHeight + (contentTop - firstVisible * rowHeight)) / rowHeight);
  const start = Math.max(0, firstVisible - overscan);
  const end = Math.min(total, firstVisible + Math.max(1, visibleCount) + overscan);
  // In scaled mode rows sit relative to the viewport, so the row at contentTop shows at scrollTop.
  const offsetTop = scrollTop + (start * rowHeight - contentTop);
  return { start, end, offsetTop, scrollHeight };
}

/** The scrollTop that shows row `index` whole, moving as little as possible (unchanged when it is already in view). */
export function scrollTopToShow(
  index: number,
  input: Omit<VirtualWindowInput, 'overscan'>,
): number {
  const { total, rowHeight, viewportHeight } = input;
  const { scrollHeight, ratio } = scaleOf(total, rowHeight, viewportHeight, input.maxScrollHeight ?? MAX_SCROLL_HEIGHT);
  const maxScrollTop = Math.max(0, scrollHeight - viewportHeight);
  const scrollTop = Math.min(Math.max(0, input.scrollTop), maxScrollTop);
  const contentTop = scrollTop * ratio;
  const rowTop = index * rowHeight;
  const rowBottom = rowTop + rowHeight;
  let nextContentTop = contentTop;
  if (rowTop < contentTop) nextContentTop = rowTop;
  else if (rowBottom > contentTop + viewportHeight) nextContentTop = rowBottom - viewportHeight;
  else return scrollTop;
  return Math.min(maxScrollTop, Math.max(0, nextContentTop / ratio));
}

/** Rows a Page Up or Page Down moves: a viewport less one row, at least one. */
export function rowsPerPage(viewportHeight: number, rowHeight: number): number {
  return Math.max(1, Math.floor(viewportHeight / rowHeight) - 1);
}
