import { countDiagnostics, type Diagnostic } from '../domain/index.ts';

/** "2 errors, 1 warning" or "no problems". */
export function diagnosticsSummary(diagnostics: readonly Diagnostic[]): string {
  return countDiagnostics(diagnostics).text.replace('No problems', 'no problems');
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
      // A schema problem's message already starts with its path: say it once.
      const message =
        d.field !== undefined && d.message.startsWith(`${d.field}: `)
          ? d.message.slice(d.field.length + 2)
          : d.message;
      return `  ${d.severity.padEnd(7)} ${d.code.padEnd(28)} ${where ? `${where}: ` : ''}${message}`;
    })
    .join('\n');
}
