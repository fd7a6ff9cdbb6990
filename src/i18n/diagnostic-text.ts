import type { IntlShape, MessageDescriptor } from 'react-intl';
import {
  LIMITS,
  loadProblemLine,
  type LoadProblem,
  type ConditionProblem,
  type Diagnostic,
  type DiagnosticCode,
} from '../domain/index.ts';

/**
 * Paths and template snippets sit in `<code>` in the catalogue (they are the same in every
 * language); as plain text the tag is dropped. See diagnostic-content.tsx for the marked-up form.
 */
export const PLAIN_TAGS = { code: (chunks: string[]) => chunks.join('') };

/** The catalogue id of a diagnostic code's message: `diagnostic.<code>`. */
export function diagnosticMessageId(code: DiagnosticCode): string {
  return `diagnostic.${code}`;
}

/**
 * A diagnostic in the user's language, from its code and parameters. A backend's own problem
 * (a code this version does not know, with no parameters) is shown in the backend's words.
 */
export function diagnosticText(intl: IntlShape, d: Diagnostic, place?: string): string {
  const placed = placedProblemText(intl, d, place);
  if (placed !== undefined) return placed;
  const id = d.params === undefined ? undefined : diagnosticMessageId(d.code as DiagnosticCode);
  // English diagnostics load just after the first paint; until then the domain's English says it.
  if (id === undefined || !Object.hasOwn(intl.messages, id)) return d.message;
  const descriptor: MessageDescriptor = { id };
  return intl.formatMessage(descriptor, { ...d.params, ...PLAIN_TAGS });
}

/**
 * A schema problem said at its place, worded by the caller from the form's labels ("Branch 1 ›
 * Condition › Rule 2 › Event: choose an event"); undefined for other diagnostics or no place.
 */
export function placedProblemText(
  intl: IntlShape,
  d: Diagnostic,
  place: string | undefined,
): string | undefined {
  if (place === undefined || (d.code !== 'invalid-config' && d.code !== 'invalid-settings'))
    return undefined;
  return intl.formatMessage(
    { id: 'form.placedProblem' },
    { place, problem: d.params.problem, limit: d.params.limit },
  );
}

/** "2 errors, 1 warning" / "2 erreurs, 1 avertissement" / "No problems". */
export function diagnosticSummary(intl: IntlShape, diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return intl.formatMessage(
    { id: 'editor.problems-list.summary' },
    { errors, warnings: diagnostics.length - errors },
  );
}

/** What is wrong with one form field, from its zod problem code: "Required.", "Must be at least 1.". */
export function fieldProblemText(
  intl: IntlShape,
  problem: { problem: string | number; limit: string | number },
): string {
  return intl.formatMessage(
    { id: 'form.problem' },
    { problem: problem.problem, limit: problem.limit },
  );
}

/**
 * A diagnostic as it reads beside the field it names: a schema problem without its path (the
 * field is right there, and the form's own check then says the same and merges with it).
 */
export function besideFieldText(intl: IntlShape, d: Diagnostic): string {
  if (
    d.field !== undefined &&
    (d.code === 'invalid-config' || d.code === 'invalid-settings' || d.code === 'invalid-spec')
  ) {
    return fieldProblemText(intl, d.params);
  }
  return diagnosticText(intl, d);
}

/** An incomplete condition rule, as the validator's `incomplete-condition` words it. */
export function conditionProblemText(intl: IntlShape, p: ConditionProblem): string {
  const descriptor: MessageDescriptor = { id: diagnosticMessageId('incomplete-condition') };
  if (!Object.hasOwn(intl.messages, descriptor.id as string)) return p.message;
  return intl.formatMessage(descriptor, {
    what: p.what,
    attribute: p.attribute,
    reason: p.reason,
    max: LIMITS.nameLength,
  });
}

/** Why a journey cannot be loaded (a stored record, an imported file), in the user's language. */
export function loadProblemText(intl: IntlShape, p: LoadProblem): string {
  const descriptor: MessageDescriptor = { id: `restore.${p.code}` };
  if (!Object.hasOwn(intl.messages, descriptor.id as string)) return loadProblemLine(p);
  return intl.formatMessage(descriptor, { ...p.params, ...PLAIN_TAGS });
}
