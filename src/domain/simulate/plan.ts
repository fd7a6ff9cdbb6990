import { attributeReader } from '../conditions/attribute-paths.ts';
import { DAY_MS } from '../conditions/time.ts';
import type { Spec } from '../compile/spec-schema.ts';
import type { Profile } from '../profiles/profile.ts';
import { compileTriggers } from './entry.ts';
import { eventMatcher, type EventMatcher } from './event-match.ts';
import { timeOfDayMs } from './local-time.ts';
import {
  channelBehaviours,
  simulationOptionsSchema,
  type ParsedSimulationOptions,
  type SimulationOptions,
} from './options.ts';
import type { PlanStep } from './plan-step.ts';
import { planContext, planSteps } from './plan-steps.ts';
import { seedHash } from './seeded.ts';
import { capRuleOf } from './send-rules.ts';
import { eventsRead, markKeptEvents, tagsRead } from './simulated-reads.ts';
import { stepsLoop } from './plan-loops.ts';
import type { TriggerPlan } from './trigger-plan.ts';
import { resolveSimulationWindow } from './window.ts';

/** A spec and options compiled once into tables the per-profile loop reads. */
export interface SimulationPlan {
  journeyId: string;
  journeyVersion: string;
  options: ParsedSimulationOptions;
  seedHash: number;
  start: number;
  end: number;
  horizonDays: number;
  defaultTimeZone: string;
  steps: readonly PlanStep[];
  stepIndex: ReadonlyMap<string, number>;
  branchCount: number;
  triggers: readonly TriggerPlan[];
  /** Index of each trigger's step, parallel to `triggers`. */
  triggerSteps: Int32Array;
  reentry: 'never' | 'after_exit' | 'after_cooldown';
  cooldownMs: number;
  goal: {
    event: string;
    match: EventMatcher;
    /** True when `match` accepts every event named `event` (no property filters). */
    byName: boolean;
    windowMs: number;
    endsJourney: boolean;
  } | null;
  /** Any exit criterion; null when there are none. */
  exitMatch: EventMatcher | null;
  exitEvents: readonly string[];
  /** True when exit criteria, and the goal when it ends the journey, test event names only. */
  stopsByName: boolean;
  cap: {
    enabled: boolean;
    max: number;
    periodMs: number;
    channelMax: Int32Array;
    channelPeriodMs: Float64Array;
  };
  quiet: { enabled: boolean; startMs: number; endMs: number; drop: boolean };
  /** Held out when `hashMore(hash(profileId), controlSuffix) mod 10000 < controlThreshold` (spec §3.2). */
  controlSuffix: string;
  controlThreshold: number;
  propensity: {
    read: (p: Profile) => unknown;
    open: boolean;
    click: boolean;
    conversion: boolean;
  } | null;
  /** Cumulative NPS score weights, normalised to 1. */
  npsCumulative: Float64Array;
  traceIds: ReadonlySet<string>;
  /** Whether anything reads tags the journey changes (see `tagsRead`); if not, the simulator skips tag changes. */
  tagsRead: boolean;
  /**
   * Whether a step can be reached again from itself: only then can a run go on without end, and
   * only then does the runaway bound on step entries apply (spec §3.3).
   */
  loops: boolean;
}

// Loops, not `TypedArray.from` with a map function: V8 runs that through the iterator protocol,
// a large part of a plan's making time.

/** Cumulative NPS score weights, normalised to 1 (the last exactly 1). */
function npsCumulative(weights: readonly number[]): Float64Array {
  const weightTotal = weights.reduce((a, b) => a + b, 0) || 1;
  const out = new Float64Array(weights.length);
  let acc = 0;
  for (let i = 0; i < weights.length; i++) out[i] = (acc += weights[i] as number) / weightTotal;
  out[10] = 1;
  return out;
}

/** Index of each trigger's step, -1 when unknown. */
function triggerSteps(
  triggers: readonly TriggerPlan[],
  stepIndex: ReadonlyMap<string, number>,
): Int32Array {
  const out = new Int32Array(triggers.length);
  for (let i = 0; i < triggers.length; i++)
    out[i] = stepIndex.get((triggers[i] as TriggerPlan).stepId) ?? -1;
  return out;
}

