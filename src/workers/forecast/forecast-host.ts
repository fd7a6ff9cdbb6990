import { reseedPlan, type SimulationPlan } from '../../domain/simulate/plan.ts';
import { prepareColumns } from '../../domain/simulate/prepared-profiles.ts';
import {
  memoColumns,
  profileColumns,
  type ProfileColumns,
} from '../../domain/simulate/profile-columns.ts';
import { mergeOwnResults } from '../../domain/forecast/merge-own-results.ts';
import { EventSpan } from '../../domain/simulate/window.ts';
import type { SimulationResult } from '../../domain/simulate/result-schema.ts';
import { hashMore, hashText } from '../../domain/simulate/seeded.ts';
import { PartitionRun } from '../../domain/simulate/simulate.ts';
import type { Profile } from '../../domain/profiles/profile.ts';
import { forecastWorkerRequestSchema, type ForecastWorkerEvent } from './forecast-protocol.ts';
import {
  variantPlans,
  wholeShare,
  type Batch,
  type ForecastWorkerRequest,
  type Period,
} from './forecast-share.ts';
import { serve } from '../shared/serve.ts';
import { errorMessage, type WorkerScope } from '../shared/worker-scope.ts';
import { yieldToMessages } from '../../storage/yield-to-messages.ts';
import { cachedSetLoader, type SetLoader } from '../simulation/set-loader.ts';
import { tallyTraces } from '../../domain/forecast/trace-tallies.ts';
import { priceTwins, repriced } from '../../domain/forecast/price-twins.ts';
import { rehearseForecast } from './forecast-rehearsal.ts';

/** Between batches the host yields (to notice a cancel, to post progress) once YIELD_MS have passed. */
const YIELD_MS = 100;
/** Profiles per batch when the profiles were sent rather than read from a stored set. */
const SENT_BATCH = 5_000;
/** Profiles simulated between looks at the clock. */
const SLICE = 2_000;
/**
 * Profiles of the first variant simulated before the first progress: a few milliseconds of
 * work, so the page shows real progress soon after the click.
 */
const FIRST_SLICE = 500;

/** Whether a profile with this id hash is in a share's trace sample (see {@link tracedProfiles}). */
function traceThreshold(sample: number, share: number): number {
  return sample >= share ? Number.POSITIVE_INFINITY : (sample / share) * 4294967296;
}

/** Reads every batch (into the set cache), keeping none. */
async function drain(batches: AsyncIterable<ProfileColumns>): Promise<void> {
  for await (const _batch of batches);
}

/** The share's profiles in batches: those sent, or the stored set's part read chunk by chunk. */
async function* batchesOf(
  request: ForecastWorkerRequest,
  loader: SetLoader,
): AsyncGenerator<ProfileColumns> {
  if (request.type === 'run') {
    const { profiles } = request;
    for (let from = 0; from < profiles.length; from += SENT_BATCH)
      yield profileColumns(profiles.slice(from, from + SENT_BATCH));
    return;
  }
  yield* loader.columns(request.set, { index: request.partition, of: request.parts });
}

/**
 * Serves forecast requests in a worker: reads its share of the profiles once (sent, or its part
 * of a stored set, indexed as columns so only entrants become objects) and runs every
 * replication (seed `seed0 + r`) of every variant over it. Replication 0 runs batch by batch
 * as the share is read, with progress after its first slice; each replication's partial result
 * is posted with the tallies of its traces; `cancel` stops at the next batch.
 */
