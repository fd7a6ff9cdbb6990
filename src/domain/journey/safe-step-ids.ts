import { getStepDefinition } from '../steps/registry.ts';
import type { IdGenerator } from './ids.ts';
import type { JourneyDocument, JourneyStep } from './journey-schema.ts';
import { unsafeNameProblem } from './limits.ts';

/**
 * The step with the ids of other steps its config names (a wait watching a message) passed
 * through `rename`, every other value of the config kept as it was, even in a config its kind
 * cannot read yet (the validator reports that, and the user fixes it in the form).
 */
export function withStepReferences(
  step: JourneyStep,
  rename: (stepId: string) => string,
): JourneyStep {
  const definition = getStepDefinition(step.kind);
  if (definition?.renameStepReferences === undefined) return step;
  const config = definition.renameStepReferences(step.config, rename);
  return config === step.config ? step : { ...step, config: config as JourneyStep['config'] };
}

/** A step given a new id, and its own name, to tell the user which one. */
export interface RenamedStep {
  from: string;
  to: string;
  label: string;
}

/**
 * The document with every step id and arrow id that cannot be used (`__proto__`,
 * `constructor`, empty, control characters, over 128 characters…) replaced by a fresh one, the
 * arrows and the steps that name a step (a wait watching a message) following it. The editor
 * cannot change a step's id, so a file holding such ids is made fixable as it is imported; the
 * renamed steps are listed for the user.
 */
export function withSafeStepIds(
  doc: JourneyDocument,
  newId: IdGenerator,
): { document: JourneyDocument; renamed: RenamedStep[] } {
  const used = new Set([...doc.steps.map((s) => s.id), ...doc.connections.map((c) => c.id)]);
  const fresh = () => {
    let id = newId();
    while (used.has(id) || unsafeNameProblem(id) !== undefined) id = newId();
    used.add(id);
    return id;
  };
  // A Map, never an object: the ids being replaced are exactly the ones an object inherits.
  // Steps sharing an unusable id get one fresh id each; what names that id (arrows, a wait
  // watching it) follows the first of them, the only one the validator would have kept.
  const ids = new Map<string, string>();
  const renamed: RenamedStep[] = [];
  const stepIds = doc.steps.map((step) => {
    if (unsafeNameProblem(step.id) === undefined) return step.id;
    const to = fresh();
    if (!ids.has(step.id)) ids.set(step.id, to);
    renamed.push({ from: step.id, to, label: step.label });
    return to;
  });
  const rename = (id: string) => ids.get(id) ?? id;
  const unsafeArrow = doc.connections.some((c) => unsafeNameProblem(c.id) !== undefined);
  if (renamed.length === 0 && !unsafeArrow) return { document: doc, renamed };
  const steps = doc.steps.map((step, index) => ({
    ...withStepReferences(step, rename),
    id: stepIds[index] ?? step.id,
  }));
  const connections = doc.connections.map((c) => ({
    ...c,
    id: unsafeNameProblem(c.id) === undefined ? c.id : fresh(),
    from: rename(c.from),
    to: rename(c.to),
  }));
  return { document: { ...doc, steps, connections }, renamed };
}
