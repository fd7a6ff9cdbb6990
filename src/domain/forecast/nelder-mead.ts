import { runSteps, type Steps } from './steps';

/** Options for {@link minimize}. */
export interface MinimizeOptions {
  /** Stop when the simplex's function values span less than this (absolute + relative). Default 1e-10. */
  tolerance?: number;
  /** Stop when every vertex is within this of the best one in every coordinate. Default 1e-8. */
  stepTolerance?: number;
  /** Evaluations allowed per start. Default 4,000. */
  maxEvaluations?: number;
  /** Fresh simplices built around the best point so far, after the first. Default 3. */
  restarts?: number;
  /** Edge length of each fresh simplex. Default 0.5. */
  initialStep?: number;
}

/** The outcome of {@link minimize}. */
export interface MinimizeResult {
  /** The best point found. */
  x: number[];
  /** The objective there. */
  value: number;
  /** Objective evaluations in all. */
  evaluations: number;
  /** True when the last start stopped on its tolerances and did not improve on the one before. */
  converged: boolean;
}

/**
 * Minimises `f` from `start` with the Nelder–Mead simplex method (reflection 1, expansion 2,
 * contraction ½, shrink ½), restarted with a fresh simplex around the best point until a
 * restart no longer improves it: restarts undo the simplex collapse that lets plain
 * Nelder–Mead stall short of the minimum. A non-finite objective counts as +Infinity, so
 * `f` may reject points outside its domain. Deterministic: same input, same path.
 */
export function minimize(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  return runSteps(minimizeSteps(f, start, options));
}

/** {@link minimize} in steps (see `Steps`): it yields once per iteration of the simplex. */
export function* minimizeSteps(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: MinimizeOptions = {},
): Steps<MinimizeResult> {
  const restarts = options.restarts ?? 3;
  const safe = (x: readonly number[]): number => {
    const v = f(x);
    return Number.isNaN(v) ? Infinity : v;
  };
  let best = yield* runSimplex(safe, start, options);
  let evaluations = best.evaluations;
  let converged = best.converged;
  for (let i = 0; i < restarts; i++) {
    const next = yield* runSimplex(safe, best.x, options);
    evaluations += next.evaluations;
    const improvement = best.value - next.value;
    if (next.value <= best.value) best = next;
    converged = next.converged;
    if (!(improvement > (options.tolerance ?? 1e-10) * (1 + Math.abs(best.value)))) break;
  }
  return { x: best.x, value: best.value, evaluations, converged };
}

function* runSimplex(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: MinimizeOptions,
): Steps<MinimizeResult> {
  const tolerance = options.tolerance ?? 1e-10;
  const stepTolerance = options.stepTolerance ?? 1e-8;
  const maxEvaluations = options.maxEvaluations ?? 4_000;
  const step = options.initialStep ?? 0.5;
  const n = start.length;
  const points: number[][] = [start.slice()];
  for (let i = 0; i < n; i++) {
    const p = start.slice();
    p[i] = (p[i] ?? 0) + step;
    points.push(p);
  }
  const values = points.map(f);
  let evaluations = n + 1;
  const order = points.map((_, i) => i);
  const at = (i: number): number[] => points[order[i] ?? 0] ?? [];
  const valueAt = (i: number): number => values[order[i] ?? 0] ?? Infinity;
  const replaceWorst = (p: number[], v: number): void => {
    const worst = order[n] ?? 0;
    points[worst] = p;
    values[worst] = v;
  };
  const toward = (from: readonly number[], to: readonly number[], t: number): number[] =>
    from.map((c, j) => c + t * ((to[j] ?? 0) - c));

  let converged = false;
  while (evaluations < maxEvaluations) {
    yield;
    order.sort((i, j) => (values[i] ?? Infinity) - (values[j] ?? Infinity));
    const bestValue = valueAt(0);
    const worstValue = valueAt(n);
    const bestPoint = at(0);
    const spread = Math.abs(worstValue - bestValue);
    const size = Math.max(
      ...points.map((p) => Math.max(...p.map((c, j) => Math.abs(c - (bestPoint[j] ?? 0))))),
    );
    if (
      Number.isFinite(bestValue) &&
      spread <= tolerance * (1 + Math.abs(bestValue)) &&
      size <= stepTolerance
    ) {
      converged = true;
      break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      const p = at(i);
      for (let j = 0; j < n; j++) centroid[j] = (centroid[j] ?? 0) + (p[j] ?? 0) / n;
    }
    const worst = at(n);
    const reflected = toward(centroid, worst, -1);
    const fr = f(reflected);
    evaluations++;
    if (fr < bestValue) {
      const expanded = toward(centroid, worst, -2);
      const fe = f(expanded);
      evaluations++;
      if (fe < fr) replaceWorst(expanded, fe);
      else replaceWorst(reflected, fr);
      continue;
    }
    if (fr < valueAt(n - 1)) {
      replaceWorst(reflected, fr);
      continue;
    }
    const outside = fr < worstValue;
    const contracted = toward(centroid, outside ? reflected : worst, 0.5);
    const fc = f(contracted);
    evaluations++;
    if (fc < (outside ? fr : worstValue)) {
      replaceWorst(contracted, fc);
      continue;
    }
    for (let i = 1; i <= n; i++) {
      const index = order[i] ?? 0;
      const shrunk = toward(bestPoint, points[index] ?? [], 0.5);
      points[index] = shrunk;
      values[index] = f(shrunk);
      evaluations++;
    }
  }
  order.sort((i, j) => (values[i] ?? Infinity) - (values[j] ?? Infinity));
  return { x: at(0).slice(), value: valueAt(0), evaluations, converged };
}
