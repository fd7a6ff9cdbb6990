import type { JourneyStep } from '../journey/journey-schema.ts';
import { getStepDefinition } from './registry.ts';
import type { Branch, StepAudience } from './step-definition.ts';

/** A step's branches from its config; `null` when the kind is unknown or the config does not parse. */
export function branchesOf(step: JourneyStep): Branch[] | null {
  const def = getStepDefinition(step.kind);
  if (def === undefined) return null;
  const parsed = def.configSchema.safeParse(step.config);
  return parsed.success ? def.branches(parsed.data) : null;
}

/** Whether a profile always spends time at this step (so loops through it cannot spin). */
export function stepWaits(step: JourneyStep | undefined): boolean {
  return step !== undefined && getStepDefinition(step.kind)?.waits === true;
}

/** The audiences a step picks by condition; empty when it picks none or its config does not parse. */
export function audiencesOf(step: JourneyStep): StepAudience[] {
  const def = getStepDefinition(step.kind);
  if (def?.audiences === undefined) return [];
  const parsed = def.configSchema.safeParse(step.config);
  return parsed.success ? def.audiences(parsed.data) : [];
}
