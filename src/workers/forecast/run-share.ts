import { mergeOwnResults } from '../../domain/forecast/merge-own-results.ts';
import { mergeNps } from '../../domain/forecast/nps.ts';
import { priceTwins, repriced } from '../../domain/forecast/price-twins.ts';
import { tallyTraces } from '../../domain/forecast/trace-tallies.ts';
import type { Profile } from '../../domain/profiles/profile.ts';
import { reseedPlan, type SimulationPlan } from '../../domain/simulate/plan.ts';
import type { PreparedProfiles } from '../../domain/simulate/prepared-profiles.ts';
import { profileColumns, type ProfileColumns } from '../../domain/simulate/profile-columns.ts';
import type { SimulationResult } from '../../domain/simulate/result-schema.ts';
import { PartitionRun } from '../../domain/simulate/simulate.ts';
import { yieldToMessages } from '../../storage/yield-to-messages.ts';
import type { ForecastRunRequest, ForecastWorkerEvent } from './forecast-protocol.ts';
import type { Period, PreparedParts } from './prepared-parts.ts';

/** Between batches the host yields (to notice a cancel, to post progress) once YIELD_MS have passed. */
const YIELD_MS = 100;
/** Profiles simulated between looks at the clock. */
const SLICE = 2_000;
/**
 * Profiles of the first variant simulated before the first progress: a few milliseconds of
 * work, so the page shows real progress soon after the click.
 */
const FIRST_SLICE = 500;

/** Whether a profile with this trace key is in a share's trace sample. */
function traceThreshold(sample: number, share: number): number {
  return sample >= share ? Number.POSITIVE_INFINITY : (sample / share) * 4294967296;
}

/** Profiles to run replications over, and the entries of each variant's trigger set over them. */
interface Share {
  columns: ProfileColumns;
  entriesOf: (plan: SimulationPlan) => PreparedProfiles;
  /** Ids of the share's traced profiles. */
  tracedIds: string[];
}

/** What a run over a worker's share needs from the worker. */
export interface ShareRunContext {
  request: ForecastRunRequest;
  /** What the worker keeps of the parts it holds (decoded profiles, entries, joined shares). */
  kept: PreparedParts;
  /** The share's batches as read (sent profiles, or the stored part's kept batches). */
  batches: AsyncIterable<ProfileColumns>;
  /** The whole share was read before the run began (its period awaited): its batches. */
  readFirst: readonly ProfileColumns[] | null;
  /** The period, once known (awaited, or given with the variants). */
  period: Period | null;
  post: (event: ForecastWorkerEvent) => void;
  cancelled: () => boolean;
}

/**
 * Runs every replication (seed `seed0 + r`) of every variant over a worker's share and posts
 * each replication's partial result with the tallies of its traces. When the share's entries
 * were all worked out before (ahead of the run, or by a run before), replication 0 runs over the
 * whole share as the others do; otherwise it runs batch by batch as the share is read (working
 * the entries out as it goes), with progress after its first slice. Returns when done or
 * cancelled (then at the next yield).
 */
