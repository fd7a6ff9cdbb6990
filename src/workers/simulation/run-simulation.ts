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

/** What the pool needs of a worker: a `Worker`, or an in-process stand-in in tests. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

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

/** Workers to use: the cores reported, at least 1 and at most 4, never more than the profiles. */
export function workerCount(requested: number | undefined, profiles: number): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 1;
  const n = Math.max(1, Math.min(4, Math.floor(requested ?? cores ?? 1)));
  return Math.max(1, Math.min(n, profiles));
}

/** Splits profiles into `parts` contiguous slices whose sizes differ by at most one. */
export function splitProfiles<T>(profiles: readonly T[], parts: number): T[][] {
  const out: T[][] = [];
  const size = Math.floor(profiles.length / parts);
  let extra = profiles.length % parts;
  let from = 0;
  for (let i = 0; i < parts; i++) {
    const to = from + size + (extra > 0 ? 1 : 0);
    if (extra > 0) extra--;
    out.push(profiles.slice(from, to));
    from = to;
  }
  return out;
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

/**
 * Sends one request per worker, reports merged progress with an estimate, merges the
 * partitions (equal to a single-thread run), and on abort terminates every worker.
 */
function runPool(
  requests: readonly SimulationWorkerRequest[],
  total: number,
  pool: PoolOptions,
): Promise<SimulationResult> {
  const { signal, onProgress } = pool;
  const now = pool.now ?? (() => performance.now());
  const create = pool.createWorker ?? defaultWorker;
  const started = now();
  return new Promise<SimulationResult>((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(abortError());
      return;
    }
    const workers: WorkerLike[] = [];
    const done = new Array<number>(requests.length).fill(0);
    const results: SimulationResult[] = [];
    let finished = 0;
    let settled = false;
    const stop = (): void => {
      for (const w of workers) {
        w.postMessage({ type: 'cancel' } satisfies SimulationWorkerRequest);
        w.terminate();
      }
    };
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      stop();
      signal?.removeEventListener('abort', onAbort);
      reject(error);
    };
    const onAbort = (): void => fail(abortError());
    signal?.addEventListener('abort', onAbort, { once: true });
    const report = (): void => {
      const sum = done.reduce((a, b) => a + b, 0);
      const elapsedMs = now() - started;
      onProgress?.({
        done: sum,
        total,
        elapsedMs,
        etaMs: sum === 0 ? null : (elapsedMs / sum) * (total - sum),
      });
    };
    requests.forEach((request) => {
      const worker = create();
      workers.push(worker);
      worker.onerror = (event) => fail(new Error(`simulation worker failed: ${event.message}`));
      worker.onmessage = (event: MessageEvent) => {
        if (settled) return;
        const parsed = poolEventSchema.safeParse(event.data);
        if (!parsed.success) return fail(new Error('unexpected message from a simulation worker'));
        // Checked, then used as sent: a parsed copy would reorder keys and cost a deep copy.
        const message = event.data as SimulationWorkerEvent;
        if (message.type === 'progress') {
          done[message.partition] = message.done;
          report();
        } else if (message.type === 'error') fail(new Error(message.message));
        else if (message.type === 'cancelled') fail(abortError());
        else if (message.type === 'result') {
          results[message.partition] = message.result;
          worker.terminate();
          if (++finished === requests.length) {
            settled = true;
            signal?.removeEventListener('abort', onAbort);
            resolve(mergeResults(results));
          }
        }
      };
      worker.postMessage(request);
    });
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
  return runPool(requests, profiles.length, request);
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
  return runPool(requests, request.count, request);
}

/** A stored set's default period (the span of its events) and its size, worked out in a worker. */
export function readStoredSetSpan(request: {
  set: StoredSetRef;
  signal?: AbortSignal;
  createWorker?: () => WorkerLike;
}): Promise<{ start: number; horizonDays: number; profiles: number }> {
  const worker = (request.createWorker ?? defaultWorker)();
  return new Promise((resolve, reject) => {
    const finish = (): void => {
      worker.terminate();
      request.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      finish();
      reject(abortError());
    };
    request.signal?.addEventListener('abort', onAbort, { once: true });
    worker.onerror = (event) => {
      finish();
      reject(new Error(`simulation worker failed: ${event.message}`));
    };
    worker.onmessage = (event: MessageEvent) => {
      const parsed = simulationWorkerEventSchema.safeParse(event.data);
      finish();
      if (parsed.success && parsed.data.type === 'span') {
        const { start, horizonDays, profiles } = parsed.data;
        resolve({ start, horizonDays, profiles });
      } else if (parsed.success && parsed.data.type === 'error')
        reject(new Error(parsed.data.message));
      else reject(new Error('unexpected message from a simulation worker'));
    };
    worker.postMessage({ type: 'span', set: request.set } satisfies SimulationWorkerRequest);
  });
}
