import { FormattedMessage, useIntl } from 'react-intl';
import { type ReactNode, useId, useMemo } from 'react';
import {
  type ConditionGroup,
  conditionGroupSchema,
  conditionProblems,
} from '../../domain/index.ts';
import { describeConditionIn } from '../../i18n/condition-words.ts';
import { conditionProblemText, fieldProblemText } from '../../i18n/diagnostic-text.ts';
import { groupIssues, schemaIssues, type FieldIssue } from '../schema-form/field-issues.ts';
import { BuilderContext, type BuilderContextValue } from './builder-context.ts';
import { GroupEditor } from './group-editor.tsx';
import { SuggestionLists } from './suggestion-lists.tsx';
import type { Suggestions } from './suggestions.ts';
import './condition-builder.css';

export interface ConditionBuilderProps {
  value: ConditionGroup;
  onChange(value: ConditionGroup): void;
  /** Heading of the builder, e.g. "Condition" or "Audience". */
  label: string;
  suggestions?: Suggestions | undefined;
  /** Extra issues (e.g. from the validator) with paths relative to the group, e.g. `rules.0.value`. */
  issues?: readonly FieldIssue[] | undefined;
  /** The base of its controls' ids; a form passes the condition field's own id, so a rule's
   * field has the id the form would give its path (field-control.ts). */
  idBase?: string | undefined;
}

/**
 * Edits a condition group: AND/OR groups that nest; attribute, event-count, reachability and
 * control-group rules; operators fitting each attribute's type. Checks the group as it changes
 * and shows each problem beside its input.
 */
export function ConditionBuilder({
  value,
  onChange,
  label,
  suggestions,
  issues,
  idBase: givenIdBase,
}: ConditionBuilderProps) {
  const ownIdBase = useId().replace(/:/g, '');
  const idBase = givenIdBase ?? ownIdBase;
  const intl = useIntl();
  const own = useMemo(() => {
    const problems = conditionProblems(value, 'root').map((p) => ({
      path: p.field.replace(/^root\.?/, ''),
      message: conditionProblemText(intl, p),
      severity: 'error' as const,
    }));
    return [
      ...schemaIssues(conditionGroupSchema, value, (p) => fieldProblemText(intl, p)),
      ...problems,
    ];
  }, [value, intl]);
  const ctx = useMemo<BuilderContextValue>(
    () => ({
      idBase,
      issues: groupIssues([...own, ...(issues ?? [])]),
      attributeListId: `${idBase}-attributes`,
      eventListId: `${idBase}-events`,
      suggestions,
    }),
    [idBase, own, issues, suggestions],
  );
  const summaryId = `${idBase}-summary`;
  return (
    <BuilderContext.Provider value={ctx}>
      <fieldset className="cb" aria-describedby={summaryId}>
        <legend>{label}</legend>
        <p id={summaryId} className="cb-summary">
          <FormattedMessage
            id="ui.condition-builder.matches"
            values={{
              condition: describeConditionIn(intl, value),
              muted: (chunks: ReactNode[]) => <span className="muted">{chunks}</span>,
            }}
          />
        </p>
        <GroupEditor group={value} path="" name={label} number="" onChange={onChange} />
        <SuggestionLists
          suggestions={suggestions}
          eventListId={ctx.eventListId}
          attributeListId={ctx.attributeListId}
        />
      </fieldset>
    </BuilderContext.Provider>
  );
}
