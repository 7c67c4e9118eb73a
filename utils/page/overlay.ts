import type { EntryFacts } from '../entry-facts';
import { findEntryNumbersInText, type EntryNumberMatch } from '../entry-number';
import { assessEntry, type AssessmentOptions } from '../entry-assessment';
import { FactRowReader } from '../fact-columns';
import { mergeRowFacts, startMergedFacts } from '../merge-entry-facts';
import { createBadgeHost, drawHiddenSlot, drawRedrawInPlace, isBadgeHost, nameRedrawnBadge, planBadgeRedraw, renderBadge, revealBadge, showRedrawnSlots, startBadgeRedraw, type BadgeContent } from './badge';
import { createBadgeTooltip } from './badge-tooltip';
import { withStoredFacts, type PageEntry, type StoredEntry } from './entry-lookup';
import { observeMutations } from './mutation-batcher';
import { cellText, cellsOfRow, locateCell, pageTableOf, type PageTable } from './page-table';
import { runInChunks } from './run-in-chunks';
import { textNodesUnder } from './text-nodes';
import { yieldToMain } from './yield-to-main';

export interface OverlayDependencies {
  /** Asks history for stored facts and claims, and lets it learn the page's facts. */
  lookup(entries: PageEntry[]): Promise<Map<string, StoredEntry>>;
  statusOptions(): AssessmentOptions;
  onError(error: unknown): void;
  /** Called after each pass, with the entries on the page; for the side panel's "add entries from this page". */
  onEntriesChanged?(count: number): void;
}

export interface Overlay {
  /** Re-reads history and settings for every badge (history or settings changed). */
  refresh(): void;
  /** Scans the whole document again (a route change); numbers already badged are skipped. */
  rescan(): void;
  entriesOnPage(): PageEntry[];
  /** Resolves when queued work is done (tests and the benchmark wait on it). */
  idle(): Promise<void>;
}

interface Anchor {
  host: HTMLElement;
  entryNumber: string;
  valid: boolean;
  reinserted: number;
}

/** What one pass over the badges shares: the settings and today's date as the pass began, and each entry's content. */
interface BadgePass {
  contents: Map<string, BadgeContent>;
  options: AssessmentOptions;
}

interface PlannedBadges {
  text: Text;
  /** The text as read, so a node the page changed in the meantime is read again instead of badged wrongly. */
  data: string;
  /** The numbers to badge, from `matches[first]` on, at their positions in `data` plus `offset`. */
  matches: EntryNumberMatch[];
  first: number;
  offset: number;
}

/**
 * Hidden badges are placed in slightly larger chunks than reads (each chunk costs the browser a frame of its own), yet small
 * enough that a garbage collection landing in one keeps it under 50 ms.
 */
const writeBudgetMs = 10;

const nothingStored: StoredEntry = Object.freeze({ facts: Object.freeze({}), claims: Object.freeze([]) as unknown as StoredEntry['claims'] });

/** Badges placed per task from one text node: a node may hold thousands of numbers (a pasted list), each a badge to build. */
const badgesPerSlice = 200;

/** Entries per history lookup message: small enough to serialise well inside one chunk's budget. */
const lookupBatchSize = 1_000;
/** The page's first message also pays for starting the browser's messaging (tens of ms): it carries little else. */
const firstLookupBatchSize = 20;

/** A page that keeps removing a badge wins after this many re-inserts: we never fight the page. */
const maxReinserts = 3;

function isWholeCell(text: Text, start: number, end: number): boolean {
  const cellText = text.parentElement?.textContent ?? '';
  return cellText.trim().length === end - start && text.data.slice(0, start).trim() === '' && text.data.slice(end).trim() === '';
}

