import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstAbove, firstAtOrAbove } from '../../../src/domain/simulate/column-search.ts';

/** A sorted time column with many repeats, a slice of it and a time to look for. */
const slices = fc
  .array(fc.integer({ min: 0, max: 40 }), { maxLength: 60 })
  .chain((times) => {
    const at = Float64Array.from(times.sort((a, b) => a - b));
    return fc.record({
      at: fc.constant(at),
      from: fc.integer({ min: 0, max: at.length }),
      length: fc.integer({ min: 0, max: at.length }),
      t: fc.integer({ min: -1, max: 41 }),
    });
  })
  .map(({ at, from, length, t }) => ({ at, from, to: Math.min(at.length, from + length), t }));

/** The first index in `[from, to)` whose time passes `test`, or `to`. */
function firstWhere(at: Float64Array, from: number, to: number, test: (x: number) => boolean) {
  for (let i = from; i < to; i++) if (test(at[i] as number)) return i;
  return to;
}

describe('column search', () => {
  it('finds the first time above t in a slice, short or long', () => {
    fc.assert(
      fc.property(slices, ({ at, from, to, t }) => {
        expect(firstAbove(at, from, to, t)).toBe(firstWhere(at, from, to, (x) => x > t));
      }),
      { seed: 20, numRuns: 500 },
    );
  });

  it('finds the first time at or above t in a slice, short or long', () => {
    fc.assert(
      fc.property(slices, ({ at, from, to, t }) => {
        expect(firstAtOrAbove(at, from, to, t)).toBe(firstWhere(at, from, to, (x) => x >= t));
      }),
      { seed: 20, numRuns: 500 },
    );
  });
});
