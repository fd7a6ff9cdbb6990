import type { JourneyDocument, SimulationResult } from '../index.ts';

/** How a step's actual share of entries stands against the forecast (see `compareSteps`). */
export type ActualVerdict = 'within' | 'below' | 'above' | 'too-early' | 'no-data';

/** A step's actual counts from an executor, and in "both" view how they compare. */
export interface ActualStepCounts {
  entered: number;
  /** Of the journey's entries. */
  share?: number;
  /** The forecast's P10–P90 share range for the step. */
  forecast?: { p10: number; p90: number };
  verdict?: ActualVerdict;
  /**
   * Messages the step reached and did not send (absent when none): the journey was stopped before
   * they went out, or their template could not be filled in. Not in the step's actual sends.
   */
  notSent?: { stopped: number; unrendered: number };
}

/**
 * Counts drawn over the canvas: entries per step, profiles per connection, a lit path. A
 * simulation's run fills `stepCounts`; live counts of a published version fill `actual` and say
 * which to show: only them, or beside the forecast's.
 */
export interface CountsOverlay {
  /** Profiles that entered each step (simulated). */
  stepCounts: Readonly<Record<string, { entered: number }>>;
  /** Profiles that took each connection (actual ones when `actual` is shown). */
  connectionCounts: Readonly<Record<string, number>>;
  /** Actual counts per step of a published version; `show` says whether simulated ones go beside them. */
  actual?: {
    version: number;
    show: 'actual' | 'both';
    steps: Readonly<Record<string, ActualStepCounts>>;
  };
  /** Steps on one profile's path (a simulation trace), lit on the canvas. */
  highlight?: { stepIds: readonly string[] };
}

/** The parts of a journey document the simulation reads. */
export type SimulatedDocument = Pick<JourneyDocument, 'id' | 'name' | 'steps' | 'connections'>;

/**
 * Maps a result onto a document: entries per step, and per connection the profiles that took
 * its branch (`edgeCounts` are keyed by `from->branch`, connections by their own id).
 */
export function overlayFromResult(
  result: SimulationResult,
  document: Pick<SimulatedDocument, 'steps' | 'connections'>,
  highlight?: readonly string[],
): CountsOverlay {
  const stepCounts: Record<string, { entered: number }> = {};
  for (const step of document.steps) {
    stepCounts[step.id] = { entered: result.steps[step.id]?.entered ?? 0 };
  }
  const connectionCounts: Record<string, number> = {};
  for (const c of document.connections) {
    connectionCounts[c.id] = result.edgeCounts[`${c.from}->${c.fromBranch}`] ?? 0;
  }
  return highlight === undefined
    ? { stepCounts, connectionCounts }
    : { stepCounts, connectionCounts, highlight: { stepIds: highlight } };
}
