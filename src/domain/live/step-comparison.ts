import { wilsonInterval } from '../forecast/proportions.ts';
import type { Band } from './version-forecast.ts';

/**
 * How a step's actual share of entries stands against the forecast's P10–P90 range:
 * - `within`: inside it, or too close to tell;
 * - `below` / `above`: outside it even allowing for the runs still on their way to the step and
 *   for chance in a small number of entries (a 95% Wilson interval);
 * - `too-early`: outside it now, but the runs still waiting upstream could yet bring it in;
 * - `no-data`: nobody has entered the journey, or the forecast has no share for the step.
 */
export type StepVerdict = 'within' | 'below' | 'above' | 'too-early' | 'no-data';

export interface StepComparison {
  /** Actual entries of the step over the journey's entries (NaN with no entries). */
  actualShare: number;
  /** The forecast's share band for the step. */
  band: Band | null;
  verdict: StepVerdict;
}

/** The actual figures the comparison reads: the executor's counts, in their shape. */
export interface ActualCounts {
  entries: number;
  steps: Readonly<Record<string, { entered: number; waiting: number }>>;
}

/** Where each step leads (the steps its branches point at). */
export type Successors = Readonly<Record<string, readonly string[]>>;

/** The steps from which `target` can be reached, `target` excluded. */
export function stepsLeadingTo(successors: Successors, target: string): Set<string> {
  const predecessors = new Map<string, string[]>();
  for (const [from, tos] of Object.entries(successors))
    for (const to of tos) predecessors.set(to, [...(predecessors.get(to) ?? []), from]);
  const seen = new Set<string>();
  const queue = [...(predecessors.get(target) ?? [])];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (seen.has(id) || id === target) continue;
    seen.add(id);
    queue.push(...(predecessors.get(id) ?? []));
  }
  return seen;
}

/**
 * Compares each step's actual share of entries with the forecast's P10–P90 share range. Runs
 * still waiting at a step that leads to this one may yet arrive, so the actual share lies
 * between `entered / entries` and `(entered + waiting upstream) / entries`; a step is called
 * outside only when that whole span, widened by a 95% Wilson interval for the few entries a
 * young journey has, misses the range.
 */
export function compareSteps(
  actual: ActualCounts,
  forecastShares: Readonly<Record<string, Band>>,
  successors: Successors,
): Record<string, StepComparison> {
  const out: Record<string, StepComparison> = {};
  const n = actual.entries;
  for (const [id, step] of Object.entries(actual.steps)) {
    const band = forecastShares[id] ?? null;
    const actualShare = n > 0 ? step.entered / n : NaN;
    if (n === 0 || band === null || !Number.isFinite(band.p10) || !Number.isFinite(band.p90)) {
      out[id] = { actualShare, band, verdict: 'no-data' };
      continue;
    }
    let upstream = 0;
    for (const from of stepsLeadingTo(successors, id)) upstream += actual.steps[from]?.waiting ?? 0;
    const entered = Math.min(step.entered, n);
    const lowest = wilsonInterval(entered, n).low;
    const highest = wilsonInterval(Math.min(n, entered + upstream), n).high;
    let verdict: StepVerdict;
    if (actualShare >= band.p10 && actualShare <= band.p90) verdict = 'within';
    else if (highest < band.p10) verdict = 'below';
    else if (lowest > band.p90) verdict = 'above';
    else verdict = upstream > 0 ? 'too-early' : 'within';
    out[id] = { actualShare, band, verdict };
  }
  return out;
}

/** The successors of every step of a spec (its branches' targets). */
export function specSuccessors(spec: {
  steps: Readonly<Record<string, { next: Readonly<Record<string, string | null>> }>>;
}): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(spec.steps).map(([id, step]) => [
      id,
      Object.values(step.next).filter((to): to is string => to !== null),
    ]),
  );
}
