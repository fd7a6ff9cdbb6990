import { createContext, useContext } from 'react';
import type { FieldIssue, IssueMap } from '../schema-form/field-issues.ts';
import type { Suggestions } from './suggestions.ts';

export interface BuilderContextValue {
  idBase: string;
  issues: IssueMap;
  attributeListId: string;
  eventListId: string;
  suggestions: Suggestions | undefined;
}

export const BuilderContext = createContext<BuilderContextValue | null>(null);

/** The enclosing condition builder's ids, issues and suggestions. */
export function useBuilder(): BuilderContextValue {
  const ctx = useContext(BuilderContext);
  if (ctx === null) throw new Error('useBuilder must be used inside a ConditionBuilder');
  return ctx;
}

export { childPath } from '../schema-form/field-issues.ts';

/** A DOM id for a control at a path. */
export function controlId(ctx: BuilderContextValue, path: string): string {
  return `${ctx.idBase}-${path.replace(/\./g, '-') || 'root'}`;
}

export function issuesAt(ctx: BuilderContextValue, path: string): readonly FieldIssue[] {
  return ctx.issues.get(path) ?? [];
}
