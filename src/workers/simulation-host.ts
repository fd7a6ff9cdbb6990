import { createSimulationPlan } from '../domain/simulate/plan.ts';
import { PartitionRun } from '../domain/simulate/simulate.ts';
import {
  simulationWorkerRequestSchema,
  type SimulationWorkerEvent,
} from './simulation-protocol.ts';

/** The part of a worker's global scope the host uses (a fake one in Node tests). */
export interface SimulationWorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
}

/** Profiles per slice: progress is posted and a cancel is noticed between slices. */
export const SLICE = 5_000;

const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Serves simulation requests in a worker: validates `run`, simulates its partition in slices,
 * posting progress, then the partition's result; `cancel` stops between slices.
 */
export function hostSimulation(scope: SimulationWorkerScope): void {
  let cancelled = false;
  const post = (event: SimulationWorkerEvent): void => scope.postMessage(event);
  scope.onmessage = (event: MessageEvent) => {
    const parsed = simulationWorkerRequestSchema.safeParse(event.data);
    if (!parsed.success) {
      post({
        type: 'error',
        partition: -1,
        message: `invalid request: ${parsed.error.issues[0]?.message ?? 'unknown'}`,
      });
      return;
    }
    const request = parsed.data;
    if (request.type === 'cancel') {
      cancelled = true;
      return;
    }
    const { partition } = request;
    void (async () => {
      try {
        const plan = createSimulationPlan(request.spec, request.options);
        const run = new PartitionRun(plan, request.profiles, partition);
        for (;;) {
          const finished = run.advance(SLICE);
          post({ type: 'progress', partition, done: run.done, total: run.total });
          if (finished) break;
          await nextTurn();
          if (cancelled) {
            post({ type: 'cancelled', partition });
            return;
          }
        }
        post({ type: 'result', partition, result: run.result() });
      } catch (error) {
        post({
          type: 'error',
          partition,
          message: error instanceof Error ? error.message : String(error),
        });
      }
    })();
  };
}
