import type { DiagnosticCode, DiagnosticParams } from './diagnostic-codes.ts';

/** Where a diagnostic points, and how bad it is. */
export interface DiagnosticPlace {
  severity: 'error' | 'warning';
  /** English, for the CLI, the spec validator and the executor; screens render `code` and `params`. */
  message: string;
  stepId?: string;
  field?: string;
  /**
   * `field` as the keys of its zod path (`['branches', 0, 'condition']`), relative to the step's
   * config or the journey's settings, for schema problems and other problems about one setting:
   * the screens word the place from the inspector's own labels and focus that field (no one
   * splits `field`, whose keys may hold dots).
   */
  fieldKeys?: readonly (string | number)[];
  /** 1-based line and column inside a text field (a message template), when known. */
  line?: number;
  column?: number;
  /** The likely intended value, e.g. the known field closest to a misspelt one. */
  suggestion?: string;
  connectionId?: string;
}

/** `Base` with one registered code and exactly that code's parameters, for each code. */
export type Coded<Base> = {
  [C in DiagnosticCode]: Base & { code: C; params: DiagnosticParams<C> };
}[DiagnosticCode];

/** A problem a backend reported in its own words: shown as it came. */
export interface BackendDiagnostic extends DiagnosticPlace {
  code: `backend:${string}`;
  params?: undefined;
}

/**
 * A finding about a journey. `code` is stable (tests, docs and the UI key on it) and `params`
 * fill its catalogue message (`diagnostic.<code>`); `field` is a config path inside the step
 * (`subject`, `variants.1.percent`) or, for journey settings, a path starting with `settings.`.
 */
export type Diagnostic = Coded<DiagnosticPlace> | BackendDiagnostic;

/** Whether any diagnostic is an error (errors block compiling and publishing). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Diagnostics attached to one step, for the node's badge. */
export function diagnosticsForStep(
  diagnostics: readonly Diagnostic[],
  stepId: string,
): Diagnostic[] {
  return diagnostics.filter((d) => d.stepId === stepId);
}

/** Errors and warnings counted, with a label: "2 errors, 1 warning" or "No problems". */
export function countDiagnostics(diagnostics: readonly Diagnostic[]): {
  errors: number;
  warnings: number;
  text: string;
} {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (errors > 0) parts.push(plural(errors, 'error'));
  if (warnings > 0) parts.push(plural(warnings, 'warning'));
  return { errors, warnings, text: parts.length === 0 ? 'No problems' : parts.join(', ') };
}
