import type { JourneySettings } from '../../../domain/index.ts';
import type { Suggestions } from '../../../ui/condition-builder/suggestions.ts';
import type { FieldIssue } from '../../../ui/schema-form/field-issues.ts';

/** What every settings section gets: the settings, a way to change them, and per-field ids and issues. */
export interface SectionProps {
  settings: JourneySettings;
  onChange(settings: JourneySettings): void;
  /** The DOM id and the issues of a settings path such as `goal.windowDays`. */
  field(path: string): { id: string; issues: readonly FieldIssue[] };
  /** Issues below a path, relative to it (for list editors). */
  issuesUnder(path: string): FieldIssue[];
  suggestions?: Suggestions | undefined;
  eventListId: string;
}

/** A required number the user emptied is kept as NaN so the schema (and the validator) report it. */
export function requiredNumber(value: number | null | undefined): number {
  return typeof value === 'number' ? value : Number.NaN;
}
