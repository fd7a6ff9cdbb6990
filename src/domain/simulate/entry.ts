import type { Spec, SpecStep } from '../compile/spec-schema.ts';
import { getStepDefinition } from '../steps/registry.ts';
import type { PlanContext } from '../steps/step-simulation.ts';
import type { TriggerPlan } from './trigger-plan.ts';

/** Compiles the spec's triggers, in `spec.entry` order, each by its kind's definition. */
export function compileTriggers(spec: Spec, ctx: PlanContext): TriggerPlan[] {
  const out: TriggerPlan[] = [];
  for (const id of spec.entry) {
    const step: SpecStep | undefined = spec.steps[id];
    const simulation = step === undefined ? undefined : getStepDefinition(step.kind)?.simulation;
    if (step !== undefined && simulation?.trigger !== undefined)
      out.push(simulation.trigger(step, ctx));
  }
  return out;
}
