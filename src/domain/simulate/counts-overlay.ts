import type { JourneyDocument, SimulationResult } from '../index.ts';

/** A run's counts drawn over the canvas: entries per step, profiles per connection, a lit path. */
export interface CountsOverlay {
  /** Profiles that entered each step. */
  stepCounts: Readonly<Record<string, { entered: number }>>;
  /** Profiles that took each connection. */
  connectionCounts: Readonly<Record<string, number>>;
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
