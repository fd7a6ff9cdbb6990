import type { ConditionGroup } from '../conditions/condition-schema.ts';
import type { PropertyFilter } from '../conditions/property-filter.ts';
import type { Duration, Weekday } from './shared.ts';
import type { ProfileOperation } from './kinds/update-profile.ts';

/**
 * A value the app words itself in the user's language before it goes into a phrase: a
 * condition, event property filters, a profile attribute (`''` for none chosen), a duration,
 * weekdays, shares of a split or profile changes.
 */
export type PhrasePart =
  | { condition: ConditionGroup }
  | { filters: readonly PropertyFilter[] }
  | { attribute: string }
  | { duration: Duration }
  | { weekdays: readonly Weekday[] }
  | { percents: readonly number[] }
  | { operations: readonly ProfileOperation[] };

/** A phrase value: a number, a code for an ICU `select`, the user's own text, or a part. */
export type PhraseValue = string | number | PhrasePart;

/**
 * Text about a step for the app to show in the user's language: a catalogue id and its values.
 * Ids derive from the kind (`step.<kind>.summary`, `step.<kind>.branch.<key>`); the user's own
 * content (a subject, a path's name) is a value passed through untouched. The domain writes no
 * sentence itself.
 */
export interface StepPhrase {
  id: string;
  values?: Readonly<Record<string, PhraseValue>>;
}

/** The catalogue id of a kind's palette name: `step.<kind>.label`. */
export const stepLabelId = (kind: string): string => `step.${kind}.label`;

/** The catalogue id of a kind's one-line palette description: `step.<kind>.description`. */
export const stepDescriptionId = (kind: string): string => `step.${kind}.description`;
