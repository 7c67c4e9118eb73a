import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstIndexByText } from '../../utils/first-index';

describe('FirstIndexByText', () => {
  it('answers as a Map of first indexes would, through its regrowth', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('ABC12345676', 'ABC12345677', '\u0000 x')), { maxLength: 3000 }), (texts) => {
        const index = new FirstIndexByText();
        const map = new Map<string, number>();
        texts.forEach((text, at) => {
          const known = map.get(text);
          if (known === undefined) map.set(text, at);
          expect(index.firstOrAdd(text, at)).toBe(known ?? -1);
        });
      }),
      { numRuns: 50 },
    );
  });
});
