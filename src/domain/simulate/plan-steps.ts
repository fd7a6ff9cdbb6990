import type { Channel } from '../channels.ts';
import type { StepPhrase } from '../steps/step-phrase.ts';
import type { Spec, SpecStep } from '../compile/spec-schema.ts';
import { getStepDefinition } from '../steps/registry.ts';
import type { PlanContext } from '../steps/step-simulation.ts';
import { conditionShortcut } from './condition-shortcuts.ts';
import { messagePlan } from './message-plan.ts';
import { smsBilling } from './sms-units.ts';
import type { ChannelBehaviour } from './options.ts';
import { OP, type PlanStep } from './plan-step.ts';

function emptyStep(step: SpecStep, index: number, branchBase: number): PlanStep {
  return {
    index,
    id: step.id,
    kind: step.kind,
    op: OP.trigger,
    label: step.label,
    branchKeys: [],
    branchLabels: [],
    branchTexts: [],
    next: new Int32Array(0),
    branchBase,
    conditions: [],
    predicates: [],
    shortcuts: [],
    thresholds: new Float64Array(0),
    hashSuffix: '',
    durationMs: 0,
    waitMatch: null,
    waitEvent: '',
    waitByName: false,
    waitTarget: '',
    waitEngagement: null,
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

/** What kinds may ask of the planner about the spec they belong to. */
export function planContext(
  spec: Spec,
  behaviours: Record<Channel, ChannelBehaviour>,
  start: number,
  end: number,
): PlanContext {
  const journeyId = spec.journey.id;
  return {
    journeyId,
    start,
    end,
    channelOf(stepId) {
      const source = Object.hasOwn(spec.steps, stepId) ? spec.steps[stepId] : undefined;
      return source === undefined ? undefined : getStepDefinition(source.kind)?.channel?.(source);
    },
    labelOf: (stepId) =>
      Object.hasOwn(spec.steps, stepId) ? spec.steps[stepId]?.label : undefined,
    message: (step, channel, own) =>
      messagePlan(step, channel, behaviours[channel], journeyId, {
        ...own,
        // SMS are billed per part of each profile's rendered text (spec §5.5).
        billedUnits: channel === 'sms' ? smsBilling(spec, step.id) : null,
      }),
  };
}

/**
 * Each branch's target step index, -1 when it leads nowhere. A loop: `Int32Array.from` with a
 * map function goes through V8's iterator protocol and was most of a step's planning time.
 */
function branchTargets(
  step: SpecStep,
  keys: readonly string[],
  stepIndex: ReadonlyMap<string, number>,
): Int32Array {
  const next = new Int32Array(keys.length);
  for (let b = 0; b < keys.length; b++) {
    const k = keys[b] as string;
    const to = Object.hasOwn(step.next, k) ? step.next[k] : null;
    next[b] = to === null || to === undefined ? -1 : (stepIndex.get(to) ?? -1);
  }
  return next;
}

/**
 * The spec's steps as the loop reads them, in id order: each kind's definition picks its
 * primitive and fills its fields; branches come from the definition, in display order, then any
 * other key of `next` (a spec from a newer writer), so every transition has a counter.
 */
export function planSteps(
  spec: Spec,
  ids: readonly string[],
  stepIndex: ReadonlyMap<string, number>,
  ctx: PlanContext,
): { steps: PlanStep[]; branchCount: number } {
  const steps: PlanStep[] = [];
  let branchBase = 0;
  for (const [i, id] of ids.entries()) {
    const step = spec.steps[id] as SpecStep;
    const plan = emptyStep(step, i, branchBase);
    const def = getStepDefinition(step.kind);
    const branches = def?.branches(step) ?? [];
    const keys = branches.map((b) => b.key);
    const labels = branches.map((b) => b.label);
    const texts: (StepPhrase | null)[] = branches.map((b) => b.text);
    for (const k of Object.keys(step.next)) {
      if (!keys.includes(k)) {
        keys.push(k);
        labels.push(k);
        texts.push(null);
      }
    }
    plan.branchKeys = keys;
    plan.branchLabels = labels;
    plan.branchTexts = texts;
    plan.next = branchTargets(step, keys, stepIndex);
    if (def !== undefined) {
      plan.op = def.simulation.op;
      def.simulation.plan?.(plan, step, ctx);
    }
    // Predicates beyond the conditions are a kind's own: those are always asked.
    plan.shortcuts =
      plan.predicates.length === plan.conditions.length
        ? plan.conditions.map(conditionShortcut)
        : plan.predicates.map(() => null);
    branchBase += keys.length;
    steps.push(plan);
  }
  return { steps, branchCount: branchBase };
}
