import { lgamma, logAddExp } from './special-functions';

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

/** Relative size of the neglected tail of {@link purchasesWhileAlive}. */
const TAIL_TOLERANCE = 1e-15;
/** Terms after which {@link purchasesWhileAlive} gives up (about a purchase rate × horizon are needed). */
const MAX_TERMS = 10_000_000;

/**
 * The expected purchases in the next `t` of a customer alive now: E[min(N, G)] = Σⱼ P(N > j) E[qʲ]
 * over j ≥ 0, where N ~ NegBin(k, z) counts the purchases the customer would make in `t` (λ
 * integrated out, k = r + x, z = t / (α + T + t), mean k t / (α + T)) and qʲ = (1 − p)ʲ is the
 * chance of staying after j of them, with E[qʲ] = (b + x)ⱼ / (a + b + x)ⱼ (p ~ Beta(a, b + x)).
 * Every term is positive and bounded, so nothing overflows or cancels for any parameters.
 */
function purchasesWhileAlive(
  k: number,
  bx: number,
  abx: number,
  z: number,
  logOneMinusZ: number,
  mean: number,
): number {
  let survival = -Math.expm1(k * logOneMinusZ);
  let logMass = k * logOneMinusZ;
  let moment = 1;
  // Σ over i > j of P(N > i), which bounds the tail as E[qⁱ] only shrinks with i; it is a
  // difference, so once the masses shrink geometrically their own bound takes over.
  let rest = mean;
  let sum = 0;
  for (let j = 0; j < MAX_TERMS; j++) {
    sum += moment * survival;
    rest -= survival;
    // P(N = j + 1) / P(N = j); later ratios stay below the larger of this and z.
    const ratio = ((k + j) * z) / (j + 1);
    logMass += Math.log(ratio);
    const mass = Math.exp(logMass);
    survival = Math.max(0, survival - mass);
    moment *= (bx + j) / (abx + j);
    const q = Math.max(ratio, z);
    const geometric = q < 1 ? mass / ((1 - q) * (1 - q)) : Number.POSITIVE_INFINITY;
    if (moment * Math.min(Math.max(survival, rest), geometric) <= TAIL_TOLERANCE * sum) return sum;
  }
  throw new RangeError(`bgnbdExpectedPurchases: no convergence within ${MAX_TERMS} terms.`);
}

/**
 * E[Y(t) | x, t_x, T]: the expected number of purchases in the next `t` time units of a
 * customer with history (x, t_x, T): P(alive) times the purchases an alive customer makes before
 * dropping out (see {@link purchasesWhileAlive}). This equals FHL 2005, equation 10,
 * (a + b + x − 1)/(a − 1) · [1 − ((α + T)/(α + T + t))^(r + x) ₂F₁(r + x, b + x; a + b + x − 1; z)]
 * / [1 + δ(x > 0) a/(b + x − 1) ((α + T)/(α + t_x))^(r + x)] with z = t/(α + T + t), without its
 * hypergeometric series, which overflows when a fit drifts to large a and b (few drop-outs), and
 * without its division by a − 1. With x = t_x = T = 0 this is E[X(t)] for a customer who has just
 * made a first purchase.
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
  const mean = ((r + x) * t) / (alpha + T);
  const alive = bgnbdProbabilityAlive(params, x, t_x, T);
  return alive * purchasesWhileAlive(r + x, b + x, a + b + x, z, logOneMinusZ, mean);
}

/** E[X(t)]: the expected purchases in `t` time units after a first purchase, for a new customer. */
export function bgnbdUnconditionalExpectedPurchases(params: BgNbdParams, t: number): number {
  return bgnbdExpectedPurchases(params, t, 0, 0, 0);
}
