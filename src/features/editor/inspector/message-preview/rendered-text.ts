import type { RenderOutcome } from '../../../../domain/index.ts';

/** The text of a rendered field; '' for a field that failed (its error is shown apart). */
export function renderedText(outcome: RenderOutcome | undefined): string {
  return outcome?.ok === true ? outcome.text : '';
}
