import {
  branchesOf,
  getStepDefinition,
  type Branch,
  type JourneyDocument,
  type JourneyStep,
  type StepPhrase,
} from '../domain/index.ts';

/**
 * The branches of a step, in display order. A config that does not fit its schema (a broken
 * file) falls back to the kind's defaults so the node still draws its handles.
 */
export function stepBranches(step: JourneyStep): Branch[] {
  return branchesOf(step, 'defaults');
}

/**
 * One line describing the step's config as a phrase for the catalogue (the default config's
 * when the config is broken); `undefined` for a kind this version does not know.
 */
export function stepSummary(step: JourneyStep): StepPhrase | undefined {
  const definition = getStepDefinition(step.kind);
  if (definition === undefined) return undefined;
  const parsed = definition.configSchema.safeParse(step.config);
  return parsed.success
    ? definition.summary(parsed.data)
    : definition.summary(definition.defaultConfig());
}

/** Branch keys of `stepId` that no connection leaves from yet, in display order. */
export function freeBranches(document: JourneyDocument, stepId: string): Branch[] {
  const step = document.steps.find((s) => s.id === stepId);
  if (step === undefined) return [];
  const used = new Set(
    document.connections.filter((c) => c.from === stepId).map((c) => c.fromBranch),
  );
  return stepBranches(step).filter((b) => !used.has(b.key));
}
