import { CHANNELS, type Channel } from '../channels.ts';
import { attributeReader } from '../conditions/attribute-paths.ts';
import { compileCondition } from '../conditions/compile-condition.ts';
import { DAY_MS } from '../conditions/time.ts';
import type { Spec, SpecStep } from '../compile/spec-schema.ts';
import type { Profile } from '../profiles/profile.ts';
import { getStepDefinition } from '../steps/registry.ts';
import { engagementEvent } from '../steps/journey-events.ts';
import { WEEKDAYS } from '../steps/shared.ts';
import { compileTriggers, timeOfDayMs, type TriggerPlan } from './entry.ts';
import { eventMatcher, type EventMatcher } from './event-match.ts';
import {
  channelBehaviours,
  simulationOptionsSchema,
  type ChannelBehaviour,
  type ParsedSimulationOptions,
  type SimulationOptions,
} from './options.ts';
import { messagePlan } from './message-plan.ts';
import { OP, type Op, type PlanStep } from './plan-step.ts';
import { seedHash } from './seeded.ts';
import { triggerEventNames } from './sms-units.ts';
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
  goal: { event: string; match: EventMatcher; windowMs: number; endsJourney: boolean } | null;
  /** Any exit criterion; null when there are none. */
  exitMatch: EventMatcher | null;
  exitEvents: readonly string[];
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
}

function opOf(step: SpecStep): Op {
  switch (step.kind) {
    case 'event':
    case 'segment_entry':
    case 'date_attribute':
    case 'scheduled_audience':
      return OP.trigger;
    case 'if_else':
      return OP.ifElse;
    case 'multi_split':
      return OP.multiSplit;
    case 'random_split':
      return OP.randomSplit;
    case 'wait_for_event':
      return OP.waitForEvent;
    case 'delay':
      return OP.delay;
    case 'wait_until':
      return OP.waitUntil;
    case 'time_window':
      return OP.timeWindow;
    case 'update_profile':
      return OP.updateProfile;
    case 'exit':
      return OP.exit;
    default:
      return OP.message;
  }
}

function emptyStep(step: SpecStep, index: number, branchBase: number): PlanStep {
  const keys = Object.keys(step.next);
  return {
    index,
    id: step.id,
    kind: step.kind,
    op: opOf(step),
    label: step.label,
    branchKeys: keys,
    branchLabels: keys,
    next: new Int32Array(keys.length).fill(-1),
    branchBase,
    conditions: [],
    predicates: [],
    thresholds: new Float64Array(0),
    hashSuffix: '',
    durationMs: 0,
    waitMatch: null,
    waitTarget: '',
    untilAt: Number.NaN,
    untilAttribute: '',
    untilRead: null,
    untilOffsetDays: 0,
    untilLocalMs: 0,
    windowMask: 0,
    windowStartMs: 0,
    windowEndMs: 0,
    message: null,
    operations: [],
  };
}

function branchOrder(step: SpecStep): { keys: string[]; labels: string[] } {
  const def = getStepDefinition(step.kind);
  const parsed = def?.configSchema.safeParse(step);
  const branches = parsed?.success === true && def !== undefined ? def.branches(parsed.data) : [];
  const keys = branches.map((b) => b.key);
  const labels = branches.map((b) => b.label);
  for (const k of Object.keys(step.next)) {
    if (!keys.includes(k)) {
      keys.push(k);
      labels.push(k);
    }
  }
  return { keys, labels };
}

