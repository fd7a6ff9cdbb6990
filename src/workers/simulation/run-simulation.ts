import type { Spec } from '../../domain/compile/spec-schema.ts';
import type { Profile } from '../../domain/profiles/profile.ts';
import { mergeResults } from '../../domain/simulate/merge.ts';
import type { SimulationOptions } from '../../domain/simulate/options.ts';
import { z } from 'zod';
import {
  SIMULATION_RESULT_VERSION,
  type SimulationResult,
} from '../../domain/simulate/result-schema.ts';
import { EventSpan, resolveSimulationWindow, windowOfSpan } from '../../domain/simulate/window.ts';
import { PROFILES_PER_CHUNK } from '../../storage/records.ts';
import {
  simulationWorkerEventSchema,
  type SimulationWorkerEvent,
  type SimulationWorkerRequest,
  type StoredSetRef,
} from './simulation-protocol.ts';
import { KeptWorkers } from '../shared/kept-workers.ts';
import { type PoolControl, runPool, splitProfiles, workerCount } from '../shared/pool.ts';
import { answeredError } from '../shared/worker-failure.ts';
import type { WorkerLike } from '../shared/worker-scope.ts';

/** A performance mark as each partition's result reaches the page (for traces of a run). */
export const PARTITION_MARK = 'wayfinder:simulation-partition-result';
/** Performance marks as the page asks the workers to read a set or rehearse a run (for traces). */
export const ASKED_MARKS = {
  span: 'wayfinder:simulation-span-asked',
  warm: 'wayfinder:simulation-warm-asked',
  prepare: 'wayfinder:simulation-prepare-asked',
};

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
  /** Makes a one-off worker per partition, ended with the run (tests, benches). */
  createWorker?: () => WorkerLike;
  /** Kept workers to run on; default the app's own (see {@link KeptWorkers}) unless `createWorker`. */
  keep?: KeptWorkers;
  /** Clock for progress and the estimate; default `performance.now`. */
  now?: () => number;
}

function defaultWorker(): WorkerLike {
  return new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' });
}

/** What the page sends to stop a worker's runs. */
export const CANCEL = { type: 'cancel' } satisfies SimulationWorkerRequest;

/**
 * The app's simulation workers, kept between runs: each keeps the parts of the sets it read
 * (see `set-cache.ts`), so the next run over a set (another journey, seed or assumption) starts
 * from memory. Made on first use.
 */
let appWorkers: KeptWorkers | undefined;
function keptSimulationWorkers(): KeptWorkers {
  appWorkers ??= new KeptWorkers(defaultWorker, CANCEL);
  return appWorkers;
}

