import { describe, expect, it } from 'vitest';
import { createRandom, weightedTable } from '../../../src/domain/profiles/random';

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const draw = (n: number, f: () => number): number[] => Array.from({ length: n }, f);

describe('createRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom('7');
    const seqA = draw(5, () => a.next());
    expect(draw(5, () => b.next())).toEqual(seqA);
    expect(draw(5, () => c.next())).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it('draws distributions with the right means', () => {
    const r = createRandom(1);
    expect(mean(draw(20_000, () => r.gamma(0.5, 4)))).toBeCloseTo(2, 0);
    expect(mean(draw(20_000, () => r.gamma(3, 2)))).toBeCloseTo(6, 0);
    expect(mean(draw(20_000, () => r.poisson(3.5)))).toBeCloseTo(3.5, 1);
    expect(mean(draw(20_000, () => r.poisson(80)))).toBeCloseTo(80, 0);
    expect(mean(draw(20_000, () => r.normal()))).toBeCloseTo(0, 1);
    expect(mean(draw(20_000, () => r.exponential(5)))).toBeCloseTo(5, 0);
    const ints = draw(1000, () => r.int(3, 6));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
  });

  it('samples a weighted table in proportion to the weights', () => {
    const r = createRandom(3);
    const table = weightedTable([
      ['a', 1],
      ['b', 3],
    ] as const);
    const share = draw(20_000, () => (table.sample(r) === 'b' ? 1 : 0));
    expect(mean(share)).toBeCloseTo(0.75, 1);
    expect(() => r.pick([])).toThrow(RangeError);
  });
});
