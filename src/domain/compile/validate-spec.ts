import { inspectValue, type ValueProblem } from '../journey/inspect-value.ts';
import {
  INHERITED_NAMES,
  LIMITS,
  quoteName,
  unsafeNameProblem,
  unsafeNameReason,
} from '../journey/limits.ts';
import { getStepDefinition } from '../steps/registry.ts';
import type { DiagnosticCode, DiagnosticParams } from '../validate/diagnostic-codes.ts';
import type { Diagnostic } from '../validate/diagnostic.ts';
import { zodProblem } from '../validate/zod-problem.ts';
import { validate } from '../validate/validate.ts';
import { stableJson } from './spec-json.ts';
import { specSchema, type Spec, type SpecStep } from './spec-schema.ts';
import { specToDocument } from './spec-to-document.ts';

type Report = <C extends DiagnosticCode>(
  code: C,
  message: string,
  params: DiagnosticParams<C>,
  stepId?: string,
  field?: string,
) => void;

function collector(out: Diagnostic[]): Report {
  return (code, message, params, stepId, field) => {
    out.push({
      severity: 'error',
      code,
      message,
      params,
      ...(stepId === undefined ? {} : { stepId }),
      ...(field === undefined ? {} : { field }),
    } as Diagnostic);
  };
}

/** A problem found walking the raw spec, with its parameters. */
function rawProblem(p: ValueProblem, stepId: string | undefined, err: Report): void {
  const field = p.path;
  const at = [stepId, p.path || undefined] as const;
  switch (p.code) {
    case 'too-deep':
      return err('spec-too-deep', p.message, { field, max: LIMITS.valueDepth }, ...at);
    case 'condition-too-deep':
      return err(
        'spec-condition-too-deep',
        p.message,
        { field, max: LIMITS.conditionDepth },
        ...at,
      );
    case 'text-too-long':
      return err(
        'spec-text-too-long',
        p.message,
        { field, length: p.length ?? 0, max: LIMITS.textLength },
        ...at,
      );
    case 'number-not-finite':
      return err('spec-number-not-finite', p.message, { field }, ...at);
    case 'reserved-key':
      return err(
        'spec-reserved-key',
        p.message,
        { key: String(p.keys.at(-1) ?? ''), field },
        ...at,
      );
  }
}

/** The parameters of an unsafe id or key: why, and the length limit the reason may quote. */
function unsafeParams(name: string): { reason: string; max: number } {
  return { reason: unsafeNameProblem(name) ?? 'empty', max: LIMITS.nameLength };
}

/** Derived fields (such as `durationMs`) must be what the kind computes from the rest. */
function derivedProblems(key: string, step: SpecStep, err: Report): void {
  const def = getStepDefinition(step.kind);
  if (def === undefined) return;
  const config = def.configSchema.safeParse(step);
  if (!config.success) return;
  const body = def.compile(config.data);
  const shape = (def.configSchema as { shape?: Record<string, unknown> }).shape ?? {};
  const stored = step as unknown as Record<string, unknown>;
  for (const [field, value] of Object.entries(body)) {
    if (Object.hasOwn(shape, field)) continue;
    if (stableJson(value) !== stableJson(stored[field])) {
      err(
        'spec-derived-mismatch',
        `Step "${key}": ${field} must be ${JSON.stringify(value)}, as its other fields give.`,
        { step: key, field, value: JSON.stringify(value) },
        key,
        field,
      );
    }
  }
}

function branchProblems(key: string, step: SpecStep, err: Report): void {
  const def = getStepDefinition(step.kind);
  if (def === undefined) return;
  const config = def.configSchema.safeParse(step);
  if (!config.success) return;
  const expected = def
    .branches(config.data)
    .map((b) => b.key)
    .sort();
  const actual = Object.keys(step.next).sort();
  if (expected.join('\u0000') !== actual.join('\u0000')) {
    err(
      'spec-branch-mismatch',
      `Step "${key}" must list exactly the branches ${expected.join(', ') || '(none)'}.`,
      { step: key, branches: expected.join(', ') },
      key,
      'next',
    );
  }
}

/** Settings the compiler writes in one way only: a cooldown exists only for `after_cooldown`. */
function settingsProblems(spec: Spec, err: Report): void {
  const { reentry, cooldownDays } = spec.settings.entry;
  if (reentry !== 'after_cooldown' && cooldownDays !== null) {
    err(
      'spec-settings-mismatch',
      `settings.entry.cooldownDays must be null when re-entry is "${reentry}".`,
      { reentry },
      undefined,
      'settings.entry.cooldownDays',
    );
  }
}

