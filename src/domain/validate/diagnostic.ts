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
