import type { Spec } from '../compile/spec-schema.ts';
import type { Profile } from '../profiles/profile.ts';
import { buildResult } from './build-result.ts';
import { ColumnEntries, reachChannels } from './column-entries.ts';
import { BATCH_PROFILES, EntrantBatch } from './entrant-batch.ts';
import { readsEntrantObjects } from './entrant-reads.ts';
import { mergeResults } from './merge.ts';
import type { SimulationOptions } from './options.ts';
import { createSimulationPlan, type SimulationPlan } from './plan.ts';
import type { SimulationResult } from './result-schema.ts';
import { hash3, hashText, STREAM } from './seeded.ts';
import { prepareColumns, type PreparedProfiles } from './prepared-profiles.ts';
import type { ProfileColumns } from './profile-columns.ts';
import type { ProfileTrace } from './trace.ts';
import { ProfileSimulator } from './simulator.ts';

/** Profiles between two questions to {@link PartitionRun.advanceWhile}'s `keepGoing`. */
const PROFILES_PER_CHECK = 32;

/**
 * One partition's run, advanced in slices so a worker can report progress and notice a cancel
 * between slices: `new PartitionRun(plan, profiles, 0).advance(5000)` until `done`, then `result()`.
 * With `prepared` (see `prepareProfiles`), the profiles that never enter are only counted and
 * entrants start from their prepared first entry; the result is the same bit for bit. Profiles
 * given as columns are always run prepared (by `prepareColumns` unless given), so only the
 * entrants are ever built as objects.
 */
export class PartitionRun {
  private readonly simulator: ProfileSimulator;
  private readonly requested: ProfileTrace[] = [];
  /** The sampled traces with the smallest keys so far, largest key last. */
  private readonly sampled: ProfileTrace[] = [];
  private next = 0;
  /** The next prepared entrant to run. */
  private entrant = 0;
  private readonly count: number;
  private readonly prepared: PreparedProfiles | null;
  /** Finds entries from the columns as the run goes, a batch at a time (see the constructor). */
  private readonly batch: EntrantBatch | null = null;

  constructor(
    private readonly plan: SimulationPlan,
    private readonly profiles: readonly Profile[] | ProfileColumns,
    private readonly partition: number | null,
    prepared: PreparedProfiles | null = null,
  ) {
    if (prepared !== null && (prepared.source !== profiles || prepared.triggers !== plan.triggers))
      throw new RangeError('the profiles were prepared for other profiles or another plan');
    this.simulator = new ProfileSimulator(plan);
    if (isColumns(profiles)) {
      this.count = profiles.count;
      // Untraced, with event triggers only: find the entries of a small batch just before
      // running it, while its profiles are fresh in the cache, instead of preparing every
      // profile first.
      const entries =
        prepared === null && isUntraced(plan) ? ColumnEntries.for(plan, profiles) : null;
      this.batch =
        entries === null
          ? null
          : new EntrantBatch(
              entries,
              profiles,
              reachChannels(plan),
              profiles.objectsHeld === true && readsEntrantObjects(plan, profiles.names),
            );
      // Prepared for this run only: nothing to gain from building entrants ahead of reading them.
      this.prepared =
        this.batch === null ? (prepared ?? prepareColumns(plan, profiles, 'when-read')) : null;
    } else {
      this.count = profiles.length;
      this.prepared = prepared;
    }
  }

  /** Profiles simulated so far. */
  get done(): number {
    return this.next;
  }

  get total(): number {
    return this.count;
  }

  /**
   * Simulates profiles until `keepGoing()` says stop (asked every {@link PROFILES_PER_CHECK}
   * profiles) or every profile is done; returns true when done. The caller brings the clock
   * (e.g. "for 250 ms"), so progress and cancel follow time, not profile counts, while the
   * domain reads no clock itself.
   */
  advanceWhile(keepGoing: () => boolean): boolean {
    for (;;) {
      if (this.advance(PROFILES_PER_CHECK)) return true;
      if (!keepGoing()) return false;
    }
  }

  /** Simulates up to `count` more profiles; returns true when every profile is done. */
  advance(count: number): boolean {
    if (this.batch !== null) return this.advanceFinding(this.batch, count);
    if (this.prepared !== null) return this.advancePrepared(this.prepared, count);
    const { plan, simulator } = this;
    const profiles = this.profiles as readonly Profile[];
    const to = Math.min(profiles.length, this.next + count);
    const untraced = plan.options.traceSample === 0 && plan.traceIds.size === 0;
    for (let i = this.next; i < to; i++) {
      if (untraced) simulator.runProfile(profiles[i] as Profile, 0, false, false);
      else this.traced(i, -1);
    }
    this.next = to;
    return to === profiles.length;
  }