export async function runShare(context: ShareRunContext): Promise<void> {
  const { request, kept, post, cancelled } = context;
  const { partition, tracing, seed0 } = request;
  const plans = request.variants.map((v) => kept.plan(v.spec, v.options, context.period));
  const shareSize = request.type === 'run' ? request.profiles.length : request.shareSize;
  const threshold = tracing.sample <= 0 ? -1 : traceThreshold(tracing.sample, shareSize);
  /** The traced profiles of the whole share: the tallies read their order history. */
  const tracedProfilesOfShare: Profile[] = [];
  const tracedIdsOf = (columns: ProfileColumns): string[] => {
    const ids: string[] = [];
    if (threshold < 0) return ids;
    const keys = kept.traceKeysOf(columns);
    for (let i = 0; i < columns.count; i++) {
      if ((keys[i] as number) >= threshold) continue;
      ids.push(columns.id(i));
      tracedProfilesOfShare.push(columns.profile(i));
    }
    return ids;
  };
  let yielded = performance.now();
  /** Lets messages in (a cancel) once in a while; false when cancelled. */
  const breathe = async (): Promise<boolean> => {
    if (performance.now() - yielded < YIELD_MS) return !cancelled();
    await yieldToMessages();
    yielded = performance.now();
    return !cancelled();
  };
  /** Replication `r` of variant `v` over `share`, not yet advanced. */
  const startRun = (share: Share, v: number, r: number): PartitionRun => {
    const traced = share.tracedIds.length > 0 && (tracing.every || r === 0);
    const base = plans[v] as SimulationPlan;
    const plan = reseedPlan(base, seed0 + r, traced ? share.tracedIds : []);
    return new PartitionRun(plan, share.columns, partition, share.entriesOf(base));
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
  /**
   * Replication `r` over the whole share, every simulated variant in turn: progress every
   * {@link YIELD_MS}, the first (of replication 0) after {@link FIRST_SLICE} profiles.
   */
  const runWhole = async (share: Share, r: number): Promise<SimulationResult[][] | null> => {
    const count = share.columns.count;
    const parts: SimulationResult[][] = plans.map(() => []);
    let first = r === 0;
    for (let i = 0; i < simulated.length; i++) {
      const v = simulated[i] as number;
      const run = startRun(share, v, r);
      while (!run.advance(first ? FIRST_SLICE : SLICE)) {
        if (!first && performance.now() - yielded < YIELD_MS) continue;
        first = false;
        const done = Math.floor((i * count + run.done) / simulated.length);
        post({ type: 'progress', partition, replication: r, done });
        if (!(await breathe())) return null;
      }
      parts[v] = [run.result()];
    }
    // Replication 0's last progress tells the page the share's size.
    if (r === 0) post({ type: 'progress', partition, replication: 0, done: count });
    return parts;
  };
  /** Replication 0's results, per variant, batch by batch. */
  const first: SimulationResult[][] = plans.map(() => []);
  /** Profiles run batch by batch so far, every one in every variant. */
  let read = 0;
  let posted = false;
  /** Replication 0 over one batch (its entries worked out if need be); false when cancelled. */
  const runBatch = async (columns: ProfileColumns, ids: string[]): Promise<boolean> => {
    const batch: Share = {
      columns,
      entriesOf: (plan) => kept.entriesOf(plan, columns),
      tracedIds: ids,
    };
    for (let i = 0; i < simulated.length; i++) {
      const v = simulated[i] as number;
      const run = startRun(batch, v, 0);
      while (!run.advance(posted ? SLICE : FIRST_SLICE)) {
        if (posted && performance.now() - yielded < YIELD_MS) continue;
        posted = true;
        const done = read + (i * columns.count + run.done) / simulated.length;
        post({ type: 'progress', partition, replication: 0, done });
        if (!(await breathe())) return false;
      }
      (first[v] as SimulationResult[]).push(run.result());
    }
    read += columns.count;
    post({ type: 'progress', partition, replication: 0, done: read });
    posted = true;
    return breathe();
  };
  const isPrepared = (columns: ProfileColumns): boolean =>
    simulated.every((v) => kept.hasEntries(plans[v] as SimulationPlan, columns));

  // Batches whose entries are all known already are held, to run replication 0 over them as
  // one share; from the first that needs its entries worked out, replication 0 runs batch by
  // batch as the share is read, so the first progress comes after the first slice of it.
  const batches: ProfileColumns[] = [];
  /** Per batch, the ids of its traced profiles. */
  const tracedPerBatch: string[][] = [];
  let streaming = false;
  for await (const raw of context.readFirst ?? context.batches) {
    if (cancelled()) return;
    const columns = kept.columns(raw);
    batches.push(columns);
    tracedPerBatch.push(tracedIdsOf(columns));
    if (!streaming) {
      if (isPrepared(columns)) continue;
      streaming = true;
      // Replication 0 over the batches held so far, then on batch by batch.
      for (let b = 0; b < batches.length - 1; b++)
        if (!(await runBatch(batches[b] as ProfileColumns, tracedPerBatch[b] as string[]))) return;
    }
    if (!(await runBatch(columns, tracedPerBatch[tracedPerBatch.length - 1] as string[]))) return;
  }
  if (batches.length === 0) {
    // An empty share still answers every replication, with results of no profiles.
    const empty = profileColumns([]);
    batches.push(empty);
    streaming = true;
    const share: Share = {
      columns: empty,
      entriesOf: (p) => kept.entriesOf(p, empty),
      tracedIds: [],
    };
    for (const v of simulated) {
      const run = startRun(share, v, 0);
      run.advance(0);
      first[v] = [run.result()];
    }
  }
  // The batches joined (a copy of the share's profiles), made only for a replication that runs
  // over the whole share: a single replication run batch by batch needs none.
  let whole: Share | null = null;
  const wholeShare = (): Share =>
    (whole ??= { ...kept.whole(batches, plans), tracedIds: tracedPerBatch.flat() });
  if (streaming) postReplication(0, first);
  else {
    const results = await runWhole(wholeShare(), 0);
    if (results === null) return;
    // Replication 0 as merging the batches' results gives it (traces in the merge's order, so
    // the tallies add up in the same order; no partition), as when it runs batch by batch.
    if (batches.length > 1)
      for (const parts of results) if (parts.length === 1) parts[0] = mergeOwnResults(parts);
    postReplication(0, results);
  }
  if (request.historicalNps)
    post({ type: 'history', partition, nps: mergeNps(batches.map((b) => kept.npsOf(b))) });
  if (request.replications === 1) {
    post({ type: 'done', partition });
    return;
  }
  for (let r = 1; r < request.replications; r++) {
    await yieldToMessages();
    if (cancelled()) return;
    const parts = await runWhole(wholeShare(), r);
    if (parts === null) return;
    postReplication(r, parts);
  }
  post({ type: 'done', partition });
}
