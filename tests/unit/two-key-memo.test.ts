import { describe, expect, it } from 'vitest';
import { TwoKeyMemo } from '../../utils/two-key-memo';

describe('TwoKeyMemo', () => {
  it('keeps a result per pair of keys', () => {
    const memo = new TwoKeyMemo<string>();
    memo.set(1, 2, 'a');
    memo.set(1, 3, 'b');
    memo.set(2, 2, 'c');
    expect([memo.get(1, 2), memo.get(1, 3), memo.get(2, 2), memo.get(2, 3)]).toEqual(['a', 'b', 'c', undefined]);
  });

  it('empties itself when full, so odd data cannot grow it', () => {
    const memo = new TwoKeyMemo<number>(3);
    memo.set(1, 1, 1);
    memo.set(1, 2, 2);
    memo.set(2, 1, 3);
    memo.set(3, 1, 4);
    expect([memo.get(1, 1), memo.get(2, 1), memo.get(3, 1)]).toEqual([undefined, undefined, 4]);
  });
});