/** Where a run's workers come from: `createWorker` (one-off), `keep`, or the app's kept workers. */
function leaseOf(request: { createWorker?: (() => WorkerLike) | undefined; keep?: KeptWorkers }) {
  if (request.keep) return request.keep.lease();
  if (request.createWorker) return undefined;
  return keptSimulationWorkers().lease();
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
  keep?: KeptWorkers;
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
    createWorker: pool.createWorker,
    lease: leaseOf(pool),
    name: 'A simulation worker',
    signal: pool.signal,
    abortError,
    cancelMessage: CANCEL,
    read: readEvent,
    onEvent(message, _partition, control) {
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
      } else if (message.type === 'error') control.fail(answeredError(message));
      else if (message.type === 'cancelled') control.fail(abortError());
      else if (message.type === 'result') {
        performance.mark(PARTITION_MARK);
        results[message.partition] = message.result;
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
  const window = resolveSimulationWindow(request.options ?? {}, profiles, Date.now());
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
  const parts = partsOf(request.count, request.workers);
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

/**
 * How many workers share a stored set of `count` profiles: as many as the cores allow, but
 * whole chunks each (a set of n profiles has at least ceil(n / chunk size) chunks, so no worker
 * gets an empty part). Runs, spans and warm-ups split a set alike, so each worker keeps the
 * same part from one to the next.
 */
export function partsOf(count: number, workers: number | undefined): number {
  const chunks = Math.ceil(count / PROFILES_PER_CHUNK);
  return Math.max(1, Math.min(workerCount(workers, count), chunks));
}

/** Where a span or a warm-up finds a stored set, and how to split it as runs do. */
export interface StoredSetRequest {
  set: StoredSetRef;
  /** Profiles in the set (from its record); without it, one worker reads the whole set. */
  count?: number;
  /** As for runs: default the cores reported, 1–4. */
  workers?: number;
  signal?: AbortSignal;
  createWorker?: () => WorkerLike;
  keep?: KeptWorkers;
}

/**
 * A stored set's default period (the span of its events) and its size, worked out in the
 * workers, each over the part of the set it will simulate: it also readies the parts for a run.
 */
export function readStoredSetSpan(
  request: StoredSetRequest,
): Promise<{ start: number; horizonDays: number; profiles: number }> {
  type Span = { start: number; horizonDays: number; profiles: number };
  performance.mark(ASKED_MARKS.span);
  const parts = request.count === undefined ? 1 : partsOf(request.count, request.workers);
  const requests = Array.from({ length: parts }, (_, partition): SimulationWorkerRequest => ({
    type: 'span',
    set: request.set,
    parts,
    partition,
  }));
  const events = new EventSpan();
  let profiles = 0;
  let answered = 0;
  return askStoredParts<Span>(request, requests, (message, control) => {
    if (message.type !== 'span') return false;
    if (message.first !== null && message.last !== null) events.add(message.first, message.last);
    profiles += message.profiles;
    if (++answered < parts) return true;
    const window = windowOfSpan({}, events, Date.now());
    control.resolve({ start: window.start, horizonDays: window.horizonDays, profiles });
    return true;
  });
}

/**
 * Sends each worker its request about its part of a stored set, and hands `onAnswer` every
 * answer, which returns false for one it does not expect; an error or an unexpected answer
 * fails the whole. For questions about a set (its span, why nobody entered), not runs.
 */
export function askStoredParts<T>(
  request: Pick<StoredSetRequest, 'signal' | 'createWorker' | 'keep'>,
  requests: readonly SimulationWorkerRequest[],
  onAnswer: (message: SimulationWorkerEvent, control: PoolControl<T>) => boolean,
): Promise<T> {
  return runPool<SimulationWorkerEvent, T>({
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
      if (onAnswer(message, control)) return;
      if (message.type === 'error') control.fail(answeredError(message));
      else control.fail(new Error('unexpected message from a simulation worker'));
    },
  });
}

/**
 * Has the kept workers read their parts of a stored set into memory, in the background, so the
 * first run on it starts at once (the simulation panel calls it when a set is chosen). Needs no
 * answer: a failed read is read again, and reported, by the run.
 */
export function warmStoredSet(
  request: Omit<StoredSetRequest, 'signal' | 'createWorker'> & { count: number },
) {
  if (request.count === 0) return;
  const parts = partsOf(request.count, request.workers);
  const keep = request.keep ?? keptSimulationWorkers();
  performance.mark(ASKED_MARKS.warm);
  keep.post(
    Array.from({ length: parts }, (_, partition): SimulationWorkerRequest => ({
      type: 'warm',
      set: request.set,
      parts,
      partition,
    })),
  );
}

/**
 * Has the kept workers rehearse a run that is about to be asked for: each reads its part of the
 * set (as {@link warmStoredSet}) and simulates a few of its profiles with the spec and options, so the
 * engine's code is compiled before the run (a first run on fresh workers spent about half again
 * as long simulating). Needs no answer; costs a few percent of the run, in idle time.
 */
export function prepareStoredRun(
  request: Omit<StoredSetRequest, 'signal' | 'createWorker'> & {
    count: number;
    spec: Spec;
    options: SimulationOptions & { start: number; horizonDays: number };
  },
) {
  if (request.count === 0) return;
  const parts = partsOf(request.count, request.workers);
  const keep = request.keep ?? keptSimulationWorkers();
  performance.mark(ASKED_MARKS.prepare);
  keep.post(
    Array.from({ length: parts }, (_, partition): SimulationWorkerRequest => ({
      type: 'prepare',
      spec: request.spec,
      set: request.set,
      parts,
      options: request.options,
      partition,
    })),
  );
}
