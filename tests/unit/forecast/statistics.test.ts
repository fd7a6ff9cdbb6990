import { describe, expect, it } from 'vitest';
import {
  intervalsTightEnough,
  mean,
  meanConfidenceInterval,
  quantile,
  quantiles,
  standardDeviation,
  summariseReplications,
  variance,
} from '../../../src/domain/forecast';
import { createRandom, deriveSeed } from '../../../src/domain/profiles/random';

describe('quantiles (type 7)', () => {
  it('match R and NumPy', () => {
    const oneToTen = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(quantiles(oneToTen, [0.1, 0.5, 0.9])).toEqual(
      [1.9, 5.5, 9.1].map((v) => expect.closeTo(v, 12)),
    );
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30], 0.9)).toBeCloseTo(28, 12);
    expect(quantile([7], 0.3)).toBe(7);
    expect(quantile([3, 1, 2], 0)).toBe(1);
    expect(quantile([3, 1, 2], 1)).toBe(3);
    expect(quantile([], 0.5)).toBeNaN();
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });

  it('leaves the input unsorted', () => {
    const values = [3, 1, 2];
    quantile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('mean and standard deviation', () => {
  it('are accurate on large offsets', () => {
    const values = [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16];
    expect(mean(values)).toBe(1e9 + 10);
    expect(variance(values)).toBeCloseTo(30, 6);
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(mean([])).toBeNaN();
    expect(standardDeviation([1])).toBeNaN();
  });

  it('summarise replications', () => {
    const summary = summariseReplications([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(summary).toMatchObject({ n: 10, mean: 5.5, p50: 5.5, min: 1, max: 10 });
    expect(summary.p10).toBeCloseTo(1.9, 12);
    expect(summary.p90).toBeCloseTo(9.1, 12);
    expect(summary.sd).toBeCloseTo(3.0276503540974917, 12);
    expect(summary.standardError).toBeCloseTo(3.0276503540974917 / Math.sqrt(10), 12);
  });
});

describe('interval coverage', () => {
  it('the 90 % interval of the mean covers the true mean about 90 % of the time over 400 seeds', () => {
    const trueMean = 5;
    let covered = 0;
    for (let seed = 0; seed < 400; seed++) {
      const random = createRandom(deriveSeed('coverage', seed));
      const values = Array.from({ length: 12 }, () => trueMean + 2 * random.normal());
      const { low, high } = meanConfidenceInterval(values, 0.9);
      if (low <= trueMean && trueMean <= high) covered++;
    }
    expect(covered / 400).toBeGreaterThanOrEqual(0.85);
    expect(covered / 400).toBeLessThanOrEqual(0.95);
  });

  it('a t-interval on skewed data still lands near its level with enough replications', () => {
    // Exponential with mean 1: the t-interval is only approximate, yet within 85–95 % at n = 40.
    let covered = 0;
    for (let seed = 0; seed < 400; seed++) {
      const random = createRandom(deriveSeed('skewed', seed));
      const values = Array.from({ length: 40 }, () => random.exponential(1));
      const { low, high } = meanConfidenceInterval(values, 0.9);
      if (low <= 1 && 1 <= high) covered++;
    }
    expect(covered / 400).toBeGreaterThanOrEqual(0.85);
    expect(covered / 400).toBeLessThanOrEqual(0.95);
  });
});

describe('intervalsTightEnough', () => {
  it('stops once every KPI is within the relative half-width', () => {
    const tight = [100, 101, 99, 100, 100.5, 99.5];
    const loose = [100, 150, 60, 120, 80, 90];
    const decision = intervalsTightEnough(
      { revenue: tight, conversions: loose },
      { relativeHalfWidth: 0.05 },
    );
    expect(decision.enough).toBe(false);
    expect(decision.byKpi.revenue?.tight).toBe(true);
    expect(decision.byKpi.conversions?.tight).toBe(false);
    expect(intervalsTightEnough({ revenue: tight }, { relativeHalfWidth: 0.05 }).enough).toBe(true);
  });

  it('needs the minimum number of replications and treats zero spread as tight', () => {
    expect(intervalsTightEnough({ k: [1, 1, 1] }, { relativeHalfWidth: 0.01 }).enough).toBe(false);
    expect(intervalsTightEnough({ k: [0, 0, 0, 0, 0] }, { relativeHalfWidth: 0.01 }).enough).toBe(
      true,
    );
    const zeroMean = intervalsTightEnough({ k: [-1, 1, -1, 1, 0] }, { relativeHalfWidth: 0.01 });
    expect(zeroMean.byKpi.k?.relativeHalfWidth).toBe(Infinity);
    expect(
      intervalsTightEnough(
        { k: [-1, 1, -1, 1, 0] },
        { relativeHalfWidth: 0.01, absoluteHalfWidth: 2 },
      ).enough,
    ).toBe(true);
    expect(intervalsTightEnough({}, { relativeHalfWidth: 0.1 }).enough).toBe(false);
  });
});
