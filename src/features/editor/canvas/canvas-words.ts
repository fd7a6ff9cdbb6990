import type { IntlShape } from 'react-intl';
import type { Diagnostic, JourneyStep, StepPhrase } from '../../../domain/index.ts';
import { stepProblemPlace } from '../problems/problem-place.ts';
import { formatStepPhrase, stepKindDescription, stepKindLabel } from '../../../i18n/step-words.ts';

/** What the canvas writes on nodes and edges, in the user's language. */
export interface CanvasWords {
  kindLabel(kind: string): string;
  kindDescription(kind: string): string;
  phrase(phrase: StepPhrase): string;
  /** A node's summary when its kind is unknown (a file from a newer version). */
  unknownKind(kind: string): string;
  /** A node's accessible name: "Email step: Welcome". */
  stepName(kindLabel: string, label: string): string;
  /**
   * An edge's accessible name: "Connection from A (Yes) to B", with how many simulated profiles
   * went along it when `count` is given (read at any zoom, unlike the drawn count). Only ever
   * given a simulated count: the words say so.
   */
  connectionName(from: string, branch: string, to: string, count?: number): string;
  /** Where a step's problem is, in its inspector's labels ("Branch 1 › Condition"). */
  problemPlace(step: JourneyStep, d: Diagnostic): string | undefined;
}

/** The canvas's words from react-intl; one object per language, so views cached with it stay valid. */
export function canvasWords(intl: IntlShape): CanvasWords {
  return {
    kindLabel: (kind) => stepKindLabel(intl, kind),
    kindDescription: (kind) => stepKindDescription(intl, kind),
    phrase: (phrase) => formatStepPhrase(intl, phrase),
    unknownKind: (kind) => intl.formatMessage({ id: 'editor.canvas.unknownKind' }, { kind }),
    stepName: (kindLabel, label) =>
      intl.formatMessage({ id: 'editor.canvas.stepName' }, { kind: kindLabel, label }),
    connectionName: (from, branch, to, count) =>
      count === undefined
        ? intl.formatMessage({ id: 'editor.canvas.connectionName' }, { from, branch, to })
        : intl.formatMessage(
            { id: 'editor.canvas.connectionNameWithCount' },
            { from, branch, to, count },
          ),
    problemPlace: (step, d) => stepProblemPlace(intl, step, d),
  };
}
