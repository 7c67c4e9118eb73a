// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { observeMutations } from '../../utils/page/mutation-batcher';
import { runInChunks, runStepsInChunks } from '../../utils/page/run-in-chunks';

describe('runInChunks', () => {
  it('yields whenever a task has used its budget, and handles every item in order', async () => {
    let clock = 0;
    const handled: number[] = [];
    let yields = 0;
    const done = await runInChunks(
      Array.from({ length: 100 }, (_, index) => index),
      (item) => {
        handled.push(item);
        clock += 1;
      },
      { budgetMs: 8, now: () => clock, yieldNow: async () => void yields++ },
    );
    expect(done).toBe(true);
    expect(handled).toEqual(Array.from({ length: 100 }, (_, index) => index));
    // Clock read every 4 items: a yield at 8 ms of work each time.
    expect(yields).toBe(12);
  });

  it('reads the clock before every item when told to (items that may each take milliseconds), and takes items added meanwhile', async () => {
    let clock = 0;
    const items = [0, 1, 2];
    const handled: number[] = [];
    let yields = 0;
    await runInChunks(
      items,
      (item) => {
        handled.push(item);
        clock += 10;
        // A slice of a long item goes on at the end, as the overlay's placing does with a node holding many numbers.
        if (item < 2) items.push(item + 10);
      },
      { budgetMs: 8, itemsPerClockRead: 1, now: () => clock, yieldNow: async () => void yields++ },
    );
    expect(handled).toEqual([0, 1, 2, 10, 11]);
    // Before every item once the budget is spent, and after the last, so what follows starts a task of its own.
    expect(yields).toBe(5);
  });

  it('stops when aborted between chunks', async () => {
    const controller = new AbortController();
    let clock = 0;
    const handled: number[] = [];
    const done = await runInChunks(
      Array.from({ length: 100 }, (_, index) => index),
      (item) => {
        handled.push(item);
        clock += 10;
      },
      { budgetMs: 8, now: () => clock, yieldNow: async () => controller.abort(), signal: controller.signal },
    );
    expect(done).toBe(false);
    expect(handled).toHaveLength(4);
  });
});

describe('observeMutations', () => {
  it('hands a burst of changes over in one pass, outermost roots only, ignoring our own nodes', async () => {
    document.body.innerHTML = '<div id="list"></div>';
    const list = document.getElementById('list')!;
    const batches: { changed: Node[]; removed: Node[] }[] = [];
    const controller = new AbortController();
    let run: (() => void) | undefined;
    observeMutations(document.body, {
      signal: controller.signal,
      isOwnNode: (node) => node instanceof Element && node.hasAttribute('data-ours'),
      onBatch: ({ changedRoots, removedNodes }) => batches.push({ changed: changedRoots, removed: removedNodes }),
      schedule: (pass) => {
        run = pass;
      },
    });
    const row = document.createElement('p');
    list.append(row);
    row.append(document.createElement('span'));
    const ours = document.createElement('span');
    ours.setAttribute('data-ours', '');
    list.append(ours);
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    run!();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.changed).toEqual([row]);
    controller.abort();
  });
});

describe('runInChunks with a costly first item', () => {
  it('yields before handling the first item when getting it used the budget (a generator\u2019s setup)', async () => {
    let clock = 0;
    let yields = 0;
    const yieldsWhenHandled: number[] = [];
    function* afterSetup(): Generator<number> {
      clock += 20;
      yield* [0, 1, 2];
    }
    await runInChunks(afterSetup(), () => void yieldsWhenHandled.push(yields), { budgetMs: 8, now: () => clock, yieldNow: async () => void yields++ });
    expect(yieldsWhenHandled).toEqual([1, 1, 1]);
  });
});

describe('runStepsInChunks', () => {
  function* countTo(last: number, clock: { now: number }): Generator<void, number, void> {
    let sum = 0;
    for (let step = 1; step <= last; step++) {
      sum += step;
      clock.now += 3;
      yield;
    }
    return sum;
  }

  it('runs every step, yields to the page whenever a task has used its budget, and returns the work\u2019s result', async () => {
    const clock = { now: 0 };
    let yields = 0;
    const sum = await runStepsInChunks(countTo(100, clock), { budgetMs: 8, now: () => clock.now, yieldNow: async () => void yields++ });
    expect(sum).toBe(5050);
    // 3 ms per step, the clock read after each: a yield every third step.
    expect(yields).toBe(33);
  });

  it('gives undefined when aborted before the work ends', async () => {
    const clock = { now: 0 };
    const stop = new AbortController();
    const sum = await runStepsInChunks(countTo(100, clock), {
      budgetMs: 8,
      signal: stop.signal,
      now: () => clock.now,
      yieldNow: async () => stop.abort(),
    });
    expect(sum).toBeUndefined();
  });
});