export function startOverlay(document: Document, dependencies: OverlayDependencies, signal: AbortSignal): Overlay {
  const tableCache = new WeakMap<Element, PageTable>();
  const rowReaders = new WeakMap<PageTable, { factReader: FactRowReader; columns: number[] }>();
  const processed = new WeakSet<Text>();
  const anchors = new Map<Text, Anchor>();
  const rowFactsByEntry = new Map<string, Map<string, EntryFacts>>();
  const mergedFactsByEntry = new Map<string, EntryFacts>();
  const stored = new Map<string, StoredEntry>();
  const contents = new WeakMap<HTMLElement, BadgeContent>();
  const tooltip = createBadgeTooltip(signal);
  const hiddenHosts: HTMLElement[] = [];
  let work: Promise<void> = Promise.resolve();

  const guard =
    <A extends unknown[]>(handler: (...args: A) => void) =>
    (...args: A): void => {
      try {
        handler(...args);
      } catch (error) {
        dependencies.onError(error);
      }
    };

  /** Work runs one pass at a time, in order, and never rejects into the page. */
  const enqueue = (task: () => Promise<void>): void => {
    work = work.then(() => (signal.aborted ? undefined : task())).catch((error: unknown) => dependencies.onError(error));
  };

  const readRowFacts = (table: PageTable, row: Element, entryNumber: string): void => {
    if (table.columns.entryNumber === undefined && Object.keys(table.columns).length === 0) return;
    if (row === table.headerRow) return;
    let reader = rowReaders.get(table);
    if (!reader) {
      reader = { factReader: new FactRowReader(table.columns), columns: [...new Set(Object.values(table.columns))].sort((a, b) => a - b) };
      rowReaders.set(table, reader);
    }
    // Only the mapped columns' cells are read: the others are never looked at, and every cell read costs a string.
    const rowCells = cellsOfRow(row);
    const cells: string[] = [];
    for (const column of reader.columns) {
      const cell = rowCells[column];
      cells[column] = cell ? cellText(cell) : '';
    }
    const rowKey = cells.join('\u001f');
    let rows = rowFactsByEntry.get(entryNumber);
    if (!rows) rowFactsByEntry.set(entryNumber, (rows = new Map()));
    if (!rows.has(rowKey)) {
      rows.set(rowKey, reader.factReader.read(cells, 0).facts);
      mergedFactsByEntry.delete(entryNumber);
    }
  };

  /** An entry's rows merged, kept until a new row of it is read: the lookup and the badge both need them. */
  const pageFactsOf = (entryNumber: string): EntryFacts => {
    let merged = mergedFactsByEntry.get(entryNumber);
    if (!merged) mergedFactsByEntry.set(entryNumber, (merged = mergeRowsOf(entryNumber)));
    return merged;
  };

  const mergeRowsOf = (entryNumber: string): EntryFacts => {
    const rows = rowFactsByEntry.get(entryNumber);
    if (!rows || rows.size === 0) return {};
    let merged: ReturnType<typeof startMergedFacts> | undefined;
    let row = 0;
    for (const facts of rows.values()) {
      // Copies: merging takes ownership of the first row's object.
      const copy = { ...facts, ...(facts.tariffLines ? { tariffLines: [...facts.tariffLines] } : {}) };
      if (!merged) merged = startMergedFacts(copy, ++row, null);
      else mergeRowFacts(merged, copy, ++row, null);
    }
    return merged?.facts ?? {};
  };

  /** The badge that follows `anchor`: the one already there for this number, or a new hidden one for the caller to insert. */
  const badgeAfter = (anchor: Text, entryNumber: string, valid: boolean): HTMLElement => {
    const next = anchor.nextSibling;
    const host = next && isBadgeHost(next) && next.getAttribute('data-cape-entry') === entryNumber ? next : createBadgeHost(entryNumber);
    if (host !== next) hiddenHosts.push(host);
    anchors.set(anchor, { host, entryNumber, valid, reinserted: 0 });
    return host;
  };

  /**
   * Shows every badge placed in a pass in one go. Any change to a big table makes the browser lay all of it out again (on the
   * 10,000-row report a one-character change costs hundreds of milliseconds, a wider column as much as the page's own first
   * layout), so a pass pays that once.
   */
  const revealHiddenBadges = (): void => {
    for (const host of hiddenHosts) revealBadge(host);
    hiddenHosts.length = 0;
  };

  /** Reads one text node: which numbers get a badge, and the facts of their rows. No DOM writes (they come later, in bulk). */
  const scanTextNode = (text: Text, found: Set<string>, planned: PlannedBadges[]): void => {
    if (processed.has(text)) return;
    const data = text.data;
    const matches = findEntryNumbersInText(data);
    // Only texts holding numbers are remembered: remembering every text of a 10,000-row report kept tens of thousands alive.
    if (matches.length === 0) return;
    processed.add(text);
    const place = text.parentElement ? locateCell(text.parentElement, tableCache) : null;
    const entryColumn = place?.table.columns.entryNumber;
    // In a table with a known entry-number column, numbers in other columns are amounts or references, not entries.
    if (place && entryColumn !== undefined && place.columnIndex !== entryColumn) return;
    const inEntryColumn = place !== null && entryColumn !== undefined;
    const kept: EntryNumberMatch[] = [];
    for (const match of matches) {
      // A failed check digit is worth a badge only where a cell holds nothing else (a typo), not in totals or notes.
      if (!match.checkDigitValid && !(inEntryColumn && isWholeCell(text, match.start, match.end))) continue;
      if (match.checkDigitValid && place) readRowFacts(place.table, place.row, match.entryNumber);
      found.add(match.entryNumber);
      kept.push(match);
    }
    if (kept.length) planned.push({ text, data, matches: kept, first: 0, offset: 0 });
  };

  /**
   * Puts the badges of one text node in the page, right after each number (splitting the text where a number is mid-text).
   * A node holding more numbers than a slice gets the first slice's; the text after them, in a node of its own, is added to
   * `planned` for a later task.
   */
  const placeBadges = (plan: PlannedBadges, pass: BadgePass, planned: PlannedBadges[]): void => {
    if (!plan.text.isConnected || plan.text.data !== plan.data) {
      processed.delete(plan.text);
      return;
    }
    const { text, data, first, offset } = plan;
    const last = Math.min(plan.matches.length, first + badgesPerSlice);
    const endOf = (index: number): number => plan.matches[index]!.end - offset;
    // The page's own node keeps the text up to the first number; the rest of the slice goes in after it in one insert, never by
    // splitting one piece at a time (each split copies what is left, which made a node holding thousands of numbers quadratic).
    const placed: Array<[Text, HTMLElement]> = [];
    const following = document.createDocumentFragment();
    let insertAfter: ChildNode = text;
    let anchor = text;
    for (let index = first; index < last; index++) {
      const match = plan.matches[index]!;
      const host = badgeAfter(anchor, match.entryNumber, match.checkDigitValid);
      placed.push([anchor, host]);
      if (host.isConnected && index === first) insertAfter = host;
      else following.append(host);
      // The slice's last number is followed by all the text left: the next slice's node.
      const pieceEnd = index + 1 < last ? endOf(index + 1) : data.length;
      if (endOf(index) === pieceEnd) continue;
      anchor = document.createTextNode(data.slice(endOf(index), pieceEnd));
      processed.add(anchor);
      following.append(anchor);
    }
    if (endOf(first) < data.length) text.data = data.slice(0, endOf(first));
    if (following.hasChildNodes()) insertAfter.after(following);
    for (const [pieceAnchor, host] of placed) show(anchors.get(pieceAnchor)!, host, pass);
    if (last < plan.matches.length) planned.push({ text: anchor, data: anchor.data, matches: plan.matches, first: last, offset: offset + endOf(last - 1) });
  };

  const entryColumnOf = (table: HTMLTableElement): number | undefined => pageTableOf(table, tableCache).columns.entryNumber;

  const scanRoots = async (roots: Node[]): Promise<{ found: Set<string>; planned: PlannedBadges[] }> => {
    const found = new Set<string>();
    const planned: PlannedBadges[] = [];
    for (const root of roots) {
      if (!root.isConnected) continue;
      await runInChunks(textNodesUnder(root, isOwnNode, entryColumnOf), guard((text: Text) => scanTextNode(text, found, planned)), { signal });
    }
    return { found, planned };
  };

  const contentFor = (anchor: Anchor, options: AssessmentOptions): BadgeContent => {
    if (!anchor.valid) return { kind: 'invalid', entryNumber: anchor.entryNumber };
    const known = stored.get(anchor.entryNumber);
    const facts = withStoredFacts(pageFactsOf(anchor.entryNumber), known?.facts);
    return { kind: 'status', status: assessEntry(anchor.entryNumber, facts, known?.claims ?? [], options) };
  };

  /**
   * Asks history in batches built in chunks, one batch at a time: one message for a 10,000-row report is megabytes, and
   * batches sent together are serialised together, in one task, when their channels open.
   */
  const lookUp = async (entryNumbers: Iterable<string>): Promise<void> => {
    const batches: PageEntry[][] = [[]];
    await runInChunks(
      entryNumbers,
      (entryNumber: string) => {
        let batch = batches.at(-1)!;
        if (batch.length === (batches.length === 1 ? firstLookupBatchSize : lookupBatchSize)) batches.push((batch = []));
        batch.push({ entryNumber, facts: pageFactsOf(entryNumber) });
      },
      { signal },
    );
    for (const request of batches) {
      if (request.length === 0 || signal.aborted) continue;
      try {
        const found = await dependencies.lookup(request);
        for (const { entryNumber } of request) stored.set(entryNumber, found.get(entryNumber) ?? nothingStored);
      } catch (error) {
        // Without history the badges still show what the page itself says.
        dependencies.onError(error);
      }
    }
  };

  const startBadgePass = (): BadgePass => ({ contents: new Map(), options: dependencies.statusOptions() });

  /** One content per entry and validity within a pass: an entry on several rows is assessed once. */
  const contentOf = (anchor: Anchor, pass: BadgePass): BadgeContent => {
    const key = `${anchor.valid ? 'v' : 'i'}${anchor.entryNumber}`;
    let content = pass.contents.get(key);
    if (!content) pass.contents.set(key, (content = contentFor(anchor, pass.options)));
    return content;
  };

  const show = (anchor: Anchor, host: HTMLElement, pass: BadgePass): void => {
    const content = contentOf(anchor, pass);
    contents.set(host, content);
    renderBadge(host, content);
  };

  /**
   * New looks are built off the page in chunks and shown in one task: each chunk of writes to shown badges would make the
   * browser lay the whole table out again. A few changed badges are drawn in place; many, in their hidden slots first.
   */
  const renderAll = async (): Promise<void> => {
    const badgePass = startBadgePass();
    const redraw = startBadgeRedraw();
    await runInChunks(
      [...anchors.values()],
      guard((anchor: Anchor) => {
        const content = contentOf(anchor, badgePass);
        contents.set(anchor.host, content);
        planBadgeRedraw(redraw, anchor.host, content);
      }),
      { signal },
    );
    if (redraw.changed.length === 0) return;
    // In a task of its own: the last chunk's budget is spent.
    await yieldToMain();
    if (signal.aborted || drawRedrawInPlace(redraw)) return;
    await runInChunks(redraw.badges, guard((badge) => drawHiddenSlot(redraw, badge)), { signal });
    if (signal.aborted) return;
    await yieldToMain();
    if (signal.aborted) return;
    showRedrawnSlots(redraw);
    await runInChunks(redraw.badges, guard(nameRedrawnBadge), { signal });
  };

  /** Drops badges whose number left the page, re-inserts badges the page removed (a few times), re-reads changed text. */
  const sweep = async (): Promise<void> => {
    await runInChunks(
      [...anchors],
      guard(([text, anchor]: [Text, Anchor]) => {
        if (!text.isConnected) {
          anchor.host.remove();
          anchors.delete(text);
          return;
        }
        const last = findEntryNumbersInText(text.data).at(-1);
        if (!last || last.entryNumber !== anchor.entryNumber || last.end !== text.data.length) {
          anchor.host.remove();
          anchors.delete(text);
          processed.delete(text);
          return;
        }
        if (text.nextSibling !== anchor.host && anchor.reinserted < maxReinserts) {
          anchor.reinserted += 1;
          text.after(anchor.host);
        }
      }),
      { signal },
    );
  };

  const pass = (roots: Node[], options: { sweep: boolean }) =>
    enqueue(async () => {
      // A pass starts in a task of its own, not in the tail of whatever queued it (the content script's start, a mutation batch).
      await yieldToMain();
      if (options.sweep) await sweep();
      const { found, planned } = await scanRoots(roots);
      const unknown = [...found].filter((entryNumber) => !stored.has(entryNumber));
      await lookUp(unknown);
      const badgePass = startBadgePass();
      const place = guard((plan: PlannedBadges) => placeBadges(plan, badgePass, planned));
      // `planned` grows while placed: a node's later slices go at its end.
      await runInChunks(planned, place, { signal, budgetMs: writeBudgetMs, itemsPerClockRead: 1 });
      await yieldToMain();
      revealHiddenBadges();
      dependencies.onEntriesChanged?.(countEntries());
    });

  const countEntries = (): number => new Set([...anchors.values()].map((anchor) => anchor.entryNumber)).size;

  const isOwnNode = (node: Node): boolean => isBadgeHost(node) || node === tooltip.host;

  observeMutations(document.documentElement, {
    signal,
    isOwnNode,
    onBatch: guard(({ changedRoots, removedNodes }) => {
      for (const root of changedRoots) if (root.nodeType === Node.TEXT_NODE) processed.delete(root as Text);
      pass(changedRoots, { sweep: removedNodes.length > 0 || changedRoots.some((root) => root.nodeType === Node.TEXT_NODE) });
    }),
  });

  const badgeHostOf = (event: Event): HTMLElement | null => {
    const target = event.target;
    return target instanceof Element && isBadgeHost(target) ? target : null;
  };
  const showFor = guard((event: Event) => {
    const host = badgeHostOf(event);
    const content = host && contents.get(host);
    if (host && content) tooltip.show(host, content);
  });
  const hideFor = guard((event: Event) => {
    if (badgeHostOf(event)) tooltip.hide();
  });
  const listen = { signal, capture: true };
  document.addEventListener('mouseover', showFor, listen);
  document.addEventListener('focusin', showFor, listen);
  document.addEventListener('mouseout', hideFor, listen);
  document.addEventListener('focusout', hideFor, listen);
  document.addEventListener('keydown', guard((event: KeyboardEvent) => event.key === 'Escape' && tooltip.hide()), listen);
  signal.addEventListener('abort', () => {
    for (const anchor of anchors.values()) anchor.host.remove();
    anchors.clear();
  }, { once: true });

  if (document.body) pass([document.body], { sweep: false });

  let refreshQueued = false;

  return {
    refresh: () => {
      // Several changes while one refresh waits its turn need only that one.
      if (refreshQueued) return;
      refreshQueued = true;
      enqueue(async () => {
        refreshQueued = false;
        stored.clear();
        await lookUp(new Set([...anchors.values()].filter((anchor) => anchor.valid).map((anchor) => anchor.entryNumber)));
        await renderAll();
      });
    },
    rescan: () => {
      if (document.body) pass([document.body], { sweep: true });
    },
    entriesOnPage: () => {
      const entries = new Map<string, PageEntry>();
      for (const anchor of anchors.values()) {
        if (!anchor.valid || entries.has(anchor.entryNumber)) continue;
        entries.set(anchor.entryNumber, { entryNumber: anchor.entryNumber, facts: withStoredFacts(pageFactsOf(anchor.entryNumber), stored.get(anchor.entryNumber)?.facts) });
      }
      return [...entries.values()];
    },
    idle: async () => {
      let seen: Promise<void>;
      do {
        seen = work;
        await seen;
      } while (seen !== work);
    },
  };
}
