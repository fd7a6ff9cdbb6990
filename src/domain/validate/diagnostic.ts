/**
 * A finding about a journey. `code` is stable (tests, docs and the UI key on it); `message` is
 * for marketers. `field` is a config path inside the step (`subject`, `variants.1.percent`) or,
 * for journey settings, a path starting with `settings.`.
 */
export interface Diagnostic {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  stepId?: string;
  field?: string;
  /** 1-based line and column inside a text field (a message template), when known. */
  line?: number;
  column?: number;
  /** The likely intended value, e.g. the known field closest to a misspelt one. */
  suggestion?: string;
  connectionId?: string;
}

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
