import type { CountsOverlay, ActualStepCounts } from '../simulate/counts-overlay.ts';
import { compareSteps, type Successors } from './step-comparison.ts';
import type { VersionForecast } from './version-forecast.ts';

/** The executor's counts as the overlay reads them (the counts endpoint's shape). */
export interface LiveCounts {
  version: number;
  entries: number;
  steps: Readonly<Record<string, { entered: number; waiting: number }>>;
  edgeCounts: Readonly<Record<string, number>>;
  /** Per message step, what it reached and did not send, by why (absent from older executors). */
  notSent?: Readonly<Record<string, { journey_stopped: number; not_rendered: number }>>;
}

/**
 * The canvas overlay of a published version's live counts on the draft's steps and connections:
 * actual entries per step and runs per connection; in "both" view, beside each step the
 * forecast's median entries and how the actual share compares with the forecast's P10–P90 range.
 * A connection is matched by its step and branch, as `edgeCounts` are keyed.
 */
export function liveOverlay(
  counts: LiveCounts,
  document: {
    steps: readonly { id: string }[];
    connections: readonly { id: string; from: string; fromBranch: string }[];
  },
  show: 'actual' | 'both',
  forecast: VersionForecast | null,
  successors: Successors,
): CountsOverlay {
  const comparison =
    show === 'both' && forecast !== null
      ? compareSteps(
          counts,
          Object.fromEntries(Object.entries(forecast.steps).map(([id, s]) => [id, s.share])),
          successors,
        )
      : {};
  const steps: Record<string, ActualStepCounts> = {};
  const stepCounts: Record<string, { entered: number }> = {};
  for (const { id } of document.steps) {
    const actual = counts.steps[id];
    if (actual === undefined) continue;
    const c = comparison[id];
    steps[id] = {
      entered: actual.entered,
      ...(c !== undefined && Number.isFinite(c.actualShare) ? { share: c.actualShare } : {}),
      ...(c?.band != null ? { forecast: { p10: c.band.p10, p90: c.band.p90 } } : {}),
      ...(c !== undefined ? { verdict: c.verdict } : {}),
      ...notSentOf(counts, id),
    };
    const simulated = forecast?.steps[id]?.entered.p50;
    if (show === 'both' && simulated !== undefined)
      stepCounts[id] = { entered: Math.round(simulated) };
  }
  const connectionCounts: Record<string, number> = {};
  for (const c of document.connections)
    connectionCounts[c.id] = counts.edgeCounts[`${c.from}->${c.fromBranch}`] ?? 0;
  return { stepCounts, connectionCounts, actual: { version: counts.version, show, steps } };
}

function notSentOf(counts: LiveCounts, stepId: string): Pick<ActualStepCounts, 'notSent'> {
  const refused = counts.notSent?.[stepId];
  if (refused === undefined || refused.journey_stopped + refused.not_rendered === 0) return {};
  return { notSent: { stopped: refused.journey_stopped, unrendered: refused.not_rendered } };
}

/** The messages of all steps reached and not sent, by why: the journey stopped, not filled in. */
export function notSentTotals(counts: Pick<LiveCounts, 'notSent'>): {
  stopped: number;
  unrendered: number;
} {
  let stopped = 0;
  let unrendered = 0;
  for (const refused of Object.values(counts.notSent ?? {})) {
    stopped += refused.journey_stopped;
    unrendered += refused.not_rendered;
  }
  return { stopped, unrendered };
}
