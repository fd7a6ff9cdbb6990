import { useId, useMemo } from 'react';
import { useIntl } from 'react-intl';
import type { z } from 'zod';
import { SuggestionLists } from '../condition-builder/suggestion-lists.tsx';
import type { Suggestions } from '../condition-builder/suggestions.ts';
import {
  diagnosticIssues,
  groupIssues,
  schemaIssues,
  type FieldDiagnostic,
} from './field-issues.ts';
import { ID_BASE_ATTRIBUTE } from './field-control.ts';
import { fieldWords } from './field-words.ts';
import { fieldProblemText } from '../../i18n/diagnostic-text.ts';
import { FormContext, type FormContextValue } from './form-context.ts';
import { isShownAt } from './issue-coverage.ts';
import { SchemaField } from './schema-field.tsx';
import { describeSchema } from './schema-walk.ts';
import './schema-form.css';

export interface SchemaFormProps {
  /** A zod 4 schema, usually an object; `.meta({ title, description, widget })` is honoured. */
  schema: z.ZodType;
  value: unknown;
  /** Called on every edit with the whole value, valid or not (the validator reports problems). */
  onChange(value: unknown): void;
  /** Extra problems, e.g. the validator's diagnostics, shown beside the field their `field` names. */
  issues?: readonly FieldDiagnostic[] | undefined;
  /** Completions for fields named like `event` or `attribute`. */
  suggestions?: Suggestions | undefined;
  /** Accessible name of the form. */
  label?: string;
}

/**
 * A form drawn from a zod schema by walking it, validated as you type: every change is parsed
 * and each problem is shown beside its field, while what the user typed is kept.
 */
export function SchemaForm({
  schema,
  value,
  onChange,
  issues,
  suggestions,
  label,
}: SchemaFormProps) {
  const idBase = useId().replace(/:/g, '');
  const intl = useIntl();
  const words = useMemo(() => fieldWords(intl), [intl]);
  const spec = useMemo(() => describeSchema(schema), [schema]);
  const all = useMemo(
    () => [
      ...schemaIssues(schema, value, (p) => fieldProblemText(intl, p)),
      ...diagnosticIssues(issues ?? [], 'config'),
    ],
    [schema, value, issues, intl],
  );
  const ctx = useMemo<FormContextValue>(
    () => ({
      idBase,
      issues: groupIssues(all),
      suggestions,
      eventListId: `${idBase}-events`,
      attributeListId: `${idBase}-attributes`,
      words,
    }),
    [idBase, all, suggestions, words],
  );
  const unplaced = all.filter((i) => i.path === '' || !isShownAt(spec, value, i.path.split('.')));
  return (
    <FormContext.Provider value={ctx}>
      <div className="sf" role="group" aria-label={label} {...{ [ID_BASE_ATTRIBUTE]: idBase }}>
        {unplaced.length > 0 && (
          <ul className="sf-form-issues">
            {unplaced.map((i, n) => (
              <li key={n} className={i.severity === 'error' ? 'field-error' : 'field-warning'}>
                {i.path === '' ? i.message : `${i.path}: ${i.message}`}
              </li>
            ))}
          </ul>
        )}
        <SchemaField spec={spec} path="" value={value} onChange={onChange} bare />
        <SuggestionLists
          suggestions={suggestions}
          eventListId={ctx.eventListId}
          attributeListId={ctx.attributeListId}
        />
      </div>
    </FormContext.Provider>
  );
}
