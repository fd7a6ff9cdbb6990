import { normalQuantile } from './distributions';

/** Inputs of {@link sampleSizeForLift}. */
export interface LiftDesign {
  /** The control's conversion rate, in (0, 1). */
  baselineRate: number;
  /** The lift to detect, relative to the baseline (0.2 = +20 %); may be negative. */
  relativeLift: number;
  /** Significance level. Default 0.05. */
  alpha?: number;
  /** Power, the chance of detecting a true lift of that size. Default 0.8. */
  power?: number;
  /** Two-sided test. Default true. */
  twoSided?: boolean;
}

/** Why a design has no sample size, as a code a screen can word. */
export type LiftDesignProblem =
  'baseline-outside' | 'lifted-outside' | 'no-lift' | 'alpha-outside' | 'power-outside';

/**
 * The first reason {@link sampleSizeForLift} would refuse this design, or null when it has a
 * sample size. The lifted rate must stay in (0, 1) as the baseline does.
 */
export function liftDesignProblem(design: LiftDesign): LiftDesignProblem | null {
  const p1 = design.baselineRate;
  const p2 = p1 * (1 + design.relativeLift);
  const alpha = design.alpha ?? 0.05;
  const power = design.power ?? 0.8;
  if (!(p1 > 0 && p1 < 1)) return 'baseline-outside';
  if (!(p2 > 0 && p2 < 1)) return 'lifted-outside';
  if (p2 === p1) return 'no-lift';
  if (!(alpha > 0 && alpha < 1)) return 'alpha-outside';
  if (!(power > 0 && power < 1)) return 'power-outside';
  return null;
}

/**
 * Profiles needed per arm to detect a relative lift in a conversion rate with a two-proportion
 * z-test (equal arms), by the standard formula with the pooled variance under the null and the
 * unpooled one under the alternative (Fleiss, without continuity correction):
 * n = [z(1−α/2)·√(2 p̄(1 − p̄)) + z(power)·√(p₁(1 − p₁) + p₂(1 − p₂))]² / (p₂ − p₁)²,
 * p₂ = p₁(1 + lift), p̄ = (p₁ + p₂)/2, rounded up. Baseline 10 %, lift 20 %, α = 0.05 two-sided,
 * power 0.8 gives 3,841.
 */
export function sampleSizeForLift(design: LiftDesign): number {
  const p1 = design.baselineRate;
  const p2 = p1 * (1 + design.relativeLift);
  const alpha = design.alpha ?? 0.05;
  const power = design.power ?? 0.8;
  switch (liftDesignProblem(design)) {
    case 'baseline-outside':
      throw new RangeError(`baselineRate must be in (0, 1), got ${p1}.`);
    case 'lifted-outside':
      throw new RangeError(`The lifted rate ${p2} is outside (0, 1).`);
    case 'no-lift':
      throw new RangeError('relativeLift must not be 0.');
    case 'alpha-outside':
      throw new RangeError(`alpha must be in (0, 1), got ${alpha}.`);
    case 'power-outside':
      throw new RangeError(`power must be in (0, 1), got ${power}.`);
    case null:
  }
  const zAlpha = normalQuantile(1 - ((design.twoSided ?? true) ? alpha / 2 : alpha));
  const zBeta = normalQuantile(power);
  const pBar = (p1 + p2) / 2;
  const numerator =
    zAlpha * Math.sqrt(2 * pBar * (1 - pBar)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  // Round off floating-point dust before the ceiling, so an exact integer is not pushed up by one.
  return Math.ceil(Number(((numerator * numerator) / ((p2 - p1) * (p2 - p1))).toPrecision(12)));
}

/**
 * Days of traffic to fill every arm: ⌈sampleSizePerArm × arms / entryRatePerDay⌉, where the
 * entry rate is profiles entering the journey per day across all arms. Infinity at a zero rate.
 */
export function daysOfTrafficNeeded(
  sampleSizePerArm: number,
  entryRatePerDay: number,
  arms = 2,
): number {
  if (!(sampleSizePerArm >= 0)) throw new RangeError('sampleSizePerArm must be ≥ 0.');
  if (!(entryRatePerDay >= 0)) throw new RangeError('entryRatePerDay must be ≥ 0.');
  if (sampleSizePerArm === 0) return 0;
  if (entryRatePerDay === 0) return Infinity;
  return Math.ceil((sampleSizePerArm * arms) / entryRatePerDay);
}
