import { validate, type Diagnostic, type JourneyDocument } from '../../domain/index.ts';

/**
 * The validator, made total for the editor: a journey it cannot check (a condition nested past
 * the stack) still opens, with one error saying so, instead of taking the page down.
 */
export function safeValidate(document: JourneyDocument): readonly Diagnostic[] {
  try {
    return validate(document);
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
