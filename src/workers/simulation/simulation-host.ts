import type { Profile } from '../../domain/profiles/profile.ts';
import { mergeResults } from '../../domain/simulate/merge.ts';
import { createSimulationPlan, type SimulationPlan } from '../../domain/simulate/plan.ts';
import type { SimulationResult } from '../../domain/simulate/result-schema.ts';
import { PartitionRun } from '../../domain/simulate/simulate.ts';
import { resolveSimulationWindow } from '../../domain/simulate/window.ts';
import {
  simulationWorkerRequestSchema,
  type SimulationWorkerEvent,
  type ParsedSimulationWorkerRequest,
} from './simulation-protocol.ts';
import { indexedDbSetLoader, type SetLoader } from './set-loader.ts';
import { serve } from '../shared/serve.ts';
import { errorMessage, nextTurn, type WorkerScope } from '../shared/worker-scope.ts';

/** Profiles per slice: progress is posted and a cancel is noticed between slices. */
export const SLICE = 5_000;

/** Batch results held before they are folded into one, so a long run holds few traces. */
const RESULTS_PER_FOLD = 32;

type RunRequest = Extract<ParsedSimulationWorkerRequest, { type: 'run' }>;
type RunSetRequest = Extract<ParsedSimulationWorkerRequest, { type: 'run-set' }>;

function simulateBatch(plan: SimulationPlan, profiles: readonly Profile[], partition: number) {
  const run = new PartitionRun(plan, profiles, partition);
  run.advance(profiles.length);
  return run.result();
}

/**
 * Serves simulation requests in a worker: validates each request; `run` simulates the profiles
 * sent in slices; `run-set` simulates its part of a stored set batch by batch as the chunks are
 * read, so the worker never holds the part (a million decoded profiles cost more in garbage
 * collection than in simulation); both post progress, then the partition's result. `span`
 * answers a set's default period; `cancel` stops between slices.
 */
export function hostSimulation(scope: WorkerScope, loader: SetLoader = indexedDbSetLoader) {
  let cancelled = false;
  const post = (event: SimulationWorkerEvent): void => scope.postMessage(event);

  /** The result, or null when cancelled. */
  async function runSent(request: RunRequest): Promise<SimulationResult | null> {
    const { partition } = request;
    const plan = createSimulationPlan(request.spec, request.options);
    const partitionRun = new PartitionRun(plan, request.profiles, partition);
    for (;;) {
      const finished = partitionRun.advance(SLICE);
      post({ type: 'progress', partition, done: partitionRun.done });
      if (finished) return partitionRun.result();
      await nextTurn();
      if (cancelled) return null;
    }
  }

  /** The result, or null when cancelled. Reading a chunk lets queued messages in. */
  async function runStored(request: RunSetRequest): Promise<SimulationResult | null> {
    const { partition } = request;
    const plan = createSimulationPlan(request.spec, request.options);
    let results: SimulationResult[] = [];
    let batch: Profile[] = [];
    let done = 0;
    const flush = (): void => {
      results.push(simulateBatch(plan, batch, partition));
      if (results.length === RESULTS_PER_FOLD) results = [mergeResults(results)];
      done += batch.length;
      batch = [];
      post({ type: 'progress', partition, done });
    };
    for await (const chunk of loader.chunks(request.set, {
      index: partition,
      of: request.parts,
    })) {
      if (cancelled) return null;
      for (const profile of chunk) batch.push(profile);
      if (batch.length >= SLICE) flush();
    }
    if (cancelled) return null;
    if (batch.length > 0 || results.length === 0) flush();
    return results.length === 1 ? (results[0] as SimulationResult) : mergeResults(results);
  }

  async function run(request: RunRequest | RunSetRequest): Promise<void> {
    const { partition } = request;
    try {
      const result = request.type === 'run' ? await runSent(request) : await runStored(request);
      if (result === null) post({ type: 'cancelled', partition });
      else post({ type: 'result', partition, result });
    } catch (error) {
      post({ type: 'error', partition, message: errorMessage(error) });
    }
  }

  async function span(request: Extract<ParsedSimulationWorkerRequest, { type: 'span' }>) {
    const profiles: Profile[] = [];
    for await (const chunk of loader.chunks(request.set)) {
      for (const profile of chunk) profiles.push(profile);
    }
    const window = resolveSimulationWindow({}, profiles);
    post({
      type: 'span',
      start: window.start,
      horizonDays: window.horizonDays,
      profiles: profiles.length,
    });
  }

  serve(scope, {
    schema: simulationWorkerRequestSchema,
    failure: (message): SimulationWorkerEvent => ({ type: 'error', partition: -1, message }),
    unreadable: 'A simulation worker could not read its request',
    handle(request) {
      if (request.type === 'cancel') {
        cancelled = true;
        return;
      }
      if (request.type === 'span') {
        span(request).catch((error: unknown) =>
          post({ type: 'error', partition: -1, message: errorMessage(error) }),
        );
        return;
      }
      void run(request);
    },
  });
}
