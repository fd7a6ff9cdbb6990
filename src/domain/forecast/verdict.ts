import type { VariantComparison } from './compare-variants';
import type { Interval } from './statistics';

/**
 * What a paired comparison supports, read from the unrounded interval:
 * - `identical`: every pair was equal (difference and interval exactly 0);
 * - `no-detectable-difference`: the interval contains 0;
 * - `higher` / `lower`: the whole interval lies above / below 0.
 */
export type DifferenceVerdict = 'identical' | 'no-detectable-difference' | 'higher' | 'lower';

/** The verdict of a comparison, decided on full-precision values (never on display rounding). */
export function differenceVerdict(comparison: VariantComparison): DifferenceVerdict {
  const { meanDiff, ci } = comparison;
  if (meanDiff === 0 && ci.low === 0 && ci.high === 0) return 'identical';
  if (ci.low > 0) return 'higher';
  if (ci.high < 0) return 'lower';
  return 'no-detectable-difference';
}

/** A relative lift (B − A) / A and its interval, as shares (0.05 = 5 %). */
export interface RelativeLift {
  lift: number;
  ci: Interval;
}

/**
 * The relative lift of B over A: the paired difference and its interval divided by |mean(A)|,
 * taking A's mean as known (with common random numbers the noise sits in the difference, not in
 * A's level). Dividing by a positive number keeps the interval's sign, so the relative lift and
 * the absolute difference always agree on the verdict. Null when A's mean is 0 or not finite.
 */
export function relativeLift(comparison: VariantComparison, baseline: number): RelativeLift | null {
  if (!(Number.isFinite(baseline) && baseline !== 0)) return null;
  const scale = Math.abs(baseline);
  return {
    lift: comparison.meanDiff / scale,
    ci: { low: comparison.ci.low / scale, high: comparison.ci.high / scale },
  };
}

/** The most decimals {@link decimalsForInterval} will ask for before writing in scientific form. */
export const MAX_DECIMALS = 10;

function roundsToZero(value: number, decimals: number): boolean {
  return value !== 0 && Math.abs(value) < 0.5 * 10 ** -decimals;
}

/**
 * How many decimals an estimate and its interval need so the written figures say what the
 * numbers do: at least `minDecimals`; enough for two significant digits of the half-width (the
 * precision the interval supports, no more); and enough that no non-zero end or estimate is
 * written as 0, so a range that excludes zero can never read "0 to 0". Returns more than
 * {@link MAX_DECIMALS} when even that many would hide a value: write those in scientific form.
 */
export function decimalsForInterval(estimate: number, ci: Interval, minDecimals: number): number {
  const half = (ci.high - ci.low) / 2;
  let decimals = minDecimals;
  if (half > 0 && Number.isFinite(half)) {
    decimals = Math.max(decimals, 1 - Math.floor(Math.log10(half)));
  }
  const values = [estimate, ci.low, ci.high].filter(Number.isFinite);
  while (decimals <= MAX_DECIMALS && values.some((v) => roundsToZero(v, decimals))) decimals++;
  return decimals;
}