export function hostForecast(scope: WorkerScope, loader: SetLoader = cachedSetLoader): void {
  /** The current run was cancelled (a worker runs one forecast at a time). */
  let cancelled = false;
  /**
   * Each kept batch with the profiles decoded from it so far (stored chunks decode a profile when
   * it is read): the next forecast over the set (its sensitivity, another journey) decodes no
   * entrant twice. Dropped with the batch when the set cache lets it go.
   */
  const decoded = new WeakMap<ProfileColumns, ProfileColumns>();
  const decodedOnce = (raw: ProfileColumns): ProfileColumns => {
    let columns = decoded.get(raw);
    if (columns === undefined) {
      columns = memoColumns(raw);
      decoded.set(raw, columns);
    }
    return columns;
  };
  /** Runs started and not yet ended: a rehearsal gives way to them. */
  let running = 0;
  const post = (event: ForecastWorkerEvent): void => scope.postMessage(event);
  /** Hands the current run the period it awaits. */
  let setPeriod: (period: Period) => void = () => undefined;

  /** A part read whole before the period is known: its batches, and the span of its events. */
  async function readAhead(request: ForecastWorkerRequest): Promise<ProfileColumns[]> {
    const batches: ProfileColumns[] = [];
    const span = new EventSpan();
    for await (const batch of batchesOf(request, loader)) {
      if (cancelled) return batches;
      span.addColumns(batch);
      batches.push(batch);
    }
    const known = (n: number) => (Number.isFinite(n) ? n : null);
    post({
      type: 'span',
      partition: request.partition,
      first: known(span.first),
      last: known(span.last),
    });
    return batches;
  }

  async function forecast(request: ForecastWorkerRequest): Promise<void> {
    const { partition, tracing, seed0 } = request;
    const awaits = request.type === 'run-set' && request.awaitPeriod;
    const period = new Promise<Period>((resolve) => (setPeriod = resolve));
    const readFirst = awaits ? await readAhead(request) : null;
    if (cancelled) return;
    const plans = variantPlans(request, awaits ? await period : null);
    const shareSize = request.type === 'run' ? request.profiles.length : request.shareSize;
    const threshold = tracing.sample <= 0 ? -1 : traceThreshold(tracing.sample, shareSize);
    const batches: Batch[] = [];
    /** The traced profiles of the whole share: the tallies read their order history. */
    const tracedProfilesOfShare: Profile[] = [];
    let yielded = performance.now();
    /** Lets messages in (a cancel) once in a while; false when cancelled. */
    const breathe = async (): Promise<boolean> => {
      if (performance.now() - yielded < YIELD_MS) return !cancelled;
      await yieldToMessages();
      yielded = performance.now();
      return !cancelled;
    };
    /** Replication `r` of variant `v` over one batch, not yet advanced. */
    const startRun = (batch: Batch, v: number, r: number): PartitionRun => {
      const traced = batch.tracedIds.length > 0 && (tracing.every || r === 0);
      const base = plans[v] as SimulationPlan;
      const plan = reseedPlan(base, seed0 + r, traced ? batch.tracedIds : []);
      let prepared = batch.prepared.get(base.triggers);
      if (prepared === undefined) {
        // Worked out when first run (variant A's before B's, for an earlier first progress).
        prepared = prepareColumns(base, batch.columns);
        batch.prepared.set(base.triggers, prepared);
      }
      return new PartitionRun(plan, batch.columns, partition, prepared);
    };
    const runBatch = (batch: Batch, v: number, r: number): SimulationResult => {
      const run = startRun(batch, v, r);
      run.advance(batch.columns.count);
      return run.result();
    };
    /** Variants that only reprice an earlier one's run (see `priceTwins`); -1: simulated. */
    const twins = priceTwins(request.variants);
    const simulated = plans.flatMap((_, v) => (twins[v] === -1 ? [v] : []));
    /**
     * Posts replication `r` of every variant, from the simulated variants' results (per variant,
     * its parts, merged here): twins are repriced before any trace is dropped.
     */
    const postReplication = (r: number, parts: readonly SimulationResult[][]): void => {
      const results: SimulationResult[] = [];
      for (let v = 0; v < plans.length; v++) {
        const twin = twins[v] as number;
        const own = parts[v] as SimulationResult[];
        results.push(
          twin >= 0
            ? repriced(results[twin] as SimulationResult, plans[v] as SimulationPlan)
            : own.length === 1
              ? (own[0] as SimulationResult)
              : mergeOwnResults(own),
        );
      }
      const traced = tracedProfilesOfShare.length > 0 && (tracing.every || r === 0);
      results.forEach((result, v) => {
        const tallies = traced
          ? tallyTraces(result, { profiles: tracedProfilesOfShare, cap: tracing.cap })
          : null;
        result.traces = [];
        post({ type: 'replication', partition, replication: r, variant: v, result, tallies });
      });
    };

    // Replication 0 as the share is read, a slice at a time: the first progress comes once the
    // first slice of the first batch is simulated (the first run in a fresh worker is also its
    // slowest, its code not yet optimised).
    const first: SimulationResult[][] = plans.map(() => []);
    /** Profiles of the share read so far, every one simulated in every variant. */
    let read = 0;
    let posted = false;
    for await (const raw of readFirst ?? batchesOf(request, loader)) {
      if (cancelled) return;
      const columns = decodedOnce(raw);
      const tracedIds: string[] = [];
      if (threshold >= 0) {
        for (let i = 0; i < columns.count; i++) {
          const id = columns.id(i);
          if (hashMore(hashText(id), ':forecast') < threshold) {
            tracedIds.push(id);
            tracedProfilesOfShare.push(columns.profile(i));
          }
        }
      }
      const batch: Batch = { columns, prepared: new Map(), tracedIds };
      batches.push(batch);
      for (let i = 0; i < simulated.length; i++) {
        const v = simulated[i] as number;
        const run = startRun(batch, v, 0);
        while (!run.advance(posted ? SLICE : FIRST_SLICE)) {
          if (posted && performance.now() - yielded < YIELD_MS) continue;
          posted = true;
          const done = read + (i * columns.count + run.done) / simulated.length;
          post({ type: 'progress', partition, replication: 0, done });
          if (!(await breathe())) return;
        }
        (first[v] as SimulationResult[]).push(run.result());
      }
      read += columns.count;
      post({ type: 'progress', partition, replication: 0, done: read });
      posted = true;
      if (!(await breathe())) return;
    }
    if (batches.length === 0) {
      // An empty share still answers every replication, with results of no profiles.
      const empty = profileColumns([]);
      batches.push({ columns: empty, prepared: new Map(), tracedIds: [] });
      for (const plan of plans)
        batches[0]?.prepared.set(plan.triggers, prepareColumns(plan, empty));
      for (const v of simulated) first[v] = [runBatch(batches[0] as Batch, v, 0)];
    }
    postReplication(0, first);
    if (request.replications === 1) {
      post({ type: 'done', partition });
      return;
    }
    // Every further replication runs over the whole share at once: one run, one result.
    const whole = batches.length === 1 ? (batches[0] as Batch) : wholeShare(batches);
    const count = whole.columns.count;
    for (let r = 1; r < request.replications; r++) {
      await yieldToMessages();
      if (cancelled) return;
      const parts: SimulationResult[][] = plans.map(() => []);
      for (let i = 0; i < simulated.length; i++) {
        const v = simulated[i] as number;
        const run = startRun(whole, v, r);
        while (!run.advance(SLICE)) {
          if (performance.now() - yielded < YIELD_MS) continue;
          const done = Math.floor((i * count + run.done) / simulated.length);
          post({ type: 'progress', partition, replication: r, done });
          if (!(await breathe())) return;
        }
        parts[v] = [run.result()];
      }
      postReplication(r, parts);
    }
    post({ type: 'done', partition });
  }

  serve(scope, {
    schema: forecastWorkerRequestSchema,
    failure: (message): ForecastWorkerEvent => ({ type: 'error', partition: -1, message }),
    unreadable: 'A forecast worker could not read its request',
    handle(request) {
      if (request.type === 'cancel') cancelled = true;
      else if (request.type === 'period') setPeriod(request);
      else if (request.type === 'read-ahead') {
        const part = { index: request.partition, of: request.parts };
        const batches = loader.columns(request.set, part);
        // Only fills the cache (and compiles the engine's code); a failure here is met again,
        // and reported, by the run.
        const busy = () => running > 0;
        const ahead =
          request.rehearse.length === 0
            ? drain(batches)
            : rehearseForecast(batches, request.rehearse, request.partition, busy);
        void ahead.catch(() => undefined);
      } else {
        cancelled = false;
        running++;
        forecast(request)
          .catch((error: unknown) =>
            post({ type: 'error', partition: request.partition, message: errorMessage(error) }),
          )
          .finally(() => running--);
      }
    },
  });
}
