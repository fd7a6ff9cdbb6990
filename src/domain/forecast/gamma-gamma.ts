import type { ModelFit } from './bgnbd-fit';
import { minimizeSteps } from './nelder-mead';
import { runSteps, type Steps } from './steps';
import { lgamma } from './special-functions';

/**
 * The Gamma-Gamma spend model (Fader, Hardie and Lee, "RFM and CLV", Journal of Marketing
 * Research 2005; Fader and Hardie's note "The Gamma-Gamma model of monetary value"): each
 * transaction's value is Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, independent of
 * the purchase process. The population mean spend is p γ / (q − 1) (for q > 1).
 */
export interface GammaGammaParams {
  /** Shape of the per-transaction spend gamma. */
  p: number;
  /** Shape of the gamma over customers' ν. */
  q: number;
  /** Scale of the gamma over customers' ν, in money. */
  gamma: number;
}

/** What the spend model reads of one customer: repeat purchases and their mean value. */
export interface SpendHistory {
  /** Repeat purchases (transactions whose values are averaged). */
  x: number;
  /** Mean value of those purchases. */
  zbar: number;
}

/**
 * One customer's Gamma-Gamma log-likelihood for x > 0 transactions of mean value zbar:
 * ln Γ(px + q) − ln Γ(px) − ln Γ(q) + q ln γ + (px − 1) ln zbar + px ln x − (px + q) ln(γ + x·zbar).
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, x: number, zbar: number): number {
  const { p, q, gamma } = params;
  const px = p * x;
  return (
    lgamma(px + q) -
    lgamma(px) -
    lgamma(q) +
    q * Math.log(gamma) +
    (px - 1) * Math.log(zbar) +
    px * Math.log(x) -
    (px + q) * Math.log(gamma + x * zbar)
  );
}

/**
 * Fits Gamma-Gamma by maximum likelihood on the customers with x > 0 and zbar > 0 (others carry
 * no spend information and are skipped): Nelder–Mead with restarts on log(p, q, γ), starting
 * at p = q = 1 and γ = the mean zbar. Throws a RangeError when no customer has a repeat purchase.
 */
export function fitGammaGamma(histories: readonly SpendHistory[]): ModelFit<GammaGammaParams> {
  return runSteps(fitGammaGammaSteps(histories));
}

/** {@link fitGammaGamma} in steps (see `Steps`). */
export function* fitGammaGammaSteps(
  histories: readonly SpendHistory[],
): Steps<ModelFit<GammaGammaParams>> {
  const used = histories.filter((h) => h.x > 0 && h.zbar > 0);
  if (used.length === 0) {
    throw new RangeError('fitGammaGamma needs at least one customer with a repeat purchase.');
  }
  const n = used.length;
  const xs = Float64Array.from(used, (h) => h.x);
  const logX = xs.map(Math.log);
  const zbars = Float64Array.from(used, (h) => h.zbar);
  const logZ = zbars.map(Math.log);
  const toParams = (v: readonly number[]): GammaGammaParams => ({
    p: Math.exp(v[0] ?? 0),
    q: Math.exp(v[1] ?? 0),
    gamma: Math.exp(v[2] ?? 0),
  });
  // The gamma-function terms depend on x only, shared by many customers: once per x and evaluation.
  const distinctX = [...new Set(xs)];
  const slotOf = new Map(distinctX.map((x, i) => [x, i]));
  const slots = Int32Array.from(xs, (x) => slotOf.get(x) ?? 0);
  const perX = new Float64Array(distinctX.length);
  const objective = (v: readonly number[]): number => {
    const { p, q, gamma } = toParams(v);
    const common = -lgamma(q) + q * Math.log(gamma);
    for (let k = 0; k < distinctX.length; k++) {
      const px = p * (distinctX[k] ?? 0);
      perX[k] = lgamma(px + q) - lgamma(px);
    }
    let total = 0;
    for (let i = 0; i < n; i++) {
      const x = xs[i] ?? 0;
      const px = p * x;
      total +=
        (perX[slots[i] ?? 0] ?? 0) +
        (px - 1) * (logZ[i] ?? 0) +
        px * (logX[i] ?? 0) -
        (px + q) * Math.log(gamma + x * (zbars[i] ?? 0));
    }
    return -(total / n + common);
  };
  const meanSpend = used.reduce((s, h) => s + h.zbar, 0) / n;
  const result = yield* minimizeSteps(objective, [0, 0, Math.log(meanSpend)], { restarts: 4 });
  return {
    params: toParams(result.x),
    logLikelihood: -result.value * n,
    customers: n,
    evaluations: result.evaluations,
    converged: result.converged,
    // Spend has no boundary case of its own; too few repeat buyers shows in the BG/NBD fit.
    degenerate: null,
  };
}

/**
 * E[Z | x, zbar]: a customer's expected spend per transaction, a weighted mean of the population
 * mean p γ / (q − 1) and their own zbar: (p γ + p x zbar) / (p x + q − 1). With x = 0 it is the
 * population mean. NaN when q ≤ 1 and x = 0 (the population mean does not exist).
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, x: number, zbar: number): number {
  const { p, q, gamma } = params;
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) return NaN;
  return (p * gamma + p * x * zbar) / denominator;
}
