import { mergeResults } from '../../domain/simulate/merge.ts';
import { createSimulationPlan, type SimulationPlan } from '../../domain/simulate/plan.ts';
import type { ProfileColumns } from '../../domain/simulate/profile-columns.ts';
import type { SimulationResult } from '../../domain/simulate/result-schema.ts';
import { PartitionRun } from '../../domain/simulate/simulate.ts';
import { EventSpan } from '../../domain/simulate/window.ts';
import { DAY_MS } from '../../domain/conditions/time.ts';
import {
  addEntryEvidence,
  gatherEntryEvidence,
  NO_EVIDENCE,
} from '../../domain/diagnose/entry-evidence.ts';
import {
  simulationWorkerRequestSchema,
  type SimulationWorkerEvent,
  type ParsedSimulationWorkerRequest,
} from './simulation-protocol.ts';
import { JoinedPart } from './joined-part.ts';
import { cachedSetLoader, type SetLoader } from './set-loader.ts';
import { serve } from '../shared/serve.ts';
import { caughtError } from '../shared/worker-failure.ts';
import { yieldToMessages } from '../../storage/yield-to-messages.ts';
import type { WorkerScope } from '../shared/worker-scope.ts';

/**
 * Simulating time between progress posts, in ms: progress and cancel follow time, not profile
 * counts, so a journey whose profiles are slow (a runaway loop) never freezes the run.
 */
export const PROGRESS_EVERY_MS = 250;

/** Performance marks in the worker's timeline, for traces of a run (`BENCH_TRACE`). */
export const WORKER_MARKS = {
  received: 'wayfinder:worker-run-received',
  simulated: 'wayfinder:worker-run-simulated',
  posted: 'wayfinder:worker-result-posted',
  /** A span, warm-up or rehearsal has its part read (from memory or IndexedDB). */
  partRead: 'wayfinder:worker-part-read',
  /** A rehearsal simulated its profiles. */
  rehearsed: 'wayfinder:worker-rehearsed',
};

function mark(name: string): void {
  if (typeof performance !== 'undefined') performance.mark(name);
}

/** Milliseconds from some fixed point; injected so tests move time by hand. */
export type Clock = () => number;

/** Batch results held before they are folded into one, so a long run holds few traces. */
const RESULTS_PER_FOLD = 32;

type RunRequest = Extract<ParsedSimulationWorkerRequest, { type: 'run' }>;
type RunSetRequest = Extract<ParsedSimulationWorkerRequest, { type: 'run-set' }>;

type SpanRequest = Extract<ParsedSimulationWorkerRequest, { type: 'span' }>;
type PrepareRequest = Extract<ParsedSimulationWorkerRequest, { type: 'prepare' }>;

/**
 * Time a rehearsal simulates between looks for a run, in ms: a run asked for meanwhile waits
 * about this long for the worker.
 */
const REHEARSAL_SLICE_MS = 8;
/**
 * Profiles a rehearsal simulates at most: the engine's code is compiled within the first few
 * thousand (Node, Welcome series, 50,000 profiles: the first 5,000 cost 159 ms of CPU, the other
 * 45,000 110 ms, and a run after rehearsing 5,000 cost as much as one after rehearsing 50,000),
 * so simulating more only delays the end of the rehearsal on a busy machine.
 */
const REHEARSED_PROFILES = 10_000;

/** Whether a run records traces (sampled or asked for by id). */
function traces(options: { traceSample: number; traceProfileIds: readonly string[] }): boolean {
  return options.traceSample > 0 || options.traceProfileIds.length > 0;
}

/** The part a span or a warm-up reads: all of the set when there is one part. */
function partOf(request: { partition: number; parts: number }) {
  return request.parts === 1 ? undefined : { index: request.partition, of: request.parts };
}

/**
 * Serves simulation requests in a worker: validates each request; `run` simulates the profiles
 * sent in slices; `run-set` simulates its part of a stored set batch by batch as the chunks are
 * read (or from memory, when this worker read that part of the set before: see `set-cache.ts`),
 * from their columns (only entrants become profile objects); both post progress, then the
 * partition's result. `span` answers the span of a part's events, `warm` reads a part ahead of a
 * run, `prepare` also rehearses the run on a batch of it; `cancel` stops every run started before it, within {@link PROGRESS_EVERY_MS}. The worker
 * lives on between runs, so nothing here is kept per worker but the loader's sets.
 */
