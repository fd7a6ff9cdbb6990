import { criticalValue, studentTCdf } from './distributions';
import { mean, standardDeviation, type Interval } from './statistics';

/** Options for {@link compareVariants}. */
export interface CompareOptions {
  /** Confidence of the interval; the test's level is 1 − confidence. Default 0.95. */
  confidence?: number;
}

/** The paired comparison of one KPI between two variants. */
export interface VariantComparison {
  /** Paired replications. */
  n: number;
  /** Mean of A over the pairs: the baseline `meanDiff` and `relativeDiff` are read against. */
  meanA: number;
  /** Mean of B over the pairs; `meanB − meanA` is `meanDiff` (up to rounding). */
  meanB: number;
  /** Mean of B − A over the pairs. */
  meanDiff: number;
  /** meanDiff / mean(A); null when mean(A) is 0. */
  relativeDiff: number | null;
  /** The t-interval of the mean paired difference. */
  ci: Interval;
  /** Two-sided p-value of the paired t-test of "no difference". */
  pValue: number;
  /** Whether the difference is distinguishable from noise: the interval excludes 0 (p < 1 − confidence). */
  distinguishable: boolean;
}

/**
 * Compares a KPI between variants A and B run with common random numbers: replication i of A
 * and of B used the same seed and profiles, so the pairs are compared through their differences
 * dᵢ = Bᵢ − Aᵢ (a paired t-test), which removes the noise the two runs share. Identical inputs
 * give a difference of exactly 0 and are never distinguishable; differences that are all the
 * same non-zero number are distinguishable with p = 0. Needs at least two pairs of equal length.
 */
export function compareVariants(
  aValues: readonly number[],
  bValues: readonly number[],
  options: CompareOptions = {},
): VariantComparison {
  const n = aValues.length;
  if (n !== bValues.length) {
    throw new RangeError(`Paired replications need equal lengths, got ${n} and ${bValues.length}.`);
  }
  if (n < 2) throw new RangeError('compareVariants needs at least two paired replications.');
  const confidence = options.confidence ?? 0.95;
  const diffs = aValues.map((a, i) => (bValues[i] ?? NaN) - a);
  const meanDiff = mean(diffs);
  const sd = standardDeviation(diffs);
  const baseline = mean(aValues);
  const relativeDiff = baseline === 0 ? null : meanDiff / baseline;
  if (sd === 0) {
    const differs = meanDiff !== 0;
    return {
      n,
      meanA: baseline,
      meanB: mean(bValues),
      meanDiff,
      relativeDiff,
      ci: { low: meanDiff, high: meanDiff },
      pValue: differs ? 0 : 1,
      distinguishable: differs,
    };
  }
  const se = sd / Math.sqrt(n);
  const half = criticalValue(confidence, n - 1) * se;
  const t = meanDiff / se;
  const pValue = Math.min(1, 2 * studentTCdf(-Math.abs(t), n - 1));
  const ci = { low: meanDiff - half, high: meanDiff + half };
  return {
    n,
    meanA: baseline,
    meanB: mean(bValues),
    meanDiff,
    relativeDiff,
    ci,
    pValue,
    distinguishable: ci.low > 0 || ci.high < 0,
  };
}
