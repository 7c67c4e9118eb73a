import type { WorkSteps } from '../work-steps';
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
  // Read before the first item too: getting it may have cost the most (a generator's setup, such as reading a table's header).
  let sinceClockCheck = itemsPerClockRead - 1;
  for (const item of items) {
    if (options.signal?.aborted) return false;
    // The clock is read every few items: cheap items need not pay for it, costly ones (a badge, a table header) cannot run long.
    if (++sinceClockCheck >= itemsPerClockRead) {
      sinceClockCheck = 0;
      if (now() - taskStart >= budgetMs) {
        await yieldNow();
        if (options.signal?.aborted) return false;
        taskStart = now();
      }
    }
    handle(item);
  }
  // Whatever follows in this task (the next step of a pass) starts with a budget of its own.
  if (!options.signal?.aborted && now() - taskStart >= budgetMs) await yieldNow();
  return !options.signal?.aborted;
}

/** Runs work cut into steps, yielding to the page whenever one task has used its budget; undefined when aborted first. */
export async function runStepsInChunks<T>(steps: WorkSteps<T>, options: ChunkOptions = {}): Promise<T | undefined> {
  let result: { value: T } | undefined;
  const eachStep = (function* (): Generator<void> {
    result = { value: yield* steps };
  })();
  await runInChunks(eachStep, () => undefined, { itemsPerClockRead: 1, ...options });
  return result?.value;
}
