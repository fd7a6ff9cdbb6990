import { getStepDefinition } from '../steps/registry.ts';
import type { Diagnostic } from '../validate/diagnostic.ts';
import { specSchema, type Spec } from './spec-schema.ts';

function referenceProblems(spec: Spec): Diagnostic[] {
  const out: Diagnostic[] = [];
  const err = (code: string, message: string, stepId?: string, field?: string): void => {
    out.push({
      severity: 'error',
      code,
      message,
      ...(stepId === undefined ? {} : { stepId }),
      ...(field === undefined ? {} : { field }),
    });
  };
  for (const id of spec.entry) {
    const step = spec.steps[id];
    if (step === undefined)
      err('spec-unknown-entry', `Entry "${id}" is not a step.`, undefined, 'entry');
    else if (getStepDefinition(step.kind)?.category !== 'trigger')
      err('spec-entry-not-trigger', `Entry "${id}" is not a trigger.`, id);
  }
  for (const [key, step] of Object.entries(spec.steps)) {
    if (step.id !== key)
      err('spec-step-id-mismatch', `Step stored under "${key}" has id "${step.id}".`, key, 'id');
    const def = getStepDefinition(step.kind);
    if (def === undefined) continue;
    if (def.category === 'trigger' && !spec.entry.includes(key))
      err('spec-trigger-not-entry', `Trigger "${key}" is missing from entry.`, key);
    const config = def.configSchema.safeParse(step);
    if (!config.success) continue;
    const expected = def
      .branches(config.data)
      .map((b) => b.key)
      .sort();
    const actual = Object.keys(step.next).sort();
    if (expected.join('\u0000') !== actual.join('\u0000')) {
      err(
        'spec-branch-mismatch',
        `Step "${key}" must list exactly the branches ${expected.join(', ') || '(none)'}.`,
        key,
        'next',
      );
    }
    for (const [branch, target] of Object.entries(step.next)) {
      if (target === null) continue;
      const to = spec.steps[target];
      if (to === undefined)
        err(
          'spec-dangling-next',
          `Branch "${branch}" of "${key}" leads to a missing step "${target}".`,
          key,
          `next.${branch}`,
        );
      else if (getStepDefinition(to.kind)?.category === 'trigger') {
        err(
          'spec-next-into-trigger',
          `Branch "${branch}" of "${key}" leads into a trigger.`,
          key,
          `next.${branch}`,
        );
      }
    }
  }
  return out;
}

/**
 * Checks a spec from anywhere (a file, a backend): the schema first, then references between
 * steps (entries are triggers, every `next` exists, branches match the kind).
 */
export function validateSpec(input: unknown): Diagnostic[] {
  const parsed = specSchema.safeParse(input);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => {
      const field = issue.path.map(String).join('.');
      const stepId =
        issue.path[0] === 'steps' && typeof issue.path[1] === 'string' ? issue.path[1] : undefined;
      return {
        severity: 'error',
        code: 'invalid-spec',
        message: field === '' ? issue.message : `${field}: ${issue.message}`,
        ...(stepId === undefined ? {} : { stepId }),
        ...(field === '' ? {} : { field }),
      };
    });
  }
  return referenceProblems(parsed.data);
}
