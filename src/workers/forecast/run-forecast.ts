import type { Spec } from '../../domain/compile/spec-schema.ts';
import type { Profile } from '../../domain/profiles/profile.ts';
import { mergeResults } from '../../domain/simulate/merge.ts';
import type { SimulationOptions } from '../../domain/simulate/options.ts';
import type { SimulationResult } from '../../domain/simulate/result-schema.ts';
import { EventSpan, resolveSimulationWindow, windowOfSpan } from '../../domain/simulate/window.ts';
import {
  isForecastWorkerEvent,
  type ForecastTracing,
  type ForecastWorkerEvent,
  type ForecastWorkerRequest,
} from './forecast-protocol.ts';
import { runPool, splitProfiles, workerCount, type PoolControl } from '../shared/pool.ts';
import { answeredError } from '../shared/worker-failure.ts';
import { PROFILES_PER_CHUNK } from '../../storage/records.ts';
import type { StoredSetRef } from '../simulation/simulation-protocol.ts';
import type { WorkerLike } from '../shared/worker-scope.ts';
import { inProcessForecastWorker } from './in-process-forecast-worker.ts';
import { KeptWorkers, type WorkerLease } from '../shared/kept-workers.ts';
import { mergeTallies, type TraceTallies } from '../../domain/forecast/trace-tallies.ts';
import { mergeNps, type NpsSummary } from '../../domain/forecast/nps.ts';

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
  /** The period every variant simulated (worked out from the set's events unless given). */
  period: { start: number; horizonDays: number };
  /**
   * The NPS of the survey answers in the profiles' histories, summed by the workers that hold
   * them (asked with `historicalNps`; null otherwise, or when the run ended before every worker
   * had summed its share).
   */
  historicalNps: NpsSummary | null;
}

/** Sets up to this size are traced whole in every replication; larger ones by a sample in the first only. */
export const TRACE_EVERY_UP_TO = 20_000;
/** Profiles per worker traced in the first replication of a larger set. */
export const TRACE_SAMPLE = 2_000;

/** Where a forecast's profiles come from: sent from the page, or a stored set the workers read. */
export type ForecastProfiles =
  | { profiles: readonly Profile[] }
  | {
      set: StoredSetRef;
      /** Profiles in the set (from its record). */
      count: number;
    };

export type RunForecastRequest = ForecastProfiles & ForecastRunOptions;

/** Replications done, with the share of the next one simulated so far. */
export interface ForecastProgress {
  /** Replications done, plus the simulated share of the next (e.g. 2.5). */
  replications: number;
  total: number;
}

