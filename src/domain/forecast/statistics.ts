import { criticalValue } from './distributions';

/** The arithmetic mean; NaN for an empty list. Summed with Neumaier compensation. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  let sum = 0;
  let compensation = 0;
  for (const v of values) {
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return (sum + compensation) / values.length;
}

/** The sample variance (n − 1 denominator, two-pass); NaN below two values. */
export function variance(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return NaN;
  const m = mean(values);
  let squares = 0;
  let residual = 0;
  for (const v of values) {
    squares += (v - m) * (v - m);
    residual += v - m;
  }
  // The corrected two-pass formula removes the rounding error left in the mean.
  return Math.max(0, (squares - (residual * residual) / n) / (n - 1));
}

/** The sample standard deviation (n − 1 denominator); NaN below two values. */
export function standardDeviation(values: readonly number[]): number {
  return Math.sqrt(variance(values));
}

function checkProbability(p: number): void {
  if (!(p >= 0 && p <= 1))
    throw new RangeError(`A quantile's probability must be in [0, 1], got ${p}.`);
}

/** Type-7 quantile of values already sorted ascending. */
function sortedQuantile(sorted: readonly number[], p: number): number {
  checkProbability(p);
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const low = sorted[lo] ?? NaN;
  const high = sorted[Math.min(lo + 1, n - 1)] ?? NaN;
  return h === lo ? low : low + (h - lo) * (high - low);
}

/**
 * Quantiles by Hyndman and Fan's type 7 (the default of R, NumPy and spreadsheets): with the
 * values sorted and h = (n − 1)p, linear interpolation between the ⌊h⌋-th and ⌈h⌉-th (from 0).
 * NaN for an empty list; the input is not modified.
 */
export function quantiles(values: readonly number[], probabilities: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  const list = Array.from(sorted);
  return probabilities.map((p) => sortedQuantile(list, p));
}

/** One type-7 quantile; see {@link quantiles}. */
export function quantile(values: readonly number[], p: number): number {
  return quantiles(values, [p])[0] ?? NaN;
}

/** A KPI over Monte Carlo replications: centre, spread and the P10–P90 range. */
export interface ReplicationSummary {
  /** Replications. */
  n: number;
  /** Mean over replications. */
  mean: number;
  /** Sample standard deviation over replications (NaN below two). */
  sd: number;
  /** Standard error of the mean, sd / √n. */
  standardError: number;
  /** 10th percentile (type 7). */
  p10: number;
  /** Median. */
  p50: number;
  /** 90th percentile. */
  p90: number;
  /** Smallest value. */
  min: number;
  /** Largest value. */
  max: number;
}

/** Summarises one KPI's values over replications (see {@link ReplicationSummary}). */
export function summariseReplications(values: readonly number[]): ReplicationSummary {
  const [p10 = NaN, p50 = NaN, p90 = NaN, min = NaN, max = NaN] = quantiles(
    values,
    [0.1, 0.5, 0.9, 0, 1],
  );
  const sd = standardDeviation(values);
  return {
    n: values.length,
    mean: mean(values),
    sd,
    standardError: sd / Math.sqrt(values.length),
    p10,
    p50,
    p90,
    min,
    max,
  };
}

/** A confidence interval. */
export interface Interval {
  /** Lower bound. */
  low: number;
  /** Upper bound. */
  high: number;
}

/**
 * The t-interval for the mean, mean ± t(1 − (1 − confidence)/2, n − 1) · sd/√n. Both bounds NaN
 * below two values.
 */
export function meanConfidenceInterval(values: readonly number[], confidence = 0.95): Interval {
  const n = values.length;
  if (n < 2) return { low: NaN, high: NaN };
  const m = mean(values);
  const half = criticalValue(confidence, n - 1) * (standardDeviation(values) / Math.sqrt(n));
  return { low: m - half, high: m + half };
}

/** Options for {@link intervalsTightEnough}. */
export interface StoppingOptions {
  /** Stop when every KPI's interval half-width is at most this fraction of |mean| (e.g. 0.02). */
  relativeHalfWidth: number;
  /** Confidence of the intervals. Default 0.95. */
  confidence?: number;
  /** Never stop before this many replications. Default 5. */
  minReplications?: number;
  /** A half-width this small also counts as tight, for KPIs whose mean is near zero. Default 0. */
  absoluteHalfWidth?: number;
}

/** One KPI's state in {@link StoppingDecision}. */
export interface KpiPrecision {
  /** Replications so far. */
  n: number;
  /** The mean's interval half-width (Infinity below two replications). */
  halfWidth: number;
  /** halfWidth / |mean| (Infinity when the mean is 0 and the half-width is not). */
  relativeHalfWidth: number;
  /** Whether this KPI is tight enough. */
  tight: boolean;
}

/** The stopping rule's answer. */
export interface StoppingDecision {
  /** True when every KPI is tight enough and the minimum number of replications is reached. */
  enough: boolean;
  /** Per KPI. */
  byKpi: Record<string, KpiPrecision>;
}

/**
 * The early-stopping rule for Monte Carlo runs: stop when, for every KPI, the t-interval of the
 * mean (see {@link meanConfidenceInterval}) has a half-width within `relativeHalfWidth` × |mean|
 * (or within `absoluteHalfWidth`). A KPI with zero spread is tight at once. Not enough without KPIs.
 */
export function intervalsTightEnough(
  replicationsByKpi: Readonly<Record<string, readonly number[]>>,
  options: StoppingOptions,
): StoppingDecision {
  const confidence = options.confidence ?? 0.95;
  const minReplications = Math.max(2, options.minReplications ?? 5);
  const absolute = options.absoluteHalfWidth ?? 0;
  const byKpi: Record<string, KpiPrecision> = {};
  let enough = Object.keys(replicationsByKpi).length > 0;
  for (const [kpi, values] of Object.entries(replicationsByKpi)) {
    const n = values.length;
    const halfWidth =
      n < 2
        ? Infinity
        : criticalValue(confidence, n - 1) * (standardDeviation(values) / Math.sqrt(n));
    const centre = Math.abs(mean(values));
    const relative = halfWidth === 0 ? 0 : centre === 0 ? Infinity : halfWidth / centre;
    const tight =
      n >= minReplications && (relative <= options.relativeHalfWidth || halfWidth <= absolute);
    byKpi[kpi] = { n, halfWidth, relativeHalfWidth: relative, tight };
    if (!tight) enough = false;
  }
  return { enough, byKpi };
}
