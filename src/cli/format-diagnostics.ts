import type { Diagnostic } from '../domain/index.ts';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "2 errors, 1 warning" or "no problems". */
export function diagnosticsSummary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length === 0) return 'no problems';
  return [
    errors > 0 ? plural(errors, 'error') : '',
    warnings > 0 ? plural(warnings, 'warning') : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** One line per diagnostic: severity, code, where, message. */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  stepLabels: ReadonlyMap<string, string> = new Map(),
): string {
  return diagnostics
    .map((d) => {
      const where = [
        d.stepId !== undefined
          ? `step "${stepLabels.get(d.stepId) ?? d.stepId}" (${d.stepId})`
          : '',
        d.field !== undefined ? `field ${d.field}` : '',
      ]
        .filter(Boolean)
        .join(', ');
      return `  ${d.severity.padEnd(7)} ${d.code.padEnd(28)} ${where ? `${where}: ` : ''}${d.message}`;
    })
    .join('\n');
}
