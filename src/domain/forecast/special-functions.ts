/**
 * Special functions the forecasting models need: log-gamma, log-sum-exp and the Gaussian
 * hypergeometric function. Plain numbers in, plain numbers out; no dependencies.
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * The natural logarithm of the absolute value of the gamma function, ln |Γ(x)|, accurate to
 * about 1e-14 relative (Lanczos, g = 7, with the reflection formula below 0.5).
 * Infinity at zero and the negative integers.
 */
export function lgamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return Infinity;
  if (x <= 0 && Number.isInteger(x)) return Infinity;
  if (x < 0.5) {
    // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0] ?? 1;
  for (let i = 1; i < LANCZOS_G + 2; i++) sum += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b), the log of the beta function, for a, b > 0. */
export function lbeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

/** ln(e^a + e^b) without overflow or underflow; −Infinity when both are −Infinity. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/** Options for {@link hyp2f1}. */
export interface Hyp2f1Options {
  /** Stop when a term is below this fraction of the running sum. Default 1e-15. */
  tolerance?: number;
  /** Give up (RangeError) after this many terms. Default 1,000,000. */
  maxTerms?: number;
}

/**
 * The Gaussian hypergeometric function ₂F₁(a, b; c; z) for real −1 < z < 1, summed as its power
 * series Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ. Negative z is first mapped into [0, ½) by Pfaff's
 * transformation ₂F₁(a, b; c; z) = (1 − z)^(−a) ₂F₁(a, c − b; c; z / (z − 1)), so the series
 * never alternates slowly. The sum stops once a term is negligible for several consecutive
 * terms while the terms are shrinking; a series that has not converged within `maxTerms` throws
 * a RangeError instead of returning a wrong number. c must not be zero or a negative integer.
 */
export function hyp2f1(
  a: number,
  b: number,
  c: number,
  z: number,
  options: Hyp2f1Options = {},
): number {
  if (c <= 0 && Number.isInteger(c)) {
    throw new RangeError(`hyp2f1: c = ${c} is a pole (zero or a negative integer).`);
  }
  if (!(z > -1 && z < 1)) throw new RangeError(`hyp2f1: z = ${z} is outside (−1, 1).`);
  if (z < 0) return Math.pow(1 - z, -a) * series(a, c - b, c, z / (z - 1), options);
  return series(a, b, c, z, options);
}

/** Σ of the hypergeometric series termₙ, term₀ = 1, termₙ₊₁ = termₙ (a + n)(b + n) z / ((c + n)(n + 1)). */
function series(a: number, b: number, c: number, z: number, options: Hyp2f1Options): number {
  const tolerance = options.tolerance ?? 1e-15;
  const maxTerms = options.maxTerms ?? 1_000_000;
  let term = 1;
  let sum = 1;
  let small = 0;
  for (let n = 0; n < maxTerms; n++) {
    const next = (term * (a + n) * (b + n) * z) / ((c + n) * (n + 1));
    if (next === 0) return sum;
    sum += next;
    if (!Number.isFinite(sum)) throw new RangeError('hyp2f1: the series overflowed.');
    const shrinking = Math.abs(next) <= Math.abs(term);
    term = next;
    // A single tiny term can be a near-zero of a polynomial factor; ask for a few in a row.
    if (shrinking && Math.abs(term) <= tolerance * Math.abs(sum)) {
      small++;
      if (small >= 3) return sum;
    } else small = 0;
  }
  throw new RangeError(`hyp2f1: the series did not converge within ${maxTerms} terms.`);
}
