import type { BgNbdParams, PurchaseHistory } from './bgnbd';
import { minimize } from './nelder-mead';
import { lgamma, logAddExp } from './special-functions';

/** The maximum-likelihood fit of a model: its parameters and how the search ended. */
export interface ModelFit<P> {
  /** The maximum-likelihood parameters. */
  params: P;
  /** The summed log-likelihood at `params`. */
  logLikelihood: number;
  /** Customers the fit used. */
  customers: number;
  /** Likelihood evaluations the optimiser made. */
  evaluations: number;
  /** Whether the optimiser met its tolerances. */
  converged: boolean;
}

/** A distinct history and how many customers share it; fitting on these is several times faster. */
interface Group {
  x: number;
  t_x: number;
  T: number;
  count: number;
}

function groupHistories(histories: readonly PurchaseHistory[]): Group[] {
  const groups = new Map<string, Group>();
  for (const { x, t_x, T } of histories) {
    if (!(x >= 0 && t_x >= 0 && T >= t_x)) {
      throw new RangeError(`Invalid purchase history x=${x}, t_x=${t_x}, T=${T}.`);
    }
    const key = `${x}|${t_x}|${T}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { x, t_x, T, count: 1 });
  }
  return [...groups.values()];
}

/**
 * Fits BG/NBD by maximum likelihood: Nelder–Mead with restarts on the logarithms of
 * (r, α, a, b), so every parameter stays positive, minimising the mean negative
 * log-likelihood over customers with identical histories grouped. Starts at r = a = b = 1
 * and α = the mean age, which puts the first simplex on the data's time scale.
 * Throws a RangeError without customers.
 */
export function fitBgNbd(histories: readonly PurchaseHistory[]): ModelFit<BgNbdParams> {
  if (histories.length === 0) throw new RangeError('fitBgNbd needs at least one customer.');
  const groups = groupHistories(histories);
  const n = histories.length;
  const toParams = (v: readonly number[]): BgNbdParams => ({
    r: Math.exp(v[0] ?? 0),
    alpha: Math.exp(v[1] ?? 0),
    a: Math.exp(v[2] ?? 0),
    b: Math.exp(v[3] ?? 0),
  });
  // The gamma-function terms depend on x only, and customers share few distinct x: compute
  // them once per x and evaluation, leaving two logarithms per history.
  const xs = [...new Set(groups.map((g) => g.x))];
  const xIndex = new Map(xs.map((x, i) => [x, i]));
  const slots = groups.map((g) => xIndex.get(g.x) ?? 0);
  const perX = new Float64Array(xs.length);
  const objective = (v: readonly number[]): number => {
    const { r, alpha, a, b } = toParams(v);
    const logAlpha = Math.log(alpha);
    const common = -lgamma(r) + r * logAlpha + lgamma(a + b) - lgamma(b);
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i] ?? 0;
      perX[i] = lgamma(r + x) + lgamma(b + x) - lgamma(a + b + x);
    }
    const logA = Math.log(a);
    let total = 0;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      if (!g) continue;
      const { x, t_x, T, count } = g;
      const a3 = -(r + x) * Math.log(alpha + T);
      const a4 = x > 0 ? logA - Math.log(b + x - 1) - (r + x) * Math.log(alpha + t_x) : -Infinity;
      total += count * ((perX[slots[i] ?? 0] ?? 0) + logAddExp(a3, a4));
    }
    return -(total / n + common);
  };
  const meanAge = histories.reduce((s, h) => s + h.T, 0) / n;
  const result = minimize(objective, [0, Math.log(Math.max(meanAge, 1e-6)), 0, 0], {
    restarts: 4,
  });
  return {
    params: toParams(result.x),
    logLikelihood: -result.value * n,
    customers: n,
    evaluations: result.evaluations,
    converged: result.converged,
  };
}
