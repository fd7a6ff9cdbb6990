import { failureReasonOf, type FailureReason } from '../../domain/failure/failure-reason.ts';
import { useLiveRead } from '../../storage/use-live-read.ts';
import type { SimulationProfileSet, SimulationServices } from './simulation-services.tsx';

/** The stored sets, or why they could not be read; `undefined` while the first read is pending. */
export type LiveProfileSets =
  { sets: SimulationProfileSet[] } | { error: FailureReason } | undefined;

/**
 * The profile sets, read again whenever they change, in this tab or another: a set imported,
 * re-imported or deleted while the panel is open shows at once, and a run is started on the set
 * as it is now (its count as stored), not as the panel first read it.
 */
export function useLiveProfileSets(services: SimulationServices): LiveProfileSets {
  return useLiveRead(
    () =>
      services.listProfileSets().then(
        (sets) => ({ sets }),
        (error: unknown) => ({ error: failureReasonOf(error) }),
      ),
    [services],
  );
}
