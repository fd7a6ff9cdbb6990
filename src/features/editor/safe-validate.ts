import type { Diagnostic, JourneyDocument } from '../../domain/index.ts';
import { compiledRevision } from '../../editor/index.ts';

const compiledDiagnostics = (document: JourneyDocument) => compiledRevision(document).diagnostics;

/**
 * The document's problems, made total for the editor: a journey the checker cannot get through
 * (a condition nested past the stack) still opens, with one error saying so, instead of taking
 * the page down.
 */
export function safeDiagnostics(
  document: JourneyDocument,
  check: (document: JourneyDocument) => readonly Diagnostic[] = compiledDiagnostics,
): readonly Diagnostic[] {
  try {
    return check(document);
  } catch (error) {
    return [
      {
        severity: 'error',
        code: 'journey.unchecked',
        message:
          error instanceof RangeError
            ? 'This journey could not be checked: it is nested too deeply.'
            : 'This journey could not be checked.',
      },
    ];
  }
}
