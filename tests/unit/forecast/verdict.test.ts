import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVariants } from '../../../src/domain/forecast/compare-variants.ts';
import type { KpiUnit } from '../../../src/domain/forecast/replications.ts';
import {
  decimalsForInterval,
  differenceVerdict,
  relativeLift,
} from '../../../src/domain/forecast/verdict.ts';
import { differenceFormat, formatDifference } from '../../../src/features/forecast/kpi-format.ts';
import {
  describeDifference as describeIn,
  formatInterval as formatIntervalIn,
} from '../../../src/features/forecast/difference-words.ts';
import { comparison, conversions, cost, rate } from '../../support/kpi-comparison.ts';
import { testIntl } from '../../support/test-intl.ts';

const english = await testIntl('en');
const describeDifference = (
  ...args: Parameters<typeof describeIn> extends [unknown, ...infer R] ? R : never
) => describeIn(english, ...args);

describe('differenceVerdict', () => {
  it('decides on unrounded values: a tiny interval above zero is a real difference', () => {
    // 0.00003 to 0.00007 is 0.003 to 0.007 points: one decimal would write "0.0 to 0.0".
    expect(differenceVerdict(comparison(0.00005, 0.00003, 0.00007))).toBe('higher');
    expect(differenceVerdict(comparison(-0.00005, -0.00007, -0.00003))).toBe('lower');
  });

  it('calls an interval that contains zero no detectable difference, however it rounds', () => {
    // Rounded to whole points this would read "1 to 3" — an interval above zero — but it is not.
    expect(differenceVerdict(comparison(0.02, -0.00004, 0.031))).toBe('no-detectable-difference');
    expect(differenceVerdict(comparison(0, 0, 0.01))).toBe('no-detectable-difference');
  });

  it('keeps "identical" for pairs that never differ', () => {
    expect(differenceVerdict(compareVariants([1, 2, 3], [1, 2, 3]))).toBe('identical');
  });
});

describe('describeDifference', () => {
  it('writes a tiny real difference with the digits it needs, never "0 to 0"', () => {
    const text = describeDifference(rate, comparison(0.00005, 0.00003, 0.00007), 0.9, 0.05);
    expect(text).toBe(
      'B converts 0.0050 points more (90% range +0.0030 to +0.0070 points; relative +0.100% (range +0.060% to +0.140%)) — a real difference.',
    );
    expect(text).not.toMatch(/\b0 to 0\b/);
  });

  it('says "no detectable difference" when the interval contains zero, even if both ends would round to +1', () => {
    const text = describeDifference(conversions, comparison(0.8, -0.2, 1.8), 0.9, 100);
    expect(text).toBe(
      'Conversions: no detectable difference — B − A is +0.8 (90% range -0.2 to +1.8; relative +0.8% (range -0.2% to +1.8%)).',
    );
  });

  it('writes money to the cent, and finer when the interval needs it', () => {
    expect(describeDifference(cost, comparison(-2, -5, 1), 0.9)).toBe(
      'Cost per conversion: no detectable difference — B − A is -$2.00 (90% range -$5.00 to +$1.00).',
    );
    // Cents would write "$0.00 to $0.00" for this real difference.
    expect(describeDifference(cost, comparison(-0.0021, -0.0034, -0.0008), 0.9)).toBe(
      "B's cost per conversion is $0.0021 lower (90% range -$0.0034 to -$0.0008) — a real difference.",
    );
  });

  it('writes a conversion-rate difference in points with two decimals', () => {
    expect(describeDifference(rate, comparison(0.018, 0.009, 0.027), 0.9, 0.2)).toBe(
      'B converts 1.80 points more (90% range +0.90 to +2.70 points; relative +9.0% (range +4.5% to +13.5%)) — a real difference.',
    );
  });
});

describe('relativeLift', () => {
  it('divides the difference and its interval by A’s mean, keeping the sign', () => {
    const lift = relativeLift(comparison(0.01, 0.005, 0.015), 0.1);
    expect(lift?.lift).toBeCloseTo(0.1, 12);
    expect(lift?.ci.low).toBeCloseTo(0.05, 12);
    expect(lift?.ci.high).toBeCloseTo(0.15, 12);
    expect(relativeLift(comparison(1, 0.5, 1.5), -2)?.ci.low).toBe(0.25);
    expect(relativeLift(comparison(1, 0.5, 1.5), 0)).toBeNull();
  });
});

describe('decimalsForInterval', () => {
  it('asks for two significant digits of the half-width', () => {
    expect(decimalsForInterval(12.3, { low: 10.1, high: 14.5 }, 0)).toBe(1);
    expect(decimalsForInterval(123, { low: 101, high: 145 }, 0)).toBe(0);
    expect(decimalsForInterval(0.123, { low: 0.101, high: 0.145 }, 0)).toBe(3);
    expect(decimalsForInterval(0.123, { low: 0.101, high: 0.145 }, 4)).toBe(4);
  });
});

describe('the written interval agrees with the verdict (property)', () => {
  const units: KpiUnit[] = ['share', 'money', 'count', 'number', 'ratio'];
  it('a real difference has two written ends of the same sign, neither of them zero', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...units),
        fc.double({ min: 1e-9, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-9, max: 1e6, noNaN: true }),
        fc.boolean(),
        (unit, a, b, negative) => {
          const [lo, hi] = a < b ? [a, b] : [b, a];
          const sign = negative ? -1 : 1;
          const ci = negative ? { low: -hi, high: -lo } : { low: lo, high: hi };
          const estimate = (sign * (lo + hi)) / 2;
          const c = comparison(estimate, ci.low, ci.high);
          const format = differenceFormat(unit, estimate, ci);
          const ends = [formatDifference(format, ci.low), formatDifference(format, ci.high)];
          for (const end of ends) {
            expect(end.startsWith(negative ? '-' : '+')).toBe(true);
            expect(Number(end.replace(/[^0-9.eE-]/g, '').replace(/^-/, ''))).toBeGreaterThan(0);
          }
          expect(describeDifference({ ...rate, unit }, c, 0.9)).toMatch(/a real difference\.$/);
          expect(formatIntervalIn(english, { ...rate, unit }, format, ci)).not.toMatch(
            /^[+-]?\$?0(\.0+)? to [+-]?\$?0(\.0+)?( pp)?$/,
          );
        },
      ),
      { seed: 14, numRuns: 500 },
    );
  });

  it('an interval containing zero never reads as a real difference', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e4, max: 0, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        (low, high) => {
          fc.pre(low !== 0 || high !== 0);
          const text = describeDifference(rate, comparison((low + high) / 2, low, high), 0.9);
          expect(text).toContain('no detectable difference');
          expect(text).not.toContain('a real difference');
        },
      ),
      { seed: 14, numRuns: 300 },
    );
  });
});
