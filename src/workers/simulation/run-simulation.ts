import type { Spec } from '../../domain/compile/spec-schema.ts';
import type { Profile } from '../../domain/profiles/profile.ts';
import { mergeResults } from '../../domain/simulate/merge.ts';
import type { SimulationOptions } from '../../domain/simulate/options.ts';
import { z } from 'zod';
import {
  SIMULATION_RESULT_VERSION,
  type SimulationResult,
} from '../../domain/simulate/result-schema.ts';
import { resolveSimulationWindow } from '../../domain/simulate/window.ts';
import { PROFILES_PER_CHUNK } from '../../storage/records.ts';
import {
  simulationWorkerEventSchema,
  type SimulationWorkerEvent,
  type SimulationWorkerRequest,
  type StoredSetRef,
} from './simulation-protocol.ts';
import { runPool, splitProfiles, workerCount } from '../shared/pool.ts';
import type { WorkerLike } from '../shared/worker-scope.ts';

/** Merged progress of all workers. */
export interface SimulationProgress {
  done: number;
  total: number;
  elapsedMs: number;
  /** Estimated time left; null until some profiles are done. */
  etaMs: number | null;
}

export interface RunSimulationRequest {
  spec: Spec;
  profiles: readonly Profile[];
  options?: SimulationOptions;
  onProgress?: (progress: SimulationProgress) => void;
  /** Aborting terminates the workers and rejects with an `AbortError`. */
  signal?: AbortSignal;
  /** Number of workers; default `navigator.hardwareConcurrency`, clamped to 1–4. */
  workers?: number;
  /** Makes a worker; default a module worker running `simulation.worker.ts`. */
  createWorker?: () => WorkerLike;
  /** Clock for progress and the estimate; default `performance.now`. */
  now?: () => number;
}

function defaultWorker(): WorkerLike {
  return new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' });
}

function abortError(): DOMException {
  return new DOMException('The simulation was cancelled', 'AbortError');
}

/**
 * The pool checks a partition result's envelope only: results come from our own workers, a
 * full parse of hundreds of traces costs the page a long task, and a saved run is validated
 * in full (in slices) by the runs repository.
 */
const poolEventSchema = z.union([
  simulationWorkerEventSchema.options[0],
  z.object({
    type: z.literal('result'),
    partition: z.number().int(),
    result: z.looseObject({
      resultVersion: z.literal(SIMULATION_RESULT_VERSION),
      steps: z.record(z.string(), z.unknown()),
      traces: z.array(z.unknown()),
    }),
  }),
  ...simulationWorkerEventSchema.options.slice(2),
]);

