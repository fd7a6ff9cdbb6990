import type { JourneyDocument, SimulationResult } from '../../domain/index.ts';

/** Counts drawn over the canvas; structurally the editor's canvas overlay. */
export interface SimulationOverlay {
  stepCounts: Readonly<Record<string, { entered: number }>>;
  connectionCounts: Readonly<Record<string, number>>;
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
): SimulationOverlay {
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
