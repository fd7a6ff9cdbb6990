import { mergeResults } from '../../domain/simulate/merge.ts';
import { createSimulationPlan } from '../../domain/simulate/plan.ts';
import type { SimulationResult } from '../../domain/simulate/result-schema.ts';
import { PartitionRun } from '../../domain/simulate/simulate.ts';
import { EventSpan, windowOfSpan } from '../../domain/simulate/window.ts';
import {
  simulationWorkerRequestSchema,
  type SimulationWorkerEvent,
  type ParsedSimulationWorkerRequest,
} from './simulation-protocol.ts';
import { indexedDbSetLoader, type SetLoader } from './set-loader.ts';
import { serve } from '../shared/serve.ts';
import { errorMessage, nextTurn, type WorkerScope } from '../shared/worker-scope.ts';

/**
 * Simulating time between progress posts, in ms: progress and cancel follow time, not profile
 * counts, so a journey whose profiles are slow (a runaway loop) never freezes the run.
 */
export const PROGRESS_EVERY_MS = 250;

/** Milliseconds from some fixed point; injected so tests move time by hand. */
export type Clock = () => number;

/** Batch results held before they are folded into one, so a long run holds few traces. */
const RESULTS_PER_FOLD = 32;

type RunRequest = Extract<ParsedSimulationWorkerRequest, { type: 'run' }>;
type RunSetRequest = Extract<ParsedSimulationWorkerRequest, { type: 'run-set' }>;

/**
 * Serves simulation requests in a worker: validates each request; `run` simulates the profiles
 * sent in slices; `run-set` simulates its part of a stored set batch by batch as the chunks are
 * read, from their columns (only entrants become profile objects), so the worker never holds
 * the part; both post progress, then the partition's result. `span` answers a set's default
 * period from the event columns; `cancel` stops between slices.
 */
export function hostSimulation(
  scope: WorkerScope,
  loader: SetLoader = indexedDbSetLoader,
  clock: Clock = () => performance.now(),
) {
  let cancelled = false;
  /** `keepGoing` for {@link PartitionRun.advanceWhile}: true for the next {@link PROGRESS_EVERY_MS}. */
  const forATurn = (): (() => boolean) => {
    const until = clock() + PROGRESS_EVERY_MS;
    return () => clock() < until;
  };
  const post = (event: SimulationWorkerEvent): void => scope.postMessage(event);

  /** The result, or null when cancelled. */
  async function runSent(request: RunRequest): Promise<SimulationResult | null> {
    const { partition } = request;
    const plan = createSimulationPlan(request.spec, request.options);
    const partitionRun = new PartitionRun(plan, request.profiles, partition);
    for (;;) {
      const finished = partitionRun.advanceWhile(forATurn());
      post({ type: 'progress', partition, done: partitionRun.done });
      if (finished) return partitionRun.result();
      await nextTurn();
      if (cancelled) return null;
    }
  }

  /** The result, or null when cancelled. Reading a batch lets queued messages in. */
  async function runStored(request: RunSetRequest): Promise<SimulationResult | null> {
    const { partition } = request;
    const plan = createSimulationPlan(request.spec, request.options);
    let results: SimulationResult[] = [];
    let done = 0;
    for await (const batch of loader.columns(request.set, {
      index: partition,
      of: request.parts,
    })) {
      if (cancelled) return null;
      const batchRun = new PartitionRun(plan, batch, partition);
      while (!batchRun.advanceWhile(forATurn())) {
        post({ type: 'progress', partition, done: done + batchRun.done });
        await nextTurn();
        if (cancelled) return null;
      }
      results.push(batchRun.result());
      if (results.length === RESULTS_PER_FOLD) results = [mergeResults(results)];
      done += batch.count;
      post({ type: 'progress', partition, done });
    }
    if (cancelled) return null;
    // An empty part still answers with a result (of no profiles).
    if (results.length === 0) return new PartitionRun(plan, [], partition).result();
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
    const events = new EventSpan();
    let profiles = 0;
    for await (const batch of loader.columns(request.set)) {
      events.addColumns(batch);
      profiles += batch.count;
    }
    const window = windowOfSpan({}, events);
    post({ type: 'span', start: window.start, horizonDays: window.horizonDays, profiles });
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