/** Keys, entries and `next` targets: every reference resolves, and every name is safe. */
function referenceProblems(spec: Spec, err: Report): void {
  const steps = new Map(Object.entries(spec.steps));
  if (steps.size > LIMITS.steps) {
    err(
      'too-many-steps',
      `The spec has ${steps.size} steps; the most allowed is ${LIMITS.steps}.`,
      {
        count: steps.size,
        max: LIMITS.steps,
      },
    );
    return;
  }
  const entries = new Set<string>();
  for (const id of spec.entry) {
    if (entries.has(id))
      err('spec-duplicate-entry', `Entry "${id}" is listed twice.`, { step: id }, id, 'entry');
    entries.add(id);
    const step = steps.get(id);
    if (step === undefined)
      err(
        'spec-unknown-entry',
        `Entry ${quoteName(id)} is not a step.`,
        { step: quoteName(id) },
        undefined,
        'entry',
      );
    else if (getStepDefinition(step.kind)?.category !== 'trigger')
      err('spec-entry-not-trigger', `Entry "${id}" is not a trigger.`, { step: id }, id);
  }
  for (const [key, step] of steps) {
    const unsafe = unsafeNameReason(key);
    if (unsafe !== undefined) {
      err(
        'unsafe-id',
        `The step id ${quoteName(key)} ${unsafe}.`,
        { what: 'step', id: quoteName(key), ...unsafeParams(key) },
        key,
      );
    }
    if (step.id !== key)
      err(
        'spec-step-id-mismatch',
        `Step stored under "${key}" has id "${step.id}".`,
        { step: key, id: step.id },
        key,
        'id',
      );
    const def = getStepDefinition(step.kind);
    if (def?.category === 'trigger' && !entries.has(key))
      err('spec-trigger-not-entry', `Trigger "${key}" is missing from entry.`, { step: key }, key);
    branchProblems(key, step, err);
    derivedProblems(key, step, err);
    for (const [branch, target] of Object.entries(step.next)) {
      const unsafeBranch = unsafeNameReason(branch);
      if (unsafeBranch !== undefined)
        err(
          'unsafe-branch-key',
          `The path key ${quoteName(branch)} ${unsafeBranch}.`,
          { key: quoteName(branch), ...unsafeParams(branch) },
          key,
          'next',
        );
      if (target === null) continue;
      const to = steps.get(target);
      if (to === undefined)
        err(
          'spec-dangling-next',
          `Branch "${branch}" of "${key}" leads to a missing step ${quoteName(target)}.`,
          { step: key, branch, target: quoteName(target) },
          key,
          `next.${branch}`,
        );
      else if (getStepDefinition(to.kind)?.category === 'trigger') {
        err(
          'spec-next-into-trigger',
          `Branch "${branch}" of "${key}" leads into a trigger.`,
          { step: key, branch },
          key,
          `next.${branch}`,
        );
      }
    }
  }
}

/**
 * The document validator's errors for the spec read back as a document (unknown kinds, step
 * settings, loops without waits, settings), pointed at the spec's steps and branches.
 */
function documentRuleProblems(spec: Spec): Diagnostic[] {
  const { document, arrows } = specToDocument(spec);
  return validate(document)
    .filter((d) => d.severity === 'error')
    .map(({ connectionId, ...d }) => {
      const arrow = connectionId === undefined ? undefined : arrows.get(connectionId);
      if (arrow === undefined) return d;
      return { ...d, stepId: arrow.stepId, field: `next.${arrow.branch}` };
    });
}

/**
 * Checks a spec from anywhere (a file, a backend). First, without recursing, its nesting,
 * numbers and keys; then the schema; then references between steps (entries are triggers,
 * every `next` exists, branches and derived fields match the kind, names are safe); then every
 * rule a document must pass. A spec `compile` produced from a valid document always passes.
 */
export function validateSpec(input: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  const err = collector(out);
  const raw = inspectValue(input, { reservedKeys: INHERITED_NAMES });
  for (const problem of raw) {
    const [top, key] = problem.keys;
    rawProblem(problem, top === 'steps' && typeof key === 'string' ? key : undefined, err);
  }
  if (raw.some((p) => p.code === 'too-deep' || p.code === 'condition-too-deep')) return out;
  const parsed = specSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join('.');
      const stepId =
        issue.path[0] === 'steps' && typeof issue.path[1] === 'string' ? issue.path[1] : undefined;
      err(
        'invalid-spec',
        field === '' ? issue.message : `${field}: ${issue.message}`,
        { field: field === '' ? 'spec' : field, ...zodProblem(issue) },
        stepId,
        field || undefined,
      );
    }
    return out;
  }
  if (out.length > 0) return out;
  settingsProblems(parsed.data, err);
  referenceProblems(parsed.data, err);
  if (out.length > 0) return out;
  return documentRuleProblems(parsed.data);
}
