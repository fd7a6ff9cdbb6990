import { createContext, useContext } from 'react';
import type { Suggestions } from '../condition-builder/suggestions.ts';
import type { FieldIssue, IssueMap } from './field-issues.ts';
import type { FieldWords } from './field-words.ts';
import type { SuggestionSource } from './schema-walk.ts';

export interface FormContextValue {
  idBase: string;
  issues: IssueMap;
  suggestions: Suggestions | undefined;
  eventListId: string;
  attributeListId: string;
  /** Field and option names in the user's language. */
  words: FieldWords;
}

export const FormContext = createContext<FormContextValue | null>(null);

/** The enclosing schema form's ids, issues and suggestions. */
export function useForm(): FormContextValue {
  const ctx = useContext(FormContext);
  if (ctx === null) throw new Error('useForm must be used inside a SchemaForm');
  return ctx;
}

export function fieldId(ctx: FormContextValue, path: string): string {
  return `${ctx.idBase}-${path.replace(/[^\w-]/g, '-') || 'root'}`;
}

export function issuesFor(ctx: FormContextValue, path: string): readonly FieldIssue[] {
  return ctx.issues.get(path) ?? [];
}

/** The id of the `<datalist>` for a suggestion source, if the field has one. */
export function listFor(
  ctx: FormContextValue,
  source: SuggestionSource | undefined,
): string | undefined {
  if (source === 'events') return ctx.eventListId;
  return source === 'attributes' ? ctx.attributeListId : undefined;
}