/** What the pool itself needs, whatever the profiles' source. */
interface PoolOptions {
  onProgress?: ((progress: SimulationProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
  createWorker?: (() => WorkerLike) | undefined;
  now?: (() => number) | undefined;
}

function readEvent(data: unknown): SimulationWorkerEvent | null {
  // Checked, then used as sent: a parsed copy would reorder keys and cost a deep copy.
  return poolEventSchema.safeParse(data).success ? (data as SimulationWorkerEvent) : null;
}

/**
 * Sends one request per worker, reports merged progress with an estimate, merges the
 * partitions (equal to a single-thread run), and on abort terminates every worker.
 */
function runSimulationPool(
  requests: readonly SimulationWorkerRequest[],
  total: number,
  pool: PoolOptions,
): Promise<SimulationResult> {
  const { onProgress } = pool;
  const now = pool.now ?? (() => performance.now());
  const started = now();
  const done = new Array<number>(requests.length).fill(0);
  const results: SimulationResult[] = [];
  let finished = 0;
  return runPool<SimulationWorkerEvent, SimulationResult>({
    requests,
    createWorker: pool.createWorker ?? defaultWorker,
    name: 'A simulation worker',
    signal: pool.signal,
    abortError,
    cancelMessage: { type: 'cancel' } satisfies SimulationWorkerRequest,
    read: readEvent,
    onEvent(message, _partition, control, worker) {
      if (message.type === 'progress') {
        done[message.partition] = message.done;
        const sum = done.reduce((a, b) => a + b, 0);
        const elapsedMs = now() - started;
        onProgress?.({
          done: sum,
          total,
          elapsedMs,
          etaMs: sum === 0 ? null : (elapsedMs / sum) * (total - sum),
        });
      } else if (message.type === 'error') control.fail(new Error(message.message));
      else if (message.type === 'cancelled') control.fail(abortError());
      else if (message.type === 'result') {
        results[message.partition] = message.result;
        worker.terminate();
        if (++finished === requests.length) control.resolve(mergeResults(results));
      }
    },
  });
}

/**
 * Runs a simulation across a pool of workers: resolves the period once, splits the profiles,
 * reports merged progress with an estimate, merges the partitions (equal to a single-thread
 * run), and on abort terminates every worker.
 */
export function runSimulation(request: RunSimulationRequest): Promise<SimulationResult> {
  const { spec, profiles } = request;
  const window = resolveSimulationWindow(request.options ?? {}, profiles);
  const options = { ...request.options, start: window.start, horizonDays: window.horizonDays };
  const slices = splitProfiles(profiles, workerCount(request.workers, profiles.length));
  const requests = slices.map((slice, partition): SimulationWorkerRequest => ({
    type: 'run',
    spec,
    profiles: slice,
    options,
    partition,
  }));
  return runSimulationPool(requests, profiles.length, request);
}

/** A run over a stored profile set that each worker reads for itself. */
export interface RunStoredSimulationRequest extends Omit<
  RunSimulationRequest,
  'profiles' | 'options'
> {
  set: StoredSetRef;
  /** Profiles in the set (from the set's record). */
  count: number;
  /** The period must be written out: use {@link readStoredSetSpan} for the set's default. */
  options: SimulationOptions & { start: number; horizonDays: number };
}

/**
 * Like {@link runSimulation}, but every worker reads its own part of a stored set from
 * IndexedDB: whole chunks, contiguous and in order, so no profile is copied through
 * `postMessage`, the page never decodes the set and no chunk is decoded twice.
 */
export function runStoredSimulation(
  request: RunStoredSimulationRequest,
): Promise<SimulationResult> {
  // A set of n profiles has at least ceil(n / chunk size) chunks, so no worker gets an empty part.
  const chunks = Math.ceil(request.count / PROFILES_PER_CHUNK);
  const parts = Math.max(1, Math.min(workerCount(request.workers, request.count), chunks));
  const requests = Array.from({ length: parts }, (_, partition): SimulationWorkerRequest => ({
    type: 'run-set',
    spec: request.spec,
    set: request.set,
    parts,
    options: request.options,
    partition,
  }));
  return runSimulationPool(requests, request.count, request);
}

/** A stored set's default period (the span of its events) and its size, worked out in a worker. */
export function readStoredSetSpan(request: {
  set: StoredSetRef;
  signal?: AbortSignal;
  createWorker?: () => WorkerLike;
}): Promise<{ start: number; horizonDays: number; profiles: number }> {
  type Span = { start: number; horizonDays: number; profiles: number };
  return runPool<SimulationWorkerEvent, Span>({
    requests: [{ type: 'span', set: request.set } satisfies SimulationWorkerRequest],
    createWorker: request.createWorker ?? defaultWorker,
    name: 'A simulation worker',
    signal: request.signal,
    abortError,
    read: (data) => {
      const parsed = simulationWorkerEventSchema.safeParse(data);
      return parsed.success ? parsed.data : null;
    },
    onEvent(message, _partition, control) {
      if (message.type === 'span') {
        const { start, horizonDays, profiles } = message;
        control.resolve({ start, horizonDays, profiles });
      } else if (message.type === 'error') control.fail(new Error(message.message));
      else control.fail(new Error('unexpected message from a simulation worker'));
    },
  });
}