/**
 * Compiles a spec and options into a plan: integer step indices, precompiled conditions and
 * event tests, resolved assumptions. `profiles` supplies the default period when the options
 * leave `start` or `horizonDays` out (`now` for profiles without events: they start today);
 * partitions must receive options with both set.
 */
export function createSimulationPlan(
  spec: Spec,
  input: SimulationOptions,
  profiles: readonly Profile[] = [],
  now?: number,
): SimulationPlan {
  const options = simulationOptionsSchema.parse(input);
  const window = resolveSimulationWindow(options, profiles, now);
  const ctx = planContext(spec, channelBehaviours(options), window.start, window.end);
  const ids = Object.keys(spec.steps).sort();
  const stepIndex = new Map(ids.map((id, i) => [id, i]));
  const { steps, branchCount } = planSteps(spec, ids, stepIndex, ctx);
  const triggers = compileTriggers(spec, ctx);
  const s = spec.settings;
  const goal = s.goal;
  markKeptEvents(
    steps,
    eventsRead(
      steps,
      triggers,
      goal?.event ?? null,
      s.exitCriteria.map((c) => c.event),
    ),
  );
  const exitMatchers = s.exitCriteria.map((c) => eventMatcher(c.event, c.propertyFilters));
  const propensity = options.propensity;
  return {
    journeyId: spec.journey.id,
    journeyVersion: spec.journey.version,
    options,
    seedHash: seedHash(options.seed),
    ...window,
    defaultTimeZone: s.defaultTimeZone,
    steps,
    stepIndex,
    branchCount,
    triggers,
    triggerSteps: triggerSteps(triggers, stepIndex),
    reentry: s.entry.reentry,
    cooldownMs: (s.entry.cooldownDays ?? 0) * DAY_MS,
    goal:
      goal === null
        ? null
        : {
            event: goal.event,
            match: eventMatcher(goal.event, goal.propertyFilters),
            byName: goal.propertyFilters.length === 0,
            windowMs: goal.windowDays * DAY_MS,
            endsJourney: goal.endsJourney,
          },
    exitMatch:
      exitMatchers.length === 0
        ? null
        : exitMatchers.length === 1
          ? (exitMatchers[0] as EventMatcher)
          : (e) => exitMatchers.some((m) => m(e)),
    exitEvents: s.exitCriteria.map((c) => c.event),
    stopsByName:
      s.exitCriteria.every((c) => c.propertyFilters.length === 0) &&
      (goal === null || !goal.endsJourney || goal.propertyFilters.length === 0),
    cap: capRuleOf(s.frequencyCap),
    quiet: {
      enabled: s.quietHours.enabled,
      startMs: timeOfDayMs(s.quietHours.start),
      endMs: timeOfDayMs(s.quietHours.end),
      drop: s.quietHours.behaviour === 'drop',
    },
    controlSuffix: `:${spec.journey.id}:control`,
    controlThreshold: s.controlGroupPercent * 100,
    propensity:
      propensity === null
        ? null
        : {
            read: attributeReader(propensity.attribute),
            open: propensity.appliesTo.includes('open'),
            click: propensity.appliesTo.includes('click'),
            conversion: propensity.appliesTo.includes('conversion'),
          },
    npsCumulative: npsCumulative(options.nps.scoreWeights),
    traceIds: new Set(options.traceProfileIds),
    tagsRead: tagsRead(steps, triggers, propensity?.attribute ?? null),
    loops: stepsLoop(steps),
  };
}

/**
 * The plan of the same spec and options with another seed and traced profiles: the compiled
 * steps and triggers are shared, so replications compile once (and can share prepared profiles).
 */
export function reseedPlan(
  plan: SimulationPlan,
  seed: number | string,
  traceProfileIds: readonly string[],
): SimulationPlan {
  return {
    ...plan,
    options: { ...plan.options, seed, traceProfileIds: [...traceProfileIds] },
    seedHash: seedHash(seed),
    traceIds: new Set(traceProfileIds),
  };
}
