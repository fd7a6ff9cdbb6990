import type { IntlShape } from 'react-intl';
import type { Diagnostic, JourneyStep, StepPhrase } from '../../../domain/index.ts';
import { stepProblemPlace } from '../problems/problem-place.ts';
import { formatStepPhrase, stepKindDescription, stepKindLabel } from '../../../i18n/step-words.ts';

/** Profiles that went along an arrow: simulated ones, or the executor's actual runs. */
export interface ConnectionCount {
  value: number;
  actual: boolean;
}

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
   * An edge's accessible name: "Connection from A (Yes) to B", with how many profiles went along
   * it when `count` is given (read at any zoom, unlike the drawn count), saying whether they were
   * simulated or the executor's actual runs.
   */
  connectionName(from: string, branch: string, to: string, count?: ConnectionCount): string;
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
    connectionName: (from, branch, to, count) => {
      if (count === undefined)
        return intl.formatMessage({ id: 'editor.canvas.connectionName' }, { from, branch, to });
      const values = { from, branch, to, count: count.value };
      // The actual count's words ship in the first load: a name never waits on (or loses) them.
      return count.actual
        ? intl.formatMessage({ id: 'editor.canvas.connectionNameActual' }, values)
        : intl.formatMessage({ id: 'editor.canvas.connectionNameWithCount' }, values);
    },
    problemPlace: (step, d) => stepProblemPlace(intl, step, d),
  };
}