function fillStep(
  plan: PlanStep,
  step: SpecStep,
  journeyId: string,
  behaviours: Record<Channel, ChannelBehaviour>,
  spec: Spec,
): void {
  switch (step.kind) {
    case 'if_else':
      plan.conditions = [step.condition];
      plan.predicates = [compileCondition(step.condition)];
      break;
    case 'multi_split':
      plan.conditions = step.branches.map((b) => b.condition);
      plan.predicates = step.branches.map((b) => compileCondition(b.condition));
      break;
    case 'random_split': {
      let sum = 0;
      plan.thresholds = Float64Array.from(step.variants, (v) => (sum += v.percent));
      plan.thresholds[plan.thresholds.length - 1] = Number.POSITIVE_INFINITY;
      plan.hashSuffix = `:${step.id}`;
      break;
    }
    case 'delay':
      plan.durationMs = step.durationMs;
      break;
    case 'wait_for_event': {
      plan.durationMs = step.timeoutMs;
      const t = step.target;
      if (t.type === 'event') {
        plan.waitMatch = eventMatcher(t.event, t.propertyFilters);
        plan.waitTarget = t.event;
      } else {
        const source = spec.steps[t.stepId];
        const def = source === undefined ? undefined : getStepDefinition(source.kind);
        const parsed = source === undefined ? undefined : def?.configSchema.safeParse(source);
        const channel =
          parsed?.success === true && def?.channel !== undefined
            ? def.channel(parsed.data)
            : 'email';
        const name = engagementEvent(channel, t.engagement);
        const stepId = t.stepId;
        plan.waitMatch = (e) => e.name === name && e.props?.['stepId'] === stepId;
        plan.waitTarget = `${name} of "${source?.label ?? stepId}"`;
      }
      break;
    }
    case 'wait_until': {
      const u = step.until;
      if (u.type === 'fixed') plan.untilAt = Date.parse(u.at);
      else {
        plan.untilAttribute = u.attribute;
        plan.untilRead = attributeReader(u.attribute);
        plan.untilOffsetDays = u.offsetDays;
        plan.untilLocalMs = timeOfDayMs(u.localTime);
      }
      break;
    }
    case 'time_window':
      plan.windowMask = WEEKDAYS.reduce(
        (m, d, i) => (step.weekdays.includes(d) ? m | (1 << i) : m),
        0,
      );
      plan.windowStartMs = step.startHour * 3_600_000;
      plan.windowEndMs = step.endHour * 3_600_000;
      break;
    case 'update_profile':
      plan.operations = step.operations;
      break;
    default: {
      const def = getStepDefinition(step.kind);
      if (plan.op === OP.message && def?.channel !== undefined) {
        const parsed = def.configSchema.safeParse(step);
        if (parsed.success) {
          const channel = def.channel(parsed.data);
          plan.message = messagePlan(
            step,
            channel,
            behaviours[channel],
            { id: journeyId, name: spec.journey.name },
            triggerEventNames(spec),
          );
        }
      }
    }
  }
}

/**
 * Compiles a spec and options into a plan: integer step indices, precompiled conditions and
 * event tests, resolved assumptions. `profiles` supplies the default period when the options
 * leave `start` or `horizonDays` out; partitions must receive options with both set.
 */
export function createSimulationPlan(
  spec: Spec,
  input: SimulationOptions,
  profiles: readonly Profile[] = [],
): SimulationPlan {
  const options = simulationOptionsSchema.parse(input);
  const window = resolveSimulationWindow(options, profiles);
  const behaviours = channelBehaviours(options);
  const ids = Object.keys(spec.steps).sort();
  const stepIndex = new Map(ids.map((id, i) => [id, i]));
  const steps: PlanStep[] = [];
  let branchBase = 0;
  for (const [i, id] of ids.entries()) {
    const step = spec.steps[id] as SpecStep;
    const plan = emptyStep(step, i, branchBase);
    const order = branchOrder(step);
    plan.branchKeys = order.keys;
    plan.branchLabels = order.labels;
    plan.next = Int32Array.from(plan.branchKeys, (k) => {
      const to = step.next[k];
      return to === null || to === undefined ? -1 : (stepIndex.get(to) ?? -1);
    });
    fillStep(plan, step, spec.journey.id, behaviours, spec);
    branchBase += plan.branchKeys.length;
    steps.push(plan);
  }
  const triggers = compileTriggers(spec, window.start, window.end);
  const s = spec.settings;
  const goal = s.goal;
  const weights = options.nps.scoreWeights;
  const weightTotal = weights.reduce((a, b) => a + b, 0) || 1;
  let acc = 0;
  const npsCumulative = Float64Array.from(weights, (w) => (acc += w) / weightTotal);
  npsCumulative[10] = 1;
  const exitMatchers = s.exitCriteria.map((c) => eventMatcher(c.event, c.propertyFilters));
  const channelMax = new Int32Array(CHANNELS.length);
  const channelPeriodMs = new Float64Array(CHANNELS.length);
  CHANNELS.forEach((c, i) => {
    const cap = s.frequencyCap.perChannel[c];
    if (cap !== undefined) {
      channelMax[i] = cap.max;
      channelPeriodMs[i] = cap.periodDays * DAY_MS;
    }
  });
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
    branchCount: branchBase,
    triggers,
    triggerSteps: Int32Array.from(triggers, (t) => stepIndex.get(t.stepId) ?? -1),
    reentry: s.entry.reentry,
    cooldownMs: (s.entry.cooldownDays ?? 0) * DAY_MS,
    goal:
      goal === null
        ? null
        : {
            event: goal.event,
            match: eventMatcher(goal.event, goal.propertyFilters),
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
    cap: {
      enabled: s.frequencyCap.enabled,
      max: s.frequencyCap.max,
      periodMs: s.frequencyCap.periodDays * DAY_MS,
      channelMax,
      channelPeriodMs,
    },
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
    npsCumulative,
    traceIds: new Set(options.traceProfileIds),
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
