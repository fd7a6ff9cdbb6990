import { describe, expect, it } from 'vitest';
import {
  compareProportions,
  compareVariants,
  daysOfTrafficNeeded,
  liftDesignProblem,
  sampleSizeForLift,
  tornado,
  wilsonInterval,
} from '../../../src/domain/forecast';
import { createRandom, deriveSeed } from '../../../src/domain/profiles/random';

/** A toy journey KPI driven by common random numbers: replication i reuses seed i. */
function replications(lift: number, n = 30): number[] {
  return Array.from({ length: n }, (_, i) => {
    const random = createRandom(deriveSeed('crn', i));
    let conversions = 0;
    for (let p = 0; p < 1_000; p++) if (random.next() < 0.1 * (1 + lift)) conversions++;
    return conversions;
  });
}

describe('compareVariants (common random numbers)', () => {
  it('identical replications compare to a difference of exactly zero', () => {
    const a = replications(0);
    const b = replications(0);
    const result = compareVariants(a, b);
    expect(result.meanDiff).toBe(0);
    expect(result.ci).toEqual({ low: 0, high: 0 });
    expect(result.pValue).toBe(1);
    expect(result.distinguishable).toBe(false);
  });

  it('detects a real 10 % lift that independent runs of this size would blur', () => {
    const a = replications(0);
    const b = replications(0.1);
    const result = compareVariants(a, b);
    expect(result.meanDiff).toBeGreaterThan(5);
    expect(result.ci.low).toBeGreaterThan(0);
    expect(result.distinguishable).toBe(true);
    expect(result.pValue).toBeLessThan(0.001);
    expect(result.relativeDiff).toBeCloseTo(0.1, 1);
  });

  it('computes the paired t-interval', () => {
    // Differences 1, 2, 3, 4: mean 2.5, sd 1.291, t(0.975, 3) = 3.182.
    const result = compareVariants([10, 10, 10, 10], [11, 12, 13, 14]);
    expect(result.meanDiff).toBe(2.5);
    expect(result.ci.low).toBeCloseTo(2.5 - 3.182446305284263 * (1.2909944487358056 / 2), 9);
    expect(result.ci.high).toBeCloseTo(2.5 + 3.182446305284263 * (1.2909944487358056 / 2), 9);
    expect(result.pValue).toBeCloseTo(0.030466291662171, 10);
    expect(compareVariants([1, 2], [2, 3])).toMatchObject({
      meanDiff: 1,
      pValue: 0,
      distinguishable: true,
    });
    expect(() => compareVariants([1, 2], [1])).toThrow(RangeError);
    expect(() => compareVariants([1], [1])).toThrow(RangeError);
  });
});

describe('proportions', () => {
  it("Wilson's interval matches the textbook value for 8 of 10", () => {
    const { low, high } = wilsonInterval(8, 10);
    expect(low).toBeCloseTo(0.4902, 4);
    expect(high).toBeCloseTo(0.9433, 4);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });

  it("Newcombe's hybrid score interval matches his worked example (56/70 vs 48/80)", () => {
    const result = compareProportions({ successes: 48, total: 80 }, { successes: 56, total: 70 });
    expect(result.diff).toBeCloseTo(0.2, 12);
    expect(result.ci.low).toBeCloseTo(0.0524, 4);
    expect(result.ci.high).toBeCloseTo(0.3339, 4);
    expect(result.distinguishable).toBe(true);
    expect(result.relativeLift).toBeCloseTo(1 / 3, 12);
    expect(result.pValue).toBeLessThan(0.01);
  });

  it('equal rates are not distinguishable', () => {
    const result = compareProportions({ successes: 10, total: 100 }, { successes: 10, total: 100 });
    expect(result.diff).toBe(0);
    expect(result.pValue).toBe(1);
    expect(result.distinguishable).toBe(false);
  });
});

describe('sample size', () => {
  it('needs 3,841 per arm for 10 % → 12 % at α = 0.05 two-sided, power 0.8 (pooled/unpooled)', () => {
    expect(sampleSizeForLift({ baselineRate: 0.1, relativeLift: 0.2 })).toBe(3_841);
    expect(
      sampleSizeForLift({
        baselineRate: 0.1,
        relativeLift: 0.2,
        alpha: 0.05,
        power: 0.8,
        twoSided: true,
      }),
    ).toBe(3_841);
    const oneSided = sampleSizeForLift({ baselineRate: 0.1, relativeLift: 0.2, twoSided: false });
    expect(oneSided).toBeLessThan(3_841);
    expect(sampleSizeForLift({ baselineRate: 0.1, relativeLift: 0.4 })).toBeLessThan(1_100);
    expect(() => sampleSizeForLift({ baselineRate: 0.1, relativeLift: 0 })).toThrow(RangeError);
    expect(() => sampleSizeForLift({ baselineRate: 0.9, relativeLift: 0.2 })).toThrow(RangeError);
  });

  it('names why a design has no sample size, and has one exactly when there is no reason', () => {
    const design = { baselineRate: 0.1, relativeLift: 0.2 };
    expect(liftDesignProblem(design)).toBeNull();
    expect(liftDesignProblem({ ...design, baselineRate: 0 })).toBe('baseline-outside');
    expect(liftDesignProblem({ baselineRate: 0.6, relativeLift: 1 })).toBe('lifted-outside');
    expect(liftDesignProblem({ ...design, relativeLift: 0 })).toBe('no-lift');
    expect(liftDesignProblem({ ...design, alpha: 1 })).toBe('alpha-outside');
    expect(liftDesignProblem({ ...design, power: 0 })).toBe('power-outside');
    expect(() => sampleSizeForLift({ ...design, power: 0 })).toThrow(RangeError);
  });

  it('turns a sample size into days of traffic', () => {
    expect(daysOfTrafficNeeded(3_841, 500)).toBe(16);
    expect(daysOfTrafficNeeded(3_841, 500, 3)).toBe(24);
    expect(daysOfTrafficNeeded(0, 0)).toBe(0);
    expect(daysOfTrafficNeeded(10, 0)).toBe(Infinity);
  });
});

describe('tornado', () => {
  it('sorts assumptions by swing with their deltas from the base', () => {
    const bars = tornado(100, [
      { name: 'open rate', low: 90, high: 115 },
      { name: 'delay', low: 102, high: 98 },
      { name: 'price', low: 60, high: 130 },
      { name: 'audience', low: 96, high: 100 },
    ]);
    expect(bars.map((b) => b.name)).toEqual(['price', 'open rate', 'audience', 'delay']);
    expect(bars[0]).toEqual({
      name: 'price',
      low: 60,
      high: 130,
      lowDelta: -40,
      highDelta: 30,
      swing: 70,
    });
    expect(tornado(0, [])).toEqual([]);
  });
});