export function hostSimulation(
  scope: WorkerScope,
  loader: SetLoader = cachedSetLoader,
  clock: Clock = () => performance.now(),
) {
  let started = 0;
  /** Runs received and not yet answered: a rehearsal gives way to them. */
  let active = 0;
  /** Rehearsals asked for: an older one gives way to a newer. */
  let prepares = 0;
  /** The part joined for traced runs, and the journey last run or rehearsed over it. */
  const joined = new JoinedPart();
  /** Runs numbered up to this one were cancelled. */
  let cancelledUpTo = 0;
  const post = (event: SimulationWorkerEvent): void => scope.postMessage(event);

  /** Time for one run: when to post progress and let messages (a cancel) in. */
  function turns(run: number) {
    let until = clock() + PROGRESS_EVERY_MS;
    return {
      /** `keepGoing` for {@link PartitionRun.advanceWhile}: true until this turn is up. */
      keepGoing: () => clock() < until,
      /** Posts progress and lets messages in once the turn is up; false when cancelled. */
      async next(partition: number, done: number): Promise<boolean> {
        if (clock() < until) return run > cancelledUpTo;
        post({ type: 'progress', partition, done });
        await yieldToMessages();
        until = clock() + PROGRESS_EVERY_MS;
        return run > cancelledUpTo;
      },
      cancelled: () => run <= cancelledUpTo,
    };
  }

  /** The result, or null when cancelled. */
  async function runSent(request: RunRequest, run: number): Promise<SimulationResult | null> {
    const { partition } = request;
    const turn = turns(run);
    const plan = createSimulationPlan(request.spec, request.options);
    const partitionRun = new PartitionRun(plan, request.profiles, partition);
    for (;;) {
      const finished = partitionRun.advanceWhile(turn.keepGoing);
      if (finished) {
        post({ type: 'progress', partition, done: partitionRun.done });
        return partitionRun.result();
      }
      if (!(await turn.next(partition, partitionRun.done))) return null;
    }
  }

  /**
   * The result, or null when cancelled. Batches come from memory or IndexedDB; either way the
   * run stops for messages once a turn is up, not once a batch, so a run from memory can be
   * cancelled too.
   */
  async function runStored(request: RunSetRequest, run: number): Promise<SimulationResult | null> {
    if (traces(request.options)) return runJoined(request, run);
    return runBatches(request, createSimulationPlan(request.spec, request.options), run);
  }

  /**
   * A traced run over the whole part at once: batch by batch, each batch would trace its own
   * first `traceSample` entrants and more (most to be dropped in the merge), which made a traced
   * run over 10 batches take two to three times as long as one run over the part. The plan and
   * its prepared entrants come from the rehearsal or the run before when the journey is the same.
   */
  async function runJoined(request: RunSetRequest, run: number): Promise<SimulationResult | null> {
    const { partition } = request;
    const turn = turns(run);
    const columns = await joinedPart(request, turn.cancelled);
    if (columns === null) return null;
    const { plan, prepared } = joined.runOf(request.spec, request.options, columns);
    const partRun = new PartitionRun(plan, columns, partition, prepared);
    while (!partRun.advanceWhile(turn.keepGoing)) {
      if (!(await turn.next(partition, partRun.done))) return null;
    }
    post({ type: 'progress', partition, done: partRun.done });
    return partRun.result();
  }

  /** The part's batches as one; null when cancelled. */
  async function joinedPart(
    request: RunSetRequest,
    cancelled: () => boolean,
  ): Promise<ProfileColumns | null> {
    const batches = await partBatches(request, cancelled);
    return batches === null ? null : joined.join(batches);
  }

  /** Every batch of the request's part, in order; null when cancelled. */
  async function partBatches(
    request: RunSetRequest | PrepareRequest,
    cancelled: () => boolean,
  ): Promise<ProfileColumns[] | null> {
    const batches: ProfileColumns[] = [];
    const part = { index: request.partition, of: request.parts };
    for await (const batch of loader.columns(request.set, part)) {
      if (cancelled()) return null;
      batches.push(batch);
    }
    return cancelled() ? null : batches;
  }

  async function runBatches(
    request: RunSetRequest,
    plan: SimulationPlan,
    run: number,
  ): Promise<SimulationResult | null> {
    const { partition } = request;
    const turn = turns(run);
    let results: SimulationResult[] = [];
    let done = 0;
    for await (const batch of loader.columns(request.set, {
      index: partition,
      of: request.parts,
    })) {
      if (turn.cancelled()) return null;
      const batchRun = new PartitionRun(plan, batch, partition);
      while (!batchRun.advanceWhile(turn.keepGoing)) {
        if (!(await turn.next(partition, done + batchRun.done))) return null;
      }
      results.push(batchRun.result());
      if (results.length === RESULTS_PER_FOLD) results = [mergeResults(results)];
      done += batch.count;
      if (!(await turn.next(partition, done))) return null;
    }
    if (turn.cancelled()) return null;
    post({ type: 'progress', partition, done });
    // An empty part still answers with a result (of no profiles).
    if (results.length === 0) return new PartitionRun(plan, [], partition).result();
    return results.length === 1 ? (results[0] as SimulationResult) : mergeResults(results);
  }

  async function simulateRequest(request: RunRequest | RunSetRequest): Promise<void> {
    const { partition } = request;
    const run = ++started;
    active++;
    try {
      mark(WORKER_MARKS.received);
      const result =
        request.type === 'run' ? await runSent(request, run) : await runStored(request, run);
      mark(WORKER_MARKS.simulated);
      if (result === null) post({ type: 'cancelled', partition });
      else post({ type: 'result', partition, result });
      mark(WORKER_MARKS.posted);
    } catch (error) {
      post({ type: 'error', partition, ...caughtError(error) });
    } finally {
      active--;
    }
  }

  async function span(request: SpanRequest) {
    const events = new EventSpan();
    let profiles = 0;
    for await (const batch of loader.columns(request.set, partOf(request))) {
      events.addColumns(batch);
      profiles += batch.count;
    }
    mark(WORKER_MARKS.partRead);
    const known = (n: number) => (Number.isFinite(n) ? n : null);
    const { partition } = request;
    post({
      type: 'span',
      partition,
      first: known(events.first),
      last: known(events.last),
      profiles,
    });
  }

  /** Counts over the part why a run started nobody, batch by batch (from memory when kept). */
  async function diagnose(request: Extract<ParsedSimulationWorkerRequest, { type: 'diagnose' }>) {
    const { start, horizonDays } = request.options;
    const period = { start, end: start + horizonDays * DAY_MS };
    let evidence = NO_EVIDENCE;
    for await (const batch of loader.columns(request.set, partOf(request))) {
      evidence = addEntryEvidence(evidence, gatherEntryEvidence(request.spec, period, batch));
    }
    post({ type: 'evidence', partition: request.partition, evidence });
  }

  async function warm(request: Extract<ParsedSimulationWorkerRequest, { type: 'warm' }>) {
    for await (const _batch of loader.columns(request.set, partOf(request))) {
      // Reading through the loader is the point: it keeps the part for the next run.
    }
    mark(WORKER_MARKS.partRead);
  }

  /**
   * Rehearses the run (see the `prepare` request) and drops the result: reads the whole part, as
   * a warm-up does; for a traced run joins it and prepares its entrants for the journey (kept for
   * the run), then simulates all of it, as the run will, so the engine's code is compiled for
   * the run's own profiles. Simulates in slices and stops as soon as a run is asked for.
   */
  async function prepare(request: PrepareRequest) {
    const runsBefore = started;
    // A newer rehearsal (the journey or its options changed) or a run takes over.
    const generation = ++prepares;
    const giveWay = () => active > 0 || started !== runsBefore || generation !== prepares;
    // Read to the end even when a run comes meanwhile: the run shares the read.
    const batches = await partBatches(request, () => false);
    const first = batches?.[0];
    if (batches === null || first === undefined) return;
    mark(WORKER_MARKS.partRead);
    await yieldToMessages();
    if (giveWay()) return;
    let rehearsal: PartitionRun;
    if (traces(request.options)) {
      const columns = joined.join(batches);
      const { plan, prepared } = joined.runOf(request.spec, request.options, columns);
      rehearsal = new PartitionRun(plan, columns, request.partition, prepared);
    } else {
      // An untraced run goes batch by batch: its first batch compiles the same code.
      const plan = createSimulationPlan(request.spec, request.options);
      rehearsal = new PartitionRun(plan, first, request.partition);
    }
    const enough = Math.min(REHEARSED_PROFILES, rehearsal.total);
    while (rehearsal.done < enough) {
      const until = clock() + REHEARSAL_SLICE_MS;
      rehearsal.advanceWhile(() => clock() < until && rehearsal.done < enough);
      await yieldToMessages();
      if (giveWay()) return;
    }
    mark(WORKER_MARKS.rehearsed);
  }

  serve(scope, {
    schema: simulationWorkerRequestSchema,
    failure: (message): SimulationWorkerEvent => ({ type: 'error', partition: -1, message }),
    unreadable: 'A simulation worker could not read its request',
    handle(request) {
      if (request.type === 'cancel') cancelledUpTo = started;
      else if (request.type === 'span')
        span(request).catch((error: unknown) =>
          post({ type: 'error', partition: request.partition, ...caughtError(error) }),
        );
      else if (request.type === 'diagnose')
        diagnose(request).catch((error: unknown) =>
          post({ type: 'error', partition: request.partition, ...caughtError(error) }),
        );
      // A failed warm-up costs nothing: the run reads again and reports what went wrong.
      else if (request.type === 'warm') warm(request).catch(() => undefined);
      // Like a warm-up, a failed rehearsal costs nothing: the run reports what went wrong.
      else if (request.type === 'prepare') prepare(request).catch(() => undefined);
      else void simulateRequest(request);
    },
  });
}
