import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecentKeys } from '../../../src/workers/forecast/recent-keys.ts';

describe('RecentKeys', () => {
  it('says a key is new once, and again only after more than its capacity of others', () => {
    const keys = new RecentKeys(3);
    expect(keys.firstSeen('a')).toBe(true);
    expect(keys.firstSeen('a')).toBe(false);
    for (const other of ['b', 'c']) expect(keys.firstSeen(other)).toBe(true);
    expect(keys.firstSeen('a')).toBe(false);
    expect(keys.firstSeen('d')).toBe(true);
    expect(keys.firstSeen('a')).toBe(true);
    expect(keys.firstSeen('__proto__')).toBe(true);
    expect(keys.firstSeen('__proto__')).toBe(false);
  });

  it('never holds more than its capacity, and always holds the latest key', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.string({ maxLength: 3 })),
        (capacity, seen) => {
          const keys = new RecentKeys(capacity);
          for (const key of seen) {
            keys.firstSeen(key);
            expect(keys.size).toBeLessThanOrEqual(capacity);
            expect(keys.firstSeen(key)).toBe(false);
          }
        },
      ),
      { seed: 20_261_206 },
    );
  });
});