  /** {@link advance} finding entries from the columns: only the entrants run, the rest are counted. */
  private advanceFinding(batch: EntrantBatch, count: number): boolean {
    const simulator = this.simulator;
    const columns = this.profiles as ProfileColumns;
    const to = Math.min(this.count, this.next + count);
    simulator.counters.profiles += to - this.next;
    for (let from = this.next; from < to; from += BATCH_PROFILES) {
      const n = batch.fill(from, Math.min(to, from + BATCH_PROFILES));
      for (let k = 0; k < n; k++)
        simulator.runStart(
          batch.start(k),
          columns,
          batch.index[k] as number,
          batch.reachChannels,
          0,
          false,
          false,
        );
      batch.clear();
    }
    this.next = to;
    return to === this.count;
  }

  /** {@link advance} over prepared profiles: only the entrants run, the rest are counted. */
  private advancePrepared(prepared: PreparedProfiles, count: number): boolean {
    const { plan, simulator } = this;
    const to = Math.min(this.count, this.next + count);
    const untraced = plan.options.traceSample === 0 && plan.traceIds.size === 0;
    simulator.counters.profiles += to - this.next;
    const entrants = prepared.entrants;
    let k = this.entrant;
    for (; k < entrants.length && (entrants[k] as number) < to; k++) {
      if (untraced) simulator.runEntrant(prepared, k, 0, false, false);
      else this.traced(entrants[k] as number, k);
    }
    this.entrant = k;
    this.next = to;
    return to === this.count;
  }

  /**
   * Simulates profile `i` (prepared entrant `k`, or -1), keeping its trace when it was requested
   * or may still be among the `traceSample` smallest keys of those that enter.
   */
  private traced(i: number, k: number): void {
    const { plan, sampled, prepared, simulator } = this;
    const p =
      prepared === null
        ? ((this.profiles as readonly Profile[])[i] as Profile)
        : (prepared.entrantProfiles[k] as Profile);
    const limit = plan.options.traceSample;
    const idHash = prepared === null ? hashText(p.id) : (prepared.hash[k] as number);
    const key = hash3(plan.seedHash, idHash, STREAM.trace);
    const candidate =
      limit > 0 &&
      (sampled.length < limit || key < (sampled[sampled.length - 1] as ProfileTrace).sampleKey);
    const requested = plan.traceIds.has(p.id);
    const trace =
      prepared === null
        ? simulator.runProfile(p, key, requested, candidate)
        : simulator.runEntrant(prepared, k, key, requested, candidate);
    if (trace === null) return;
    if (requested) this.requested.push(trace);
    if (candidate) {
      let at = sampled.length;
      while (at > 0 && (sampled[at - 1] as ProfileTrace).sampleKey > key) at--;
      sampled.splice(at, 0, trace);
      if (sampled.length > limit) sampled.pop();
    }
  }

  /** The partition's result (call when `advance` returned true). */
  result(): SimulationResult {
    const inSample = new Set(this.sampled);
    for (const t of this.requested) t.sampled = inSample.has(t);
    const traces = [...new Set([...this.requested, ...this.sampled])];
    this.simulator.settle();
    return buildResult(this.plan, this.simulator.counters, traces, this.partition);
  }
}

function isUntraced(plan: SimulationPlan): boolean {
  return plan.options.traceSample === 0 && plan.traceIds.size === 0;
}

function isColumns(profiles: readonly Profile[] | ProfileColumns): profiles is ProfileColumns {
  return !Array.isArray(profiles);
}

/**
 * Simulates one partition of the profiles. Plans made from the same spec and resolved options
 * (see `withResolvedWindow`) give partitions that {@link mergeResults} combines into exactly the
 * result of {@link simulate} over all profiles: every random draw comes from hash(seed, profile, stream).
 */
export function simulatePartition(
  plan: SimulationPlan,
  profiles: readonly Profile[] | ProfileColumns,
  partition: number,
): SimulationResult {
  const run = new PartitionRun(plan, profiles, partition);
  run.advance(run.total);
  return run.result();
}

/**
 * Runs a journey spec over profiles in simulated time: pure and deterministic, the same inputs
 * and seed give the same result bit for bit. `now` (epoch ms) dates the period of profiles
 * without events when the options give no start: they are simulated from today.
 */
export function simulate(
  spec: Spec,
  profiles: readonly Profile[],
  options: SimulationOptions = {},
  now?: number,
): SimulationResult {
  const plan = createSimulationPlan(spec, options, profiles, now);
  return mergeResults([simulatePartition(plan, profiles, 0)]);
}
