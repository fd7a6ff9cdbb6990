import { inspectValue, type ValueProblem } from '../journey/inspect-value.ts';
import type { JourneyDocument, JourneyStep } from '../journey/journey-schema.ts';
import { LIMITS, quoteName, unsafeNameReason } from '../journey/limits.ts';
import type { Branch } from '../steps/step-definition.ts';
import type { Diagnostic } from './diagnostic.ts';

const error = (code: string, message: string, where: Partial<Diagnostic> = {}): Diagnostic => ({
  severity: 'error',
  code,
  message,
  ...where,
});

/** Journey-wide limits: how many steps and arrows, the journey's id, name and description. */
export function documentLimitProblems(doc: JourneyDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (doc.steps.length > LIMITS.steps) {
    out.push(
      error(
        'too-many-steps',
        `The journey has ${doc.steps.length.toLocaleString('en-US')} steps; the most allowed is ${LIMITS.steps.toLocaleString('en-US')}.`,
      ),
    );
  }
  if (doc.connections.length > LIMITS.connections) {
    out.push(
      error(
        'too-many-connections',
        `The journey has ${doc.connections.length.toLocaleString('en-US')} arrows; the most allowed is ${LIMITS.connections.toLocaleString('en-US')}.`,
      ),
    );
  }
  const idProblem = unsafeNameReason(doc.id);
  if (idProblem !== undefined) {
    out.push(
      error('unsafe-id', `The journey id ${quoteName(doc.id)} ${idProblem}.`, { field: 'id' }),
    );
  }
  if (doc.name.length > LIMITS.labelLength) {
    out.push(
      error(
        'text-too-long',
        `The journey name is ${doc.name.length} characters long; the most allowed is ${LIMITS.labelLength}.`,
        { field: 'name' },
      ),
    );
  }
  if (doc.description.length > LIMITS.textLength) {
    out.push(
      error(
        'text-too-long',
        `The description is ${doc.description.length.toLocaleString('en-US')} characters long; the most allowed is ${LIMITS.textLength.toLocaleString('en-US')}.`,
        { field: 'description' },
      ),
    );
  }
  return out;
}

const VALUE_CODES: Record<ValueProblem['code'], string> = {
  'too-deep': 'config-too-deep',
  'condition-too-deep': 'condition-too-deep',
  'text-too-long': 'text-too-long',
  'number-not-finite': 'number-out-of-range',
  'reserved-key': 'unsafe-key',
};

/**
 * A step's id and label, and its settings walked without recursion. `parseable` is false when
 * the settings are nested too deeply to hand to the kind's schema.
 */
export function stepLimitProblems(step: JourneyStep): {
  diagnostics: Diagnostic[];
  parseable: boolean;
} {
  const diagnostics: Diagnostic[] = [];
  const idProblem = unsafeNameReason(step.id);
  if (idProblem !== undefined) {
    diagnostics.push(
      error('unsafe-id', `The step id ${quoteName(step.id)} ${idProblem}.`, { stepId: step.id }),
    );
  }
  if (step.label.length > LIMITS.labelLength) {
    diagnostics.push(
      error(
        'text-too-long',
        `The step name is ${step.label.length} characters long; the most allowed is ${LIMITS.labelLength}.`,
        { stepId: step.id, field: 'label' },
      ),
    );
  }
  let parseable = true;
  for (const problem of inspectValue(step.config)) {
    if (problem.code === 'too-deep' || problem.code === 'condition-too-deep') parseable = false;
    diagnostics.push(
      error(VALUE_CODES[problem.code], problem.message, {
        stepId: step.id,
        ...(problem.path === '' ? {} : { field: problem.path }),
      }),
    );
  }
  return { diagnostics, parseable };
}

/** Branch keys that are not safe names, on their step. */
export function branchKeyProblems(stepId: string, branches: readonly Branch[]): Diagnostic[] {
  return branches.flatMap((b) => {
    const reason = unsafeNameReason(b.key);
    return reason === undefined
      ? []
      : [
          error('unsafe-branch-key', `The path key ${quoteName(b.key)} ${reason}.`, {
            stepId,
            field: `branch:${b.key}`,
          }),
        ];
  });
}

/** Numbers in a step's compiled body that overflowed (a delay of 1e308 days is Infinity ms). */
export function compiledBodyProblems(stepId: string, body: unknown): Diagnostic[] {
  return inspectValue(body)
    .filter((p) => p.code === 'number-not-finite')
    .map((p) =>
      error('number-out-of-range', `${p.path} is too large to work with; use a smaller number.`, {
        stepId,
        field: p.path,
      }),
    );
}

/** An arrow's id that is not a safe name. */
export function connectionIdProblem(connectionId: string): Diagnostic | undefined {
  const reason = unsafeNameReason(connectionId);
  return reason === undefined
    ? undefined
    : error('unsafe-id', `The arrow id ${quoteName(connectionId)} ${reason}.`, { connectionId });
}
