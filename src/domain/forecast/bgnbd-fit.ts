import type { BgNbdParams, PurchaseHistory } from './bgnbd';
import { minimizeSteps } from './nelder-mead';
import { runSteps, type Steps } from './steps';
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
  /** Why the fit says little about these customers, or null when it is usable. */
  degenerate: DegenerateFit | null;
}

/**
 * A fit that met its tolerances yet cannot be trusted: too few customers to estimate four
 * parameters; no repeat buyer (nothing to learn a rate or a dropout from); or a boundary
 * solution, a → 0 (nobody ever drops out) or b → ∞ (dropout is infinitely rare), where every
 * customer reads "alive with probability 100%" — the mark of histories without a dropout process.
 */
export interface DegenerateFit {
  reason: 'too_few_customers' | 'no_repeat_buyers' | 'no_dropout' | 'unbounded_b';
  message: string;
}

/** Fewer customers than this cannot pin four parameters down. */
export const MIN_FIT_CUSTOMERS = 100;
/** a below this, or b above the next, is read as the boundary (a = 0, b = ∞). */
const A_BOUNDARY = 1e-3;
const B_BOUNDARY = 1e3;

/** Whether a BG/NBD fit is degenerate, and why (see {@link DegenerateFit}). */
export function bgnbdDegeneracy(
  params: BgNbdParams,
  histories: readonly PurchaseHistory[],
): DegenerateFit | null {
  if (histories.length < MIN_FIT_CUSTOMERS)
    return {
      reason: 'too_few_customers',
      message: `Only ${histories.length} customers: at least ${MIN_FIT_CUSTOMERS} are needed for a reliable fit.`,
    };
  if (!histories.some((h) => h.x > 0))
    return {
      reason: 'no_repeat_buyers',
      message: 'No customer bought twice, so purchase rates and dropout cannot be learned.',
    };
  if (params.a < A_BOUNDARY)
    return {
      reason: 'no_dropout',
      message: `The fit says nobody ever stops buying (a = ${params.a.toPrecision(2)}): the histories show no dropout.`,
    };
  if (params.b > B_BOUNDARY)
    return {
      reason: 'unbounded_b',
      message: `The fit puts dropout at almost never (b = ${Math.round(params.b)}): the histories show no dropout.`,
    };
  return null;
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
  return runSteps(fitBgNbdSteps(histories));
}

/** {@link fitBgNbd} in steps (see `Steps`). */
export function* fitBgNbdSteps(
  histories: readonly PurchaseHistory[],
): Steps<ModelFit<BgNbdParams>> {
  if (histories.length === 0) throw new RangeError('fitBgNbd needs at least one customer.');
  const groups = groupHistories(histories);
  const n = histories.length;
  const toParams = (v: readonly number[]): BgNbdParams => ({
    r: Math.exp(v[0] ?? 0),
    alpha: Math.exp(v[1] ?? 0),
    a: Math.exp(v[2] ?? 0),
    b: Math.exp(v[3] ?? 0),
  });
  // Customers share few distinct x, T and t_x values (purchases fall on days): the gamma
  // functions and logarithms are computed once per distinct value and evaluation, and the loop
  // over groups reads flat typed arrays (the fit's hot loop: about 600 evaluations).
  const slotsOf = (values: number[]): { distinct: number[]; slots: Int32Array } => {
    const distinct = [...new Set(values)];
    const index = new Map(distinct.map((v, i) => [v, i]));
    return { distinct, slots: Int32Array.from(values, (v) => index.get(v) ?? 0) };
  };
  const byX = slotsOf(groups.map((g) => g.x));
  const byT = slotsOf(groups.map((g) => g.T));
  const byTx = slotsOf(groups.map((g) => g.t_x));
  const xs = Float64Array.from(groups, (g) => g.x);
  const counts = Float64Array.from(groups, (g) => g.count);
  const perX = new Float64Array(byX.distinct.length);
  /** ln a − ln(b + x − 1) per distinct x (unused for x = 0). */
  const logDropAfterX = new Float64Array(byX.distinct.length);
  const logAlphaT = new Float64Array(byT.distinct.length);
  const logAlphaTx = new Float64Array(byTx.distinct.length);
  const objective = (v: readonly number[]): number => {
    const { r, alpha, a, b } = toParams(v);
    const common = -lgamma(r) + r * Math.log(alpha) + lgamma(a + b) - lgamma(b);
    const logA = Math.log(a);
    byX.distinct.forEach((x, i) => {
      perX[i] = lgamma(r + x) + lgamma(b + x) - lgamma(a + b + x);
      logDropAfterX[i] = logA - Math.log(b + x - 1);
    });
    byT.distinct.forEach((T, i) => {
      logAlphaT[i] = Math.log(alpha + T);
    });
    byTx.distinct.forEach((tx, i) => {
      logAlphaTx[i] = Math.log(alpha + tx);
    });
    const xSlots = byX.slots;
    const tSlots = byT.slots;
    const txSlots = byTx.slots;
    let total = 0;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i] as number;
      const slot = xSlots[i] as number;
      const a3 = -(r + x) * (logAlphaT[tSlots[i] as number] as number);
      // With x = 0 the second term is e^−∞: ln(e^A₃ + 0) is A₃ exactly.
      const logL =
        x > 0
          ? logAddExp(
              a3,
              (logDropAfterX[slot] as number) -
                (r + x) * (logAlphaTx[txSlots[i] as number] as number),
            )
          : a3;
      total += (counts[i] as number) * ((perX[slot] as number) + logL);
    }
    return -(total / n + common);
  };
  const meanAge = histories.reduce((s, h) => s + h.T, 0) / n;
  const result = yield* minimizeSteps(objective, [0, Math.log(Math.max(meanAge, 1e-6)), 0, 0], {
    restarts: 4,
  });
  const params = toParams(result.x);
  return {
    params,
    logLikelihood: -result.value * n,
    customers: n,
    evaluations: result.evaluations,
    converged: result.converged,
    degenerate: bgnbdDegeneracy(params, histories),
  };
}
