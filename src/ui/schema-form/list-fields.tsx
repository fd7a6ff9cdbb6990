import { FormattedMessage, useIntl } from 'react-intl';
import { useState } from 'react';
import { childPath, issuesUnder } from './field-issues.ts';
import { fieldMessages } from './field-shell.tsx';
import { fieldId, listFor, useForm } from './form-context.ts';
import type { DraftFieldProps } from './scalar-fields.tsx';
import type { FieldSpec } from './schema-walk.ts';

type StringListSpec = FieldSpec & { kind: 'stringList' };
type EnumSetSpec = FieldSpec & { kind: 'enumSet' };

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Words as removable chips, added from a text box by Enter, comma or the Add button. */
export function StringListField({
  spec,
  path,
  label,
  value,
  onChange,
}: DraftFieldProps<StringListSpec>) {
  const intl = useIntl();
  const ctx = useForm();
  const [draft, setDraft] = useState('');
  const items = asStrings(value);
  const id = fieldId(ctx, path);
  const { aria, messages } = fieldMessages(id, issuesUnder(ctx.issues, path), spec.description);
  const one = ctx.words.one(spec.key, label).toLowerCase();
  const commit = () => {
    const added = draft
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '' && !items.includes(s));
    if (added.length > 0) onChange([...items, ...added]);
    setDraft('');
  };
  const list = listFor(ctx, spec.suggest);
  return (
    <fieldset className="sf-group field">
      <legend>{label}</legend>
      {items.length > 0 && (
        <ul className="sf-chips" aria-label={label}>
          {items.map((item) => (
            <li key={item} className="sf-chip">
              <span>{item}</span>
              <button
                type="button"
                className="sf-chip-remove"
                aria-label={intl.formatMessage({ id: 'ui.list-fields.remove' }, { item: item })}
                onClick={() => onChange(items.filter((i) => i !== item))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="sf-chip-add">
        <label htmlFor={id} className="visually-hidden">
          {intl.formatMessage({ id: 'ui.list-fields.addLabel' }, { one: one })}
        </label>
        <input
          {...aria}
          type="text"
          value={draft}
          list={list}
          placeholder={intl.formatMessage({ id: 'ui.list-fields.add2' }, { one: one })}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',') {
              e.preventDefault();
              commit();
            }
          }}
        />
        <button
          type="button"
          className="btn btn-sm"
          onClick={commit}
          disabled={draft.trim() === ''}
        >
          <FormattedMessage id="ui.list-fields.add" />
        </button>
      </div>
      {messages}
    </fieldset>
  );
}

/** A set of enum values (e.g. weekdays) as checkboxes, kept in the enum's order. */
export function EnumSetField({ spec, path, label, value, onChange }: DraftFieldProps<EnumSetSpec>) {
  const ctx = useForm();
  const chosen = new Set(asStrings(value));
  const id = fieldId(ctx, path);
  const { aria, messages } = fieldMessages(id, issuesUnder(ctx.issues, path), spec.description);
  return (
    <fieldset
      className="sf-group field"
      aria-describedby={aria['aria-describedby']}
      aria-invalid={aria['aria-invalid']}
    >
      <legend>{label}</legend>
      <div className="sf-checks">
        {spec.options.map((option) => (
          <label key={option} className="sf-check">
            <input
              type="checkbox"
              id={fieldId(ctx, childPath(path, option))}
              checked={chosen.has(option)}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(option);
                else next.delete(option);
                onChange(spec.options.filter((o) => next.has(o)));
              }}
            />
            {ctx.words.option(option)}
          </label>
        ))}
      </div>
      {messages}
    </fieldset>
  );
}
