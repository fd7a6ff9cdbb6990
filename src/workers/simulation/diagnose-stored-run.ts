import type { Spec } from '../../domain/compile/spec-schema.ts';
import {
  addEntryEvidence,
  NO_EVIDENCE,
  type EntryEvidence,
} from '../../domain/diagnose/entry-evidence.ts';
import type { SimulationOptions } from '../../domain/simulate/options.ts';
import { runPool } from '../shared/pool.ts';
import { answeredError } from '../shared/worker-failure.ts';
import { abortError, CANCEL, leaseOf, partsOf, type StoredSetRequest } from './run-simulation.ts';
import {
  simulationWorkerEventSchema,
  type SimulationWorkerEvent,
  type SimulationWorkerRequest,
} from './simulation-protocol.ts';

/** A run over a stored set that started nobody, to count why. */
export interface DiagnoseStoredRunRequest extends StoredSetRequest {
  count: number;
  spec: Spec;
  options: SimulationOptions & { start: number; horizonDays: number };
}

/**
 * Counts, over a stored set, why a run of the journey started nobody (`gatherEntryEvidence`):
 * each worker over the part it simulated, from the parts it keeps, the counts then added up.
 * For `diagnoseNoEntries`; asked only after a run where nobody entered.
 */
export function diagnoseStoredRun(request: DiagnoseStoredRunRequest): Promise<EntryEvidence> {
  const parts = partsOf(request.count, request.workers);
  const requests = Array.from({ length: parts }, (_, partition): SimulationWorkerRequest => ({
    type: 'diagnose',
    spec: request.spec,
    set: request.set,
    parts,
    options: request.options,
    partition,
  }));
  let evidence = NO_EVIDENCE;
  let answered = 0;
  return runPool<SimulationWorkerEvent, EntryEvidence>({
    requests,
    createWorker: request.createWorker,
    lease: leaseOf(request),
    name: 'A simulation worker',
    signal: request.signal,
    abortError,
    cancelMessage: CANCEL,
    read: (data) => {
      const parsed = simulationWorkerEventSchema.safeParse(data);
      return parsed.success ? parsed.data : null;
    },
    onEvent(message, _partition, control) {
      if (message.type === 'evidence') {
        evidence = addEntryEvidence(evidence, message.evidence);
        if (++answered === parts) control.resolve(evidence);
      } else if (message.type === 'error') control.fail(answeredError(message));
      else control.fail(new Error('unexpected message from a simulation worker'));
    },
  });
}
