import { inspectValue, type ValueProblem } from '../journey/inspect-value.ts';
import type { JourneyDocument, JourneyStep } from '../journey/journey-schema.ts';
import { LIMITS, quoteName, unsafeNameProblem, unsafeNameReason } from '../journey/limits.ts';
import type { Branch } from '../steps/step-definition.ts';
import type { DiagnosticCode, DiagnosticParams } from './diagnostic-codes.ts';
import type { Diagnostic } from './diagnostic.ts';

type Where = Pick<Diagnostic, 'stepId' | 'field' | 'connectionId'>;

/** An error of a registered code with its parameters, placed by `where`. */
function error<C extends DiagnosticCode>(
  code: C,
  message: string,
  params: DiagnosticParams<C>,
  where: Where = {},
): Diagnostic {
  return { severity: 'error', code, message, params, ...where } as Diagnostic;
}

/** The parameters of an unsafe id or key: why, and the length limit the reason may quote. */
function unsafeParams(name: string): { reason: string; max: number } {
  return { reason: unsafeNameProblem(name) ?? 'empty', max: LIMITS.nameLength };
}

/** Journey-wide limits: how many steps and arrows, the journey's id, name and description. */
export function documentLimitProblems(doc: JourneyDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (doc.steps.length > LIMITS.steps) {
    out.push(
      error(
        'too-many-steps',
        `The journey has ${doc.steps.length.toLocaleString('en-US')} steps; the most allowed is ${LIMITS.steps.toLocaleString('en-US')}.`,
        { count: doc.steps.length, max: LIMITS.steps },
      ),
    );
  }
  if (doc.connections.length > LIMITS.connections) {
    out.push(
      error(
        'too-many-connections',
        `The journey has ${doc.connections.length.toLocaleString('en-US')} arrows; the most allowed is ${LIMITS.connections.toLocaleString('en-US')}.`,
        { count: doc.connections.length, max: LIMITS.connections },
      ),
    );
  }
  const idProblem = unsafeNameReason(doc.id);
  if (idProblem !== undefined) {
    out.push(
      error(
        'unsafe-id',
        `The journey id ${quoteName(doc.id)} ${idProblem}.`,
        { what: 'journey', id: quoteName(doc.id), ...unsafeParams(doc.id) },
        { field: 'id' },
      ),
    );
  }
  if (doc.name.length > LIMITS.labelLength) {
    out.push(
      error(
        'text-too-long',
        `The journey name is ${doc.name.length} characters long; the most allowed is ${LIMITS.labelLength}.`,
        { what: 'journey_name', field: 'name', length: doc.name.length, max: LIMITS.labelLength },
        { field: 'name' },
      ),
    );
  }
  if (doc.description.length > LIMITS.textLength) {
    out.push(
      error(
        'text-too-long',
        `The description is ${doc.description.length.toLocaleString('en-US')} characters long; the most allowed is ${LIMITS.textLength.toLocaleString('en-US')}.`,
        {
          what: 'description',
          field: 'description',
          length: doc.description.length,
          max: LIMITS.textLength,
        },
        { field: 'description' },
      ),
    );
  }
  return out;
}

/** A problem found walking a step's settings, as a diagnostic with its parameters. */
function valueDiagnostic(p: ValueProblem, where: Where): Diagnostic {
  const field = p.path === '' ? 'config' : p.path;
  switch (p.code) {
    case 'too-deep':
      return error('config-too-deep', p.message, { field, max: LIMITS.valueDepth }, where);
    case 'condition-too-deep':
      return error('condition-too-deep', p.message, { field, max: LIMITS.conditionDepth }, where);
    case 'text-too-long':
      return error(
        'text-too-long',
        p.message,
        { what: 'field', field, length: p.length ?? 0, max: LIMITS.textLength },
        where,
      );
    case 'number-not-finite':
      return error('number-out-of-range', p.message, { field }, where);
    case 'reserved-key':
      return error('unsafe-key', p.message, { key: String(p.keys.at(-1) ?? ''), field }, where);
  }
}

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
      error(
        'unsafe-id',
        `The step id ${quoteName(step.id)} ${idProblem}.`,
        { what: 'step', id: quoteName(step.id), ...unsafeParams(step.id) },
        { stepId: step.id },
      ),
    );
  }
  if (step.label.length > LIMITS.labelLength) {
    diagnostics.push(
      error(
        'text-too-long',
        `The step name is ${step.label.length} characters long; the most allowed is ${LIMITS.labelLength}.`,
        { what: 'step_name', field: 'label', length: step.label.length, max: LIMITS.labelLength },
        { stepId: step.id, field: 'label' },
      ),
    );
  }
  let parseable = true;
  for (const problem of inspectValue(step.config)) {
    if (problem.code === 'too-deep' || problem.code === 'condition-too-deep') parseable = false;
    diagnostics.push(
      valueDiagnostic(problem, {
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
          error(
            'unsafe-branch-key',
            `The path key ${quoteName(b.key)} ${reason}.`,
            { key: quoteName(b.key), ...unsafeParams(b.key) },
            { stepId, field: `branch:${b.key}` },
          ),
        ];
  });
}

/** Numbers in a step's compiled body that overflowed (a delay of 1e308 days is Infinity ms). */
export function compiledBodyProblems(stepId: string, body: unknown): Diagnostic[] {
  return inspectValue(body)
    .filter((p) => p.code === 'number-not-finite')
    .map((p) =>
      error(
        'number-out-of-range',
        `${p.path} is too large to work with; use a smaller number.`,
        { field: p.path },
        { stepId, field: p.path },
      ),
    );
}

/** An arrow's id that is not a safe name. */
export function connectionIdProblem(connectionId: string): Diagnostic | undefined {
  const reason = unsafeNameReason(connectionId);
  return reason === undefined
    ? undefined
    : error(
        'unsafe-id',
        `The arrow id ${quoteName(connectionId)} ${reason}.`,
        { what: 'connection', id: quoteName(connectionId), ...unsafeParams(connectionId) },
        { connectionId },
      );
}
