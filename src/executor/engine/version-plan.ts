import { createSimulationPlan, type SimulationPlan, type Spec } from '../../domain/index.ts';
import { overBudgetTemplates } from './template-budget.ts';

/** Far enough for any real journey: schedules and date triggers are planned this far ahead. */
const PLAN_HORIZON_DAYS = 36_600;

/** A published version compiled once for the engine. */
export interface VersionPlan {
  journeyId: string;
  version: number;
  spec: Spec;
  /** When it was published (ms since the epoch). */
  publishedAt: number;
  /** The simulator's plan of the spec from the publish instant: the same tables, the same rules. */
  plan: SimulationPlan;
  /**
   * Per step, its template fields too large for any customer (a version published before
   * publishing refused them), with the error: its sends are refused without a render. Only the
   * size limit, which gives every process the same verdict: the time limit depends on how busy
   * the process loading the version is, and one slow load must not refuse a step's sends in that
   * process until it restarts while others send them (the publish check timed it once).
   */
  overBudget: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

/**
 * Compiles a published version. `publishedAt` is the plan's start: a segment entry matches at
 * publish time (spec §5.1) and schedules count from it.
 */
export function versionPlan(spec: Spec, version: number, publishedAt: number): VersionPlan {
  return {
    journeyId: spec.journey.id,
    version,
    spec,
    publishedAt,
    plan: createSimulationPlan(spec, { start: publishedAt, horizonDays: PLAN_HORIZON_DAYS }),
    overBudget: overBudgetByStep(spec),
  };
}

function overBudgetByStep(spec: Spec): Map<string, Record<string, string>> {
  const byStep = new Map<string, Record<string, string>>();
  for (const t of overBudgetTemplates(spec)) {
    if (t.code !== 'template-too-large') continue;
    const fields = byStep.get(t.stepId) ?? {};
    fields[t.field] = `${t.code}: ${t.message}`;
    byStep.set(t.stepId, fields);
  }
  return byStep;
}

/** A journey's versions the engine runs: the live one for new entries, any for runs in flight. */
export interface JourneyPlans {
  journeyId: string;
  /** The newest version: new entries use it, up to `liveUntil`. */
  live: VersionPlan | null;
  /**
   * New entries are taken only before this instant: the stop of the newest version (Infinity
   * while it is not stopped). An entry before the stop that the engine, behind the clock, had not
   * taken yet is still taken, and its run ends at the stop.
   */
  liveUntil: number;
  /**
   * The journey's stops, oldest first: each ends the runs still in flight on versions up to its
   * `lastVersion` (and after the stop before it) at its instant, even when a newer version was
   * published since (a publish after a stop must not revive a run the engine had not ended yet).
   */
  stops: readonly JourneyStop[];
  byVersion: ReadonlyMap<number, VersionPlan>;
}

/** One stop of a journey (POST /journeys/{journeyId}/stop). */
export interface JourneyStop {
  at: number;
  /** The newest version when it was stopped. */
  lastVersion: number;
}

/** When the runs of `version` were stopped (the first stop covering it), or null. */
export function stopOf(plans: JourneyPlans, version: number): number | null {
  for (const stop of plans.stops) if (stop.lastVersion >= version) return stop.at;
  return null;
}
