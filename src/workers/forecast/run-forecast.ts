import type { Spec } from '../../domain/compile/spec-schema.ts';
import type { Profile } from '../../domain/profiles/profile.ts';
import { mergeResults } from '../../domain/simulate/merge.ts';
import type { SimulationOptions } from '../../domain/simulate/options.ts';
import type { SimulationResult } from '../../domain/simulate/result-schema.ts';
import { resolveSimulationWindow } from '../../domain/simulate/window.ts';
import {
  isForecastWorkerEvent,
  type ForecastTracing,
  type ForecastWorkerEvent,
  type ForecastWorkerRequest,
} from './forecast-protocol.ts';
import { runPool, splitProfiles, workerCount, type PoolControl } from '../shared/pool.ts';
import type { WorkerLike } from '../shared/worker-scope.ts';
import { inProcessForecastWorker } from './in-process-forecast-worker.ts';
import { mergeTallies, type TraceTallies } from '../../domain/forecast/trace-tallies.ts';

/** One finished replication: per variant, the merged result and its trace tallies. */
export interface ForecastReplication {
  index: number;
  results: SimulationResult[];
  /** Null for a variant whose replication was not traced. */
  tallies: (TraceTallies | null)[];
}

/** How a forecast ended. */
export interface ForecastRun {
  replications: ForecastReplication[];
  /** The stopping rule ended the run before every replication was done. */
  stoppedEarly: boolean;
}

/** Sets up to this size are traced whole in every replication; larger ones by a sample in the first only. */
export const TRACE_EVERY_UP_TO = 20_000;
/** Profiles per worker traced in the first replication of a larger set. */
export const TRACE_SAMPLE = 2_000;

export interface RunForecastRequest {
  variants: readonly { spec: Spec; options?: SimulationOptions }[];
  profiles: readonly Profile[];
  replications: number;
  /** Seed of replication 0; replication r uses `seed0 + r` in every variant. Default 1. */
  seed0?: number;
  /** Called after each replication completes, in order. */
  onReplication?: (replication: ForecastReplication, done: readonly ForecastReplication[]) => void;
  /** Asked after each replication; true ends the run early (e.g. intervals tight enough). */
  shouldStop?: (done: readonly ForecastReplication[]) => boolean;
  /** Aborting terminates the workers and rejects with an `AbortError`. */
  signal?: AbortSignal;
  /** Workers; default the cores reported, 1–4, never more than the profiles. */
  workers?: number;
  createWorker?: () => WorkerLike;
}

/** A forecast worker: a module worker in browsers, the same code in-process elsewhere. */
export function createForecastWorker(): WorkerLike {
  return typeof Worker === 'undefined'
    ? inProcessForecastWorker()
    : new Worker(new URL('./forecast.worker.ts', import.meta.url), { type: 'module' });
}

function abortError(): DOMException {
  return new DOMException('The forecast was cancelled', 'AbortError');
}

/**
 * Runs N replications of one or more variants over the same profiles with common random
 * numbers: each worker keeps its share of the profiles and runs every replication for it; the
 * partial results of a replication are merged with `mergeResults` as soon as every worker has
 * posted it. All variants share the first variant's period.
 */
export function runForecast(request: RunForecastRequest): Promise<ForecastRun> {
  const { profiles, signal, variants } = request;
  const first = variants[0];
  if (first === undefined) return Promise.reject(new RangeError('runForecast needs a variant'));
  const window = resolveSimulationWindow(first.options ?? {}, profiles);
  const cap = first.spec.settings.frequencyCap;
  const slices = splitProfiles(profiles, workerCount(request.workers, profiles.length));
  const largest = Math.max(...slices.map((s) => s.length));
  const tracing: ForecastTracing = {
    every: profiles.length <= TRACE_EVERY_UP_TO,
    sample: profiles.length <= TRACE_EVERY_UP_TO ? largest : TRACE_SAMPLE,
    cap: { max: cap.max, periodDays: cap.periodDays },
  };
  const pending = new Map<
    number,
    { results: SimulationResult[][]; tallies: (TraceTallies | null)[][]; count: number }
  >();
  const done: ForecastReplication[] = [];
  const expected = slices.length * variants.length;
  let finishedWorkers = 0;
  const complete = (index: number, control: PoolControl<ForecastRun>): void => {
    const entry = pending.get(index);
    if (entry === undefined) return;
    pending.delete(index);
    const replication: ForecastReplication = {
      index,
      results: entry.results.map((parts) => mergeResults(parts)),
      tallies: entry.tallies.map((parts) =>
        parts.some((t) => t === null) ? null : mergeTallies(parts as TraceTallies[]),
      ),
    };
    done.push(replication);
    request.onReplication?.(replication, done);
    if (done.length >= request.replications)
      control.resolve({ replications: done, stoppedEarly: false });
    else if (request.shouldStop?.(done) === true)
      control.resolve({ replications: done, stoppedEarly: true });
  };
  return runPool<ForecastWorkerEvent, ForecastRun>({
    requests: slices.map((slice, partition): ForecastWorkerRequest => ({
      type: 'run',
      variants: variants.map((v) => ({
        spec: v.spec,
        options: { ...v.options, start: window.start, horizonDays: window.horizonDays },
      })),
      profiles: slice,
      partition,
      seed0: request.seed0 ?? 1,
      replications: request.replications,
      tracing,
    })),
    createWorker: request.createWorker ?? createForecastWorker,
    name: 'A forecast worker',
    signal,
    abortError,
    cancelMessage: { type: 'cancel' } satisfies ForecastWorkerRequest,
    read: (data) => (isForecastWorkerEvent(data) ? data : null),
    onEvent(message, _partition, control) {
      if (message.type === 'error') return control.fail(new Error(message.message));
      if (message.type === 'done') {
        if (++finishedWorkers === slices.length)
          control.resolve({ replications: done, stoppedEarly: false });
        return;
      }
      let entry = pending.get(message.replication);
      if (entry === undefined) {
        entry = { results: variants.map(() => []), tallies: variants.map(() => []), count: 0 };
        pending.set(message.replication, entry);
      }
      (entry.results[message.variant] as SimulationResult[])[message.partition] = message.result;
      (entry.tallies[message.variant] as (TraceTallies | null)[])[message.partition] =
        message.tallies;
      if (++entry.count === expected) complete(message.replication, control);
    },
  });
}
