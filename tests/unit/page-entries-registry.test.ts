import { describe, expect, it } from 'vitest';
import type { Message } from '../../utils/messages';
import type { PageEntry } from '../../utils/page/entry-lookup';
import { pageEntriesHandlers } from '../../utils/page-entries-registry';

const entry = (entryNumber: string): PageEntry => ({ entryNumber, facts: {} });
const changed = (count: number): Message<'page:entries-changed'> => ({ type: 'page:entries-changed', count });
const collect = (tabId: number): Message<'page:collect-entries'> => ({ type: 'page:collect-entries', tabId });

describe('pageEntriesHandlers', () => {
  it('asks only the frames that reported entries, and merges their answers without repeats', async () => {
    const asked: (number | undefined)[] = [];
    const handlers = pageEntriesHandlers(async (_tabId, frameId) => {
      asked.push(frameId);
      return frameId === 3 ? [entry('ABC12345676'), entry('EQ700564782')] : [entry('ABC12345676')];
    });
    await handlers['page:entries-changed']!(changed(2), { tabId: 7, frameId: 3 });
    await handlers['page:entries-changed']!(changed(1), { tabId: 7, frameId: 0 });
    await handlers['page:entries-changed']!(changed(4), { tabId: 8, frameId: 0 });
    const entries = await handlers['page:collect-entries']!(collect(7), {});
    expect(asked.sort()).toEqual([0, 3]);
    expect(entries.map((each) => each.entryNumber)).toEqual(['ABC12345676', 'EQ700564782']);
  });

  it('forgets a frame that reports no entries, and asks the whole tab when it knows none', async () => {
    const asked: (number | undefined)[] = [];
    const handlers = pageEntriesHandlers(async (_tabId, frameId) => {
      asked.push(frameId);
      return [];
    });
    await handlers['page:entries-changed']!(changed(2), { tabId: 7, frameId: 3 });
    await handlers['page:entries-changed']!(changed(0), { tabId: 7, frameId: 3 });
    expect(await handlers['page:collect-entries']!(collect(7), {})).toEqual([]);
    expect(asked).toEqual([undefined]);
  });

  it('a frame that fails to answer does not spoil the others', async () => {
    const handlers = pageEntriesHandlers(async (_tabId, frameId) => {
      if (frameId === 1) throw new Error('frame navigated away');
      return [entry('ABC12345676')];
    });
    await handlers['page:entries-changed']!(changed(1), { tabId: 7, frameId: 1 });
    await handlers['page:entries-changed']!(changed(1), { tabId: 7, frameId: 2 });
    expect(await handlers['page:collect-entries']!(collect(7), {})).toEqual([entry('ABC12345676')]);
  });
});
