import { yieldToMain } from './yield-to-main';

export interface ChunkOptions {
  /** Work time per task before yielding; well under the 50 ms long-task line. */
  budgetMs?: number;
  signal?: AbortSignal;
  now?: () => number;
  yieldNow?: () => Promise<void>;
  /** Items handled between clock reads: a few for cheap items, 1 for items that may each take milliseconds. */
  itemsPerClockRead?: number;
}

/** Handles every item, yielding to the page whenever one task has used its budget. Stops quietly when aborted. */
export async function runInChunks<T>(items: Iterable<T>, handle: (item: T) => void, options: ChunkOptions = {}): Promise<boolean> {
  const budgetMs = options.budgetMs ?? 8;
  const now = options.now ?? (() => performance.now());
  const yieldNow = options.yieldNow ?? yieldToMain;
  let taskStart = now();
  const itemsPerClockRead = options.itemsPerClockRead ?? 4;
  let sinceClockCheck = 0;
  for (const item of items) {
    if (options.signal?.aborted) return false;
    handle(item);
    // The clock is read every few items: cheap items need not pay for it, costly ones (a badge, a table header) cannot run long.
    if (++sinceClockCheck >= itemsPerClockRead) {
      sinceClockCheck = 0;
      if (now() - taskStart >= budgetMs) {
        await yieldNow();
        if (options.signal?.aborted) return false;
        taskStart = now();
      }
    }
  }
  return !options.signal?.aborted;
}
