import { FormattedMessage, useIntl } from 'react-intl';
import { useEffect, useRef, type ReactNode } from 'react';
import { fieldMessages } from './field-shell.tsx';
import { fieldId, issuesFor, useForm } from './form-context.ts';
import { defaultValue, nextKey } from './default-value.ts';
import type { FieldSpec } from './schema-walk.ts';

type ListSpec = FieldSpec & { kind: 'objectList' };

export interface ObjectListFieldProps {
  spec: ListSpec;
  path: string;
  label: string;
  value: unknown;
  onChange(value: unknown[]): void;
  /** Draws one row's fields. */
  renderItem(
    item: unknown,
    index: number,
    name: string,
    onChange: (item: unknown) => void,
  ): ReactNode;
}

function newItem(spec: ListSpec, items: readonly unknown[]): unknown {
  const item = defaultValue(spec.item);
  const hasKey =
    spec.item.kind === 'object' &&
    spec.item.fields.some((f) => f.key === 'key' && f.spec.kind === 'text');
  if (!hasKey || typeof item !== 'object' || item === null) return item;
  const keys = items.map((i) =>
    typeof i === 'object' && i !== null && 'key' in i ? String(i.key) : '',
  );
  return { ...item, key: nextKey(keys) };
}

/** Repeating rows with add, remove and move up/down; respects the schema's min and max length. */
export function ObjectListField({
  spec,
  path,
  label,
  value,
  onChange,
  renderItem,
}: ObjectListFieldProps) {
  const intl = useIntl();
  const ctx = useForm();
  const items = Array.isArray(value) ? value : [];
  const id = fieldId(ctx, path);
  const { aria, messages } = fieldMessages(id, issuesFor(ctx, path), spec.description);
  const one = ctx.words.one(spec.key, label);
  const listRef = useRef<HTMLOListElement>(null);
  const pendingFocus = useRef<number | null>(null);
  const count = items.length;

  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    pendingFocus.current = null;
    listRef.current?.children[target]
      ?.querySelector<HTMLElement>('input, select, textarea')
      ?.focus();
  }, [count]);

  const move = (from: number, to: number) => {
    const next = [...items];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved);
    onChange(next);
  };
  const canRemove = count > spec.minItems;
  const canAdd = spec.maxItems === undefined || count < spec.maxItems;
  return (
    <fieldset
      className="sf-group sf-list field"
      id={id}
      aria-invalid={aria['aria-invalid']}
      aria-describedby={aria['aria-describedby']}
    >
      <legend>{label}</legend>
      {messages}
      <ol className="sf-rows" ref={listRef}>
        {items.map((item, i) => {
          const name = `${one} ${i + 1}`;
          return (
            <li key={i} className="sf-row">
              <fieldset className="sf-row-body">
                <legend>{name}</legend>
                {renderItem(item, i, name, (next) =>
                  onChange(items.map((old, j) => (j === i ? next : old))),
                )}
              </fieldset>
              <div className="sf-row-actions">
                <button
                  type="button"
                  className="btn btn-ghost btn-sm"
                  aria-label={intl.formatMessage(
                    { id: 'ui.object-list-field.moveUp' },
                    { value1: name.toLowerCase() },
                  )}
                  disabled={i === 0}
                  onClick={() => move(i, i - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="btn btn-ghost btn-sm"
                  aria-label={intl.formatMessage(
                    { id: 'ui.object-list-field.moveDown' },
                    { value1: name.toLowerCase() },
                  )}
                  disabled={i === count - 1}
                  onClick={() => move(i, i + 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="btn btn-ghost btn-sm"
                  aria-label={intl.formatMessage(
                    { id: 'ui.object-list-field.remove' },
                    { value1: name.toLowerCase() },
                  )}
                  disabled={!canRemove}
                  onClick={() => onChange(items.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="btn btn-sm"
        disabled={!canAdd}
        onClick={() => {
          pendingFocus.current = count;
          onChange([...items, newItem(spec, items)]);
        }}
      >
        <FormattedMessage id="ui.object-list-field.add" /> {one.toLowerCase()}
      </button>
    </fieldset>
  );
}
