import { hyp2f1Excess, lgamma, logAddExp } from './special-functions';

/**
 * The BG/NBD purchase model (Fader, Hardie and Lee, "Counting your customers the easy way",
 * Marketing Science 2005): while alive a customer buys as a Poisson process with rate λ ~
 * Gamma(r, α); after each purchase they drop out with probability p ~ Beta(a, b).
 */
export interface BgNbdParams {
  /** Shape of the purchase-rate gamma. */
  r: number;
  /** Scale (in time units) of the purchase-rate gamma; the mean rate is r / α. */
  alpha: number;
  /** First shape of the drop-out beta. */
  a: number;
  /** Second shape of the drop-out beta. */
  b: number;
}

/** The purchase history one customer contributes: repeat purchases, time of the last one, age. */
export interface PurchaseHistory {
  /** Repeat purchases in the calibration period. */
  x: number;
  /** Time of the last purchase, from the first (0 when x = 0). */
  t_x: number;
  /** Age at the end of the calibration period, from the first purchase. */
  T: number;
}

/**
 * One customer's log-likelihood under BG/NBD, in log space with the standard closed form:
 * ln L = A₁ + A₂ + ln(e^A₃ + δ(x > 0) e^A₄) with A₁ = ln Γ(r + x) − ln Γ(r) + r ln α,
 * A₂ = ln Γ(a + b) + ln Γ(b + x) − ln Γ(b) − ln Γ(a + b + x), A₃ = −(r + x) ln(α + T) and
 * A₄ = ln a − ln(b + x − 1) − (r + x) ln(α + t_x).
 */
export function bgnbdLogLikelihood(params: BgNbdParams, x: number, t_x: number, T: number): number {
  const { r, alpha, a, b } = params;
  const a1 = lgamma(r + x) - lgamma(r) + r * Math.log(alpha);
  const a2 = lgamma(a + b) + lgamma(b + x) - lgamma(b) - lgamma(a + b + x);
  const a3 = -(r + x) * Math.log(alpha + T);
  const a4 =
    x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + t_x) : -Infinity;
  return a1 + a2 + logAddExp(a3, a4);
}

/** The summed BG/NBD log-likelihood of a customer base. */
export function bgnbdTotalLogLikelihood(
  params: BgNbdParams,
  histories: readonly PurchaseHistory[],
): number {
  let total = 0;
  for (const h of histories) total += bgnbdLogLikelihood(params, h.x, h.t_x, h.T);
  return total;
}

/**
 * P(alive | x, t_x, T): the probability that the customer has not dropped out by T.
 * 1 for a customer without repeat purchases (the model lets people drop out only right after
 * a purchase).
 */
export function bgnbdProbabilityAlive(
  params: BgNbdParams,
  x: number,
  t_x: number,
  T: number,
): number {
  if (x <= 0) return 1;
  const { r, alpha, a, b } = params;
  const logRatio =
    Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + t_x));
  return 1 / (1 + Math.exp(logRatio));
}

/**
 * E[Y(t) | x, t_x, T]: the expected number of purchases in the next `t` time units of a
 * customer with history (x, t_x, T) (FHL 2005, equation 10):
 * (a + b + x − 1)/(a − 1) · [1 − ((α + T)/(α + T + t))^(r + x) ₂F₁(r + x, b + x; a + b + x − 1; z)]
 * / [1 + δ(x > 0) a/(b + x − 1) ((α + T)/(α + t_x))^(r + x)], with z = t/(α + T + t).
 *
 * Evaluated without cancellation: Euler's transformation turns the bracket into
 * 1 − (1 − z)^(a − 1) ₂F₁(a + b − 1 − r, a − 1; a + b + x − 1; z), whose parameters no longer
 * grow with x (so the series stays short for heavy buyers) and which converges at every z < 1;
 * dividing by a − 1 is then done analytically ({@link hyp2f1Excess}), so a ≈ 1 is exact too.
 * With x = t_x = T = 0 this is E[X(t)] for a customer who has just made a first purchase.
 */
export function bgnbdExpectedPurchases(
  params: BgNbdParams,
  t: number,
  x: number,
  t_x: number,
  T: number,
): number {
  if (!(t > 0)) return 0;
  const { r, alpha, a, b } = params;
  const z = t / (alpha + T + t);
  const logOneMinusZ = Math.log(alpha + T) - Math.log(alpha + T + t);
  const c = a + b + x - 1;
  const powered = Math.exp((a - 1) * logOneMinusZ);
  const head =
    Math.abs(a - 1) < 1e-12 ? -logOneMinusZ : -Math.expm1((a - 1) * logOneMinusZ) / (a - 1);
  const bracket = head - powered * hyp2f1Excess(a + b - 1 - r, a - 1, c, z);
  const alive = bgnbdProbabilityAlive(params, x, t_x, T);
  return c * bracket * alive;
}

/** E[X(t)]: the expected purchases in `t` time units after a first purchase, for a new customer. */
export function bgnbdUnconditionalExpectedPurchases(params: BgNbdParams, t: number): number {
  return bgnbdExpectedPurchases(params, t, 0, 0, 0);
}
