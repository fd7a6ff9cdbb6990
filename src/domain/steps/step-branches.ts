import type { JourneyStep } from '../journey/journey-schema.ts';
import { getStepDefinition } from './registry.ts';
import type { Branch, StepAudience } from './step-definition.ts';

/**
 * A document step's branches, in display order, from its kind's `branches` (the simulator reads
 * the same function on the compiled step). When the config does not parse (mid-typing, a broken
 * file): `null`, or with `'defaults'` the branches of the kind's default config, so a node still
 * draws its handles. An unknown kind has none.
 */
export function branchesOf(step: JourneyStep): Branch[] | null;
export function branchesOf(step: JourneyStep, whenBroken: 'defaults'): Branch[];
export function branchesOf(step: JourneyStep, whenBroken?: 'defaults'): Branch[] | null {
  const def = getStepDefinition(step.kind);
  if (def === undefined) return whenBroken === undefined ? null : [];
  const parsed = def.configSchema.safeParse(step.config);
  if (parsed.success) return def.branches(parsed.data);
  return whenBroken === undefined ? null : def.branches(def.defaultConfig());
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
