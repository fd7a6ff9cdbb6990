import type { Spec } from '../../domain/compile/spec-schema.ts';
import type { Profile } from '../../domain/profiles/profile.ts';
import { mergeResults } from '../../domain/simulate/merge.ts';
import type { SimulationOptions } from '../../domain/simulate/options.ts';
import type { SimulationResult } from '../../domain/simulate/result-schema.ts';
import { resolveSimulationWindow } from '../../domain/simulate/window.ts';
import {
  isForecastWorkerEvent,
  type ForecastTracing,
  type ForecastWorkerRequest,
} from './forecast-protocol.ts';
import { mergeTallies, type TraceTallies } from '../../domain/forecast/trace-tallies.ts';
import { workerFailureMessage } from '../shared/worker-failure.ts';

/** What the pool needs of a worker: a `Worker`, or an in-process stand-in in tests. */
export interface ForecastWorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

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
  createWorker?: () => ForecastWorkerLike;
}

function defaultWorker(): ForecastWorkerLike {
  return new Worker(new URL('./forecast.worker.ts', import.meta.url), { type: 'module' });
}

function abortError(): DOMException {
  return new DOMException('The forecast was cancelled', 'AbortError');
}

function poolSize(requested: number | undefined, profiles: number): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 1;
  const n = Math.max(1, Math.min(4, Math.floor(requested ?? cores ?? 1)));
  return Math.max(1, Math.min(n, profiles));
}

function shares<T>(items: readonly T[], parts: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < parts; i++) {
    out.push(
      items.slice(
        Math.floor((i * items.length) / parts),
        Math.floor(((i + 1) * items.length) / parts),
      ),
    );
  }
  return out;
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
  const slices = shares(profiles, poolSize(request.workers, profiles.length));
  const largest = Math.max(...slices.map((s) => s.length));
  const tracing: ForecastTracing = {
    every: profiles.length <= TRACE_EVERY_UP_TO,
    sample: profiles.length <= TRACE_EVERY_UP_TO ? largest : TRACE_SAMPLE,
    cap: { max: cap.max, periodDays: cap.periodDays },
  };
  const create = request.createWorker ?? defaultWorker;
  return new Promise<ForecastRun>((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(abortError());
      return;
    }
    const workers: ForecastWorkerLike[] = [];
    const pending = new Map<
      number,
      { results: SimulationResult[][]; tallies: (TraceTallies | null)[][]; count: number }
    >();
    const done: ForecastReplication[] = [];
    const expected = slices.length * variants.length;
    let finishedWorkers = 0;
    let settled = false;
    const stop = (): void => {
      for (const w of workers) {
        w.postMessage({ type: 'cancel' } satisfies ForecastWorkerRequest);
        w.terminate();
      }
      signal?.removeEventListener('abort', onAbort);
    };
    const finish = (stoppedEarly: boolean): void => {
      if (settled) return;
      settled = true;
      stop();
      resolve({ replications: done, stoppedEarly });
    };
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      stop();
      reject(error);
    };
    const onAbort = (): void => fail(abortError());
    signal?.addEventListener('abort', onAbort, { once: true });

    const complete = (index: number): void => {
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
      if (done.length >= request.replications) finish(false);
      else if (request.shouldStop?.(done) === true) finish(true);
    };

    slices.forEach((slice, partition) => {
      const worker = create();
      workers.push(worker);
      worker.onerror = (event) => fail(new Error(workerFailureMessage('A forecast worker', event)));
      worker.onmessageerror = (event) =>
        fail(new Error(workerFailureMessage('A forecast worker', event)));
      worker.onmessage = (event: MessageEvent) => {
        if (settled) return;
        const message: unknown = event.data;
        if (!isForecastWorkerEvent(message))
          return fail(new Error('unexpected message from a forecast worker'));
        if (message.type === 'error') return fail(new Error(message.message));
        if (message.type === 'done') {
          if (++finishedWorkers === slices.length) finish(false);
          return;
        }
        let entry = pending.get(message.replication);
        if (entry === undefined) {
          entry = {
            results: variants.map(() => []),
            tallies: variants.map(() => []),
            count: 0,
          };
          pending.set(message.replication, entry);
        }
        (entry.results[message.variant] as SimulationResult[])[message.partition] = message.result;
        (entry.tallies[message.variant] as (TraceTallies | null)[])[message.partition] =
          message.tallies;
        if (++entry.count === expected) complete(message.replication);
      };
      worker.postMessage({
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
      } satisfies ForecastWorkerRequest);
    });
  });
}
