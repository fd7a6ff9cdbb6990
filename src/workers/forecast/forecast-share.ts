import { createSimulationPlan, type SimulationPlan } from '../../domain/simulate/plan.ts';
import type { PreparedProfiles } from '../../domain/simulate/prepared-profiles.ts';
import { concatColumns, type ProfileColumns } from '../../domain/simulate/profile-columns.ts';
import { joinPrepared } from '../../domain/simulate/join-prepared.ts';
import type { ParsedForecastWorkerRequest } from './forecast-protocol.ts';

/** A request to run a forecast, as the worker got it. */
export type ForecastWorkerRequest = Extract<
  ParsedForecastWorkerRequest,
  { type: 'run' | 'run-set' }
>;
export type Period = { start: number; horizonDays: number };

/** One batch of the share, read once and kept for every replication and variant. */
export interface Batch {
  columns: ProfileColumns;
  /**
   * Per distinct trigger set (variants of one spec share it): who enters, and when; worked out
   * when a variant with that trigger set first runs over the batch.
   */
  prepared: Map<SimulationPlan['triggers'], PreparedProfiles>;
  /** Ids of the batch's traced profiles. */
  tracedIds: string[];
}

/**
 * The batches as one: their columns joined, and each trigger set's entries joined from the
 * batches' (not worked out again: the entrants and their profiles are those of the batches).
 */
export function wholeShare(batches: readonly Batch[]): Batch {
  const columns = concatColumns(batches.map((b) => b.columns));
  const prepared = new Map<SimulationPlan['triggers'], PreparedProfiles>();
  for (const triggers of (batches[0] as Batch).prepared.keys())
    prepared.set(
      triggers,
      joinPrepared(
        batches.map((b) => b.prepared.get(triggers) as PreparedProfiles),
        columns,
      ),
    );
  return { columns, prepared, tracedIds: batches.flatMap((b) => b.tracedIds) };
}

/**
 * The variants' plans; a variant with the same spec as an earlier one (e.g. the sensitivity's
 * settings of one journey) shares its triggers, so the batch's entries are worked out once.
 */
export function variantPlans(
  request: ForecastWorkerRequest,
  period: Period | null,
): SimulationPlan[] {
  const specs: string[] = [];
  const plans: SimulationPlan[] = [];
  for (const variant of request.variants) {
    const plan = createSimulationPlan(variant.spec, {
      ...variant.options,
      ...period,
      traceSample: 0,
    });
    const spec = JSON.stringify(variant.spec);
    const same = specs.indexOf(spec);
    plans.push(same < 0 ? plan : { ...plan, triggers: (plans[same] as SimulationPlan).triggers });
    specs.push(spec);
  }
  return plans;
}
