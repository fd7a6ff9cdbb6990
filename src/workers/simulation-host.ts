import type { Profile } from '../domain/profiles/profile.ts';
import { createSimulationPlan } from '../domain/simulate/plan.ts';
import { PartitionRun } from '../domain/simulate/simulate.ts';
import { resolveSimulationWindow } from '../domain/simulate/window.ts';
import {
  simulationWorkerRequestSchema,
  type SimulationWorkerEvent,
  type ParsedSimulationWorkerRequest,
} from './simulation-protocol.ts';
import { indexedDbSetLoader, type SetLoader } from './simulation-set-loader.ts';

/** The part of a worker's global scope the host uses (a fake one in Node tests). */
export interface SimulationWorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
}

/** Profiles per slice: progress is posted and a cancel is noticed between slices. */
export const SLICE = 5_000;

const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

type RunRequest = Extract<ParsedSimulationWorkerRequest, { type: 'run' | 'run-set' }>;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Serves simulation requests in a worker: validates each request; `run` simulates the profiles
 * sent, `run-set` reads its share of a stored set first; both go in slices, posting progress,
 * then the partition's result; `span` answers a set's default period; `cancel` stops between
 * slices.
 */
export function hostSimulation(
  scope: SimulationWorkerScope,
  loader: SetLoader = indexedDbSetLoader,
) {
  let cancelled = false;
  const post = (event: SimulationWorkerEvent): void => scope.postMessage(event);

  async function run(request: RunRequest): Promise<void> {
    const { partition } = request;
    try {
      const profiles: readonly Profile[] =
        request.type === 'run'
          ? request.profiles
          : await loader.read(request.set, request.from, request.to);
      if (cancelled) {
        post({ type: 'cancelled', partition });
        return;
      }
      const plan = createSimulationPlan(request.spec, request.options);
      const partitionRun = new PartitionRun(plan, profiles, partition);
      for (;;) {
        const finished = partitionRun.advance(SLICE);
        post({ type: 'progress', partition, done: partitionRun.done, total: partitionRun.total });
        if (finished) break;
        await nextTurn();
        if (cancelled) {
          post({ type: 'cancelled', partition });
          return;
        }
      }
      post({ type: 'result', partition, result: partitionRun.result() });
    } catch (error) {
      post({ type: 'error', partition, message: message(error) });
    }
  }

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
    if (request.type === 'span') {
      void loader.read(request.set, 0).then(
        (profiles) => {
          const window = resolveSimulationWindow({}, profiles);
          post({
            type: 'span',
            start: window.start,
            horizonDays: window.horizonDays,
            profiles: profiles.length,
          });
        },
        (error: unknown) => post({ type: 'error', partition: -1, message: message(error) }),
      );
      return;
    }
    void run(request);
  };
}
