import { criticalValue, normalCdf } from './distributions';
import type { Interval } from './statistics';

/**
 * Wilson's score interval for a proportion `successes / total`: well behaved near 0 and 1 and
 * for small samples, unlike the normal (Wald) interval. [0, 1] when total is 0.
 */
export function wilsonInterval(successes: number, total: number, confidence = 0.95): Interval {
  if (!(total > 0)) return { low: 0, high: 1 };
  if (successes < 0 || successes > total) {
    throw new RangeError(`successes must be between 0 and total, got ${successes} of ${total}.`);
  }
  const z = criticalValue(confidence);
  const p = successes / total;
  const z2 = z * z;
  const denominator = 1 + z2 / total;
  const centre = (p + z2 / (2 * total)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Conversions out of entrants in one group. */
export interface ProportionSample {
  /** Profiles that converted. */
  successes: number;
  /** Profiles in the group. */
  total: number;
}

/** The comparison of two independent conversion rates. */
export interface ProportionComparison {
  /** Rate of A. */
  rateA: number;
  /** Rate of B. */
  rateB: number;
  /** rateB − rateA. */
  diff: number;
  /** diff / rateA; null when rateA is 0. */
  relativeLift: number | null;
  /** Newcombe's hybrid score interval for the difference (method 10), built from the two Wilson intervals. */
  ci: Interval;
  /** Two-sided p-value of the pooled two-proportion z-test. */
  pValue: number;
  /** Whether the interval excludes 0. */
  distinguishable: boolean;
}

/**
 * Compares the conversion rates of two independent groups, such as the branches of a random
 * split: the difference B − A with Newcombe's hybrid Wilson score interval (good coverage even
 * for small counts and rates near 0 or 1) and the pooled z-test's p-value. Both groups need
 * at least one profile.
 */
export function compareProportions(
  a: ProportionSample,
  b: ProportionSample,
  confidence = 0.95,
): ProportionComparison {
  if (!(a.total > 0 && b.total > 0)) throw new RangeError('Both groups need at least one profile.');
  const rateA = a.successes / a.total;
  const rateB = b.successes / b.total;
  const diff = rateB - rateA;
  const wa = wilsonInterval(a.successes, a.total, confidence);
  const wb = wilsonInterval(b.successes, b.total, confidence);
  const low = diff - Math.sqrt((rateB - wb.low) ** 2 + (wa.high - rateA) ** 2);
  const high = diff + Math.sqrt((wb.high - rateB) ** 2 + (rateA - wa.low) ** 2);
  const pooled = (a.successes + b.successes) / (a.total + b.total);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.total + 1 / b.total));
  const pValue = se === 0 ? (diff === 0 ? 1 : 0) : 2 * normalCdf(-Math.abs(diff) / se);
  return {
    rateA,
    rateB,
    diff,
    relativeLift: rateA === 0 ? null : diff / rateA,
    ci: { low, high },
    pValue,
    distinguishable: low > 0 || high < 0,
  };
}
