import type { Spec } from '../compile/spec-schema.ts';
import type { Profile } from '../profiles/profile.ts';
import { buildResult } from './build-result.ts';
import { mergeResults } from './merge.ts';
import type { SimulationOptions } from './options.ts';
import { createSimulationPlan, type SimulationPlan } from './plan.ts';
import type { SimulationResult } from './result-schema.ts';
import { hash3, hashText, STREAM } from './seeded.ts';
import { ProfileSimulator } from './simulator.ts';

/**
 * One partition's run, advanced in slices so a worker can report progress and notice a cancel
 * between slices: `new PartitionRun(plan, profiles, 0).advance(5000)` until `done`, then `result()`.
 */
export class PartitionRun {
  private readonly simulator: ProfileSimulator;
  private readonly sampleThreshold: number;
  private next = 0;

  constructor(
    private readonly plan: SimulationPlan,
    private readonly profiles: readonly Profile[],
    private readonly partition: number | null,
  ) {
    this.simulator = new ProfileSimulator(plan);
    const n = plan.options.traceSample;
    if (n === 0 || profiles.length === 0) this.sampleThreshold = -1;
    else {
      const keys = Float64Array.from(profiles, (p) => this.sampleKey(p));
      keys.sort();
      this.sampleThreshold = keys[Math.min(n, keys.length) - 1] as number;
    }
  }

  private sampleKey(profile: Profile): number {
    return hash3(this.plan.seedHash, hashText(profile.id), STREAM.trace);
  }

  /** Profiles simulated so far. */
  get done(): number {
    return this.next;
  }

  get total(): number {
    return this.profiles.length;
  }

  /** Simulates up to `count` more profiles; returns true when every profile is done. */
  advance(count: number): boolean {
    const { plan, profiles, simulator } = this;
    const to = Math.min(profiles.length, this.next + count);
    const traceIds = plan.traceIds;
    const sampling = this.sampleThreshold >= 0;
    for (let i = this.next; i < to; i++) {
      const p = profiles[i] as Profile;
      if (!sampling && traceIds.size === 0) {
        simulator.runProfile(p, 0, false, false);
        continue;
      }
      const key = this.sampleKey(p);
      simulator.runProfile(p, key, traceIds.has(p.id), sampling && key <= this.sampleThreshold);
    }
    this.next = to;
    return to === profiles.length;
  }

  /** The partition's result (call when `advance` returned true). */
  result(): SimulationResult {
    return buildResult(this.plan, this.simulator.counters, this.simulator.traces, this.partition);
  }
}

/**
 * Simulates one partition of the profiles. Plans made from the same spec and resolved options
 * (see `withResolvedWindow`) give partitions that {@link mergeResults} combines into exactly the
 * result of {@link simulate} over all profiles: every random draw comes from hash(seed, profile, stream).
 */
export function simulatePartition(plan: SimulationPlan, profiles: readonly Profile[], partition: number): SimulationResult {
  const run = new PartitionRun(plan, profiles, partition);
  run.advance(profiles.length);
  return run.result();
}

/**
 * Runs a journey spec over profiles in simulated time: pure and deterministic, the same inputs
 * and seed give the same result bit for bit.
 */
export function simulate(spec: Spec, profiles: readonly Profile[], options: SimulationOptions = {}): SimulationResult {
  const plan = createSimulationPlan(spec, options, profiles);
  return mergeResults([simulatePartition(plan, profiles, 0)]);
}