interface ForecastRunOptions {
  variants: readonly { spec: Spec; options?: SimulationOptions }[];
  replications: number;
  /**
   * Called as the workers simulate, before and between replications: the first call comes once
   * a worker has simulated the first slice of replication 0.
   */
  onProgress?: (progress: ForecastProgress) => void;
  /** Seed of replication 0; replication r uses `seed0 + r` in every variant. Default 1. */
  seed0?: number;
  /** Called after each replication completes, in order. */
  onReplication?: (replication: ForecastReplication, done: readonly ForecastReplication[]) => void;
  /** Asked after each replication; true ends the run early (e.g. intervals tight enough). */
  shouldStop?: (done: readonly ForecastReplication[]) => boolean;
  /** Aborting terminates the workers and rejects with an `AbortError`. */
  signal?: AbortSignal;
  /** Also sum the survey answers in the profiles' histories (see `ForecastRun.historicalNps`). */
  historicalNps?: boolean;
  /**
   * False: trace no profile, so no replication carries tallies (for runs that read only the
   * KPIs, such as the sensitivity's). Default true.
   */
  traces?: boolean;
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

const CANCEL = { type: 'cancel' } satisfies ForecastWorkerRequest;

/**
 * The page's forecast workers, kept between runs (see {@link KeptWorkers}): each keeps its part
 * of the sets it read (the workers' set cache), so the sensitivity after a forecast, or the next
 * forecast over the set, starts from memory. None where there are no Web Workers (tests and
 * benches in Node run one-off in-process workers). Made on first use.
 */
let appWorkers: KeptWorkers | null | undefined;
function keptForecastWorkers(): KeptWorkers | null {
  appWorkers ??=
    typeof Worker === 'undefined' ? null : new KeptWorkers(createForecastWorker, CANCEL);
  return appWorkers;
}

/** Parts a stored set of `count` profiles is run in: a worker each, none of them empty. */
function setParts(count: number, workers: number | undefined): number {
  // A set of n profiles has at least ceil(n / chunk size) chunks: no worker gets an empty part.
  const chunks = Math.ceil(count / PROFILES_PER_CHUNK);
  return Math.max(1, Math.min(workerCount(workers, count), chunks));
}

/** Tags the read-aheads that prepare journeys, so a part's span is matched to its request. */
let readsAhead = 0;

/**
 * Has the kept forecast workers read a stored set ahead of a forecast over it (e.g. once the
 * strategist picked it), so the forecast starts simulating at once. Given the journeys chosen so
 * far, they also rehearse them on a batch of it, so the forecast simulates with the engine's
 * code compiled (a first run on fresh workers spent about half again as long simulating), and
 * prepare them: once every worker has said its part's span, the period a forecast of the set
 * will simulate (the span of the whole set) is known, and each works out for it what the
 * forecast's runs need whatever their seed (the entrants decoded and their entries; see
 * `PreparedParts`), so the forecast does not after the click. Does nothing without workers.
 */
export function readForecastSetAhead(
  set: StoredSetRef,
  count: number,
  journeys: readonly Spec[] = [],
): void {
  const kept = keptForecastWorkers();
  if (count === 0 || kept === null) return;
  const parts = setParts(count, undefined);
  const each = (message: (partition: number) => ForecastWorkerRequest) =>
    Array.from({ length: parts }, (_, partition) => message(partition));
  const specs = [...journeys];
  const ahead = specs.length === 0 ? undefined : ++readsAhead;
  const spans = new EventSpan();
  let heard = 0;
  const onReply = (data: unknown): void => {
    if (!isForecastWorkerEvent(data) || data.type !== 'part-span' || data.ahead !== ahead) return;
    spans.add(data.first ?? Number.POSITIVE_INFINITY, data.last ?? Number.NEGATIVE_INFINITY);
    if (++heard < parts) return;
    const { start, horizonDays } = windowOfSpan({}, spans, Date.now());
    kept.post(
      each((partition) => ({ type: 'prepare', set, parts, partition, specs, start, horizonDays })),
    );
  };
  kept.post(
    each((partition) => ({ type: 'read-ahead', set, parts, partition, ahead })),
    ahead === undefined ? undefined : onReply,
  );
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
  const { signal, variants } = request;
  const first = variants[0];
  if (first === undefined) return Promise.reject(new RangeError('runForecast needs a variant'));
  // Over a stored set without a given period, the workers read their parts first and the
  // period (the span of the set's events) is worked out from the spans they report.
  const awaitPeriod =
    'set' in request &&
    (first.options?.start === undefined || first.options.horizonDays === undefined);
  const count = 'set' in request ? request.count : request.profiles.length;
  let window = awaitPeriod
    ? { start: 0, horizonDays: 1 }
    : resolveSimulationWindow(
        first.options ?? {},
        'profiles' in request ? request.profiles : [],
        Date.now(),
      );
  const cap = first.spec.settings.frequencyCap;
  const common = (partition: number, largest: number) => ({
    variants: variants.map((v) => ({
      spec: v.spec,
      options: { ...v.options, start: window.start, horizonDays: window.horizonDays },
    })),
    partition,
    seed0: request.seed0 ?? 1,
    replications: request.replications,
    historicalNps: request.historicalNps === true,
    tracing: {
      every: count <= TRACE_EVERY_UP_TO,
      sample: request.traces === false ? 0 : count <= TRACE_EVERY_UP_TO ? largest : TRACE_SAMPLE,
      cap: { max: cap.max, periodDays: cap.periodDays },
    } satisfies ForecastTracing,
  });
  let requests: ForecastWorkerRequest[];
  if ('set' in request) {
    const parts = setParts(count, request.workers);
    const shareSize = Math.max(1, Math.ceil(count / parts));
    requests = Array.from({ length: parts }, (_, partition) => ({
      type: 'run-set',
      set: request.set,
      parts,
      shareSize,
      awaitPeriod,
      ...common(partition, shareSize),
    }));
  } else {
    const slices = splitProfiles(request.profiles, workerCount(request.workers, count));
    const largest = Math.max(...slices.map((s) => s.length));
    requests = slices.map((slice, partition) => ({
      type: 'run',
      profiles: slice,
      ...common(partition, largest),
    }));
  }
  /** Per worker: profiles simulated, counting each replication (of every variant) once. */
  const simulated = requests.map(() => 0);
  /** Per worker: its share, known once it has read it (its last progress of replication 0). */
  const shares = requests.map(() => 0);
  const reportProgress = (): void => {
    if (request.onProgress === undefined || count === 0) return;
    const units = simulated.reduce((a, b) => a + b, 0) / count;
    request.onProgress({
      replications: Math.min(request.replications, Math.max(done.length, units)),
      total: request.replications,
    });
  };
  const pending = new Map<
    number,
    { results: SimulationResult[][]; tallies: (TraceTallies | null)[][]; count: number }
  >();
  const done: ForecastReplication[] = [];
  const spans = new EventSpan();
  const waiting: WorkerLike[] = [];
  /** Per worker, the NPS of its share's answers, once it has summed them. */
  const answers: (NpsSummary | undefined)[] = requests.map(() => undefined);
  const ended = (stoppedEarly: boolean): ForecastRun => ({
    replications: done,
    stoppedEarly,
    period: { start: window.start, horizonDays: window.horizonDays },
    historicalNps: answers.every((a) => a !== undefined) ? mergeNps(answers) : null,
  });
  const expected = requests.length * variants.length;
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
    reportProgress();
    // A full run ends when every worker said it is done (below), so a kept worker has
    // nothing left to post; a stopping rule ends it now, and its workers are not kept.
    if (done.length < request.replications && request.shouldStop?.(done) === true)
      control.resolve(ended(true));
  };
  const kept = request.createWorker === undefined ? keptForecastWorkers() : null;
  const leased = kept?.lease();
  /**
   * A worker goes back to the kept ones only when it has said it is done: one still running (the
   * stopping rule ended the run early) would post into the next run, so it is ended instead.
   */
  const lease: WorkerLease | undefined = leased && {
    take: (index) => leased.take(index),
    release: (worker) =>
      finishedWorkers === requests.length ? leased.release(worker) : leased.discard(worker),
    discard: (worker) => leased.discard(worker),
  };
  return runPool<ForecastWorkerEvent, ForecastRun>({
    requests,
    createWorker: request.createWorker ?? createForecastWorker,
    lease,
    name: 'A forecast worker',
    signal,
    abortError,
    cancelMessage: CANCEL,
    read: (data) => (isForecastWorkerEvent(data) ? data : null),
    onEvent(message, _partition, control, worker) {
      if (message.type === 'error') return control.fail(answeredError(message));
      // Read ahead for the page (its journeys are prepared once every part's span is heard),
      // arriving while the run has the worker.
      if (message.type === 'part-span') return kept?.replyAhead(message);
      if (message.type === 'history') {
        answers[message.partition] = message.nps;
        return;
      }
      if (message.type === 'span') {
        spans.add(
          message.first ?? Number.POSITIVE_INFINITY,
          message.last ?? Number.NEGATIVE_INFINITY,
        );
        waiting.push(worker);
        if (waiting.length === requests.length) {
          window = windowOfSpan(first.options ?? {}, spans, Date.now());
          const period: ForecastWorkerRequest = {
            type: 'period',
            start: window.start,
            horizonDays: window.horizonDays,
          };
          for (const w of waiting) w.postMessage(period);
        }
        return;
      }
      if (message.type === 'done') {
        if (++finishedWorkers === requests.length) control.resolve(ended(false));
        return;
      }
      if (message.type === 'progress') {
        const w = message.partition;
        if (message.replication === 0) shares[w] = Math.max(shares[w] as number, message.done);
        simulated[w] = message.replication * (shares[w] as number) + message.done;
        reportProgress();
        return;
      }
      if (message.variant === variants.length - 1)
        simulated[message.partition] = (message.replication + 1) * (shares[message.partition] ?? 0);
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
