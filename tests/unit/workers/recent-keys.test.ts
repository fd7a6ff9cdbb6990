import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecentKeys } from '../../../src/workers/forecast/recent-keys.ts';

describe('RecentKeys', () => {
  it('holds a key until more than its capacity of other keys are remembered after it', () => {
    const keys = new RecentKeys(3);
    expect(keys.has('a')).toBe(false);
    keys.remember('a');
    expect(keys.has('a')).toBe(true);
    for (const other of ['b', 'c']) keys.remember(other);
    expect(keys.has('a')).toBe(true);
    keys.remember('d');
    expect(keys.has('a')).toBe(false);
    // Remembered again, a key is the newest: 'b' goes first.
    keys.remember('c');
    keys.remember('e');
    expect([keys.has('b'), keys.has('c')]).toEqual([false, true]);
    keys.remember('__proto__');
    expect(keys.has('__proto__')).toBe(true);
  });

  it('never holds more than its capacity, and always holds the latest key', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.string({ maxLength: 3 })),
        (capacity, seen) => {
          const keys = new RecentKeys(capacity);
          for (const key of seen) {
            keys.remember(key);
            expect(keys.size).toBeLessThanOrEqual(capacity);
            expect(keys.has(key)).toBe(true);
          }
        },
      ),
      { seed: 20_261_206 },
    );
  });
});
