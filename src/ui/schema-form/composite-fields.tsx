import { FormattedMessage, useIntl } from 'react-intl';
import type { ReactNode } from 'react';
import { CheckboxField } from './checkbox-field.tsx';
import { defaultValue } from './default-value.ts';
import { childPath } from './field-issues.ts';
import { fieldMessages } from './field-shell.tsx';
import { fieldId, issuesFor, useForm } from './form-context.ts';
import { humanise } from './humanise.ts';
import { SchemaField, type SchemaFieldProps } from './schema-field.tsx';
import type { FieldEntry, FieldSpec } from './schema-walk.ts';
import { SelectField } from './select-field.tsx';

// Objects, discriminated unions and records: the nodes that hold other fields.

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withKey(obj: Obj, key: string, value: unknown): Obj {
  const next = { ...obj };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

function ContainerMessages({
  path,
  description,
}: {
  path: string;
  description?: string | undefined;
}) {
  const ctx = useForm();
  if (path === '') return null;
  return fieldMessages(fieldId(ctx, path), issuesFor(ctx, path), description).messages;
}

export function ObjectField({
  spec,
  path,
  value,
  onChange,
  label,
  bare,
}: SchemaFieldProps & { spec: FieldSpec & { kind: 'object' }; label: string }) {
  const canBeAbsent = spec.optional || spec.nullable;
  if (!isObj(value) && canBeAbsent) {
    return (
      <div className="field sf-absent">
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => onChange(defaultValue({ ...spec, optional: false, nullable: false }))}
        >
          <FormattedMessage id="ui.composite-fields.add" /> {label.toLowerCase()}
        </button>
        {spec.description !== undefined && <p className="field-hint">{spec.description}</p>}
      </div>
    );
  }
  const current = isObj(value) ? value : {};
  const remove = canBeAbsent ? (
    <button
      type="button"
      className="btn btn-ghost btn-sm"
      onClick={() => onChange(spec.nullable ? null : undefined)}
    >
      <FormattedMessage id="ui.composite-fields.remove" /> {label.toLowerCase()}
    </button>
  ) : null;
  return (
    <Container bare={bare} label={label} path={path} description={spec.description} footer={remove}>
      <FieldsOf fields={spec.fields} path={path} current={current} onChange={onChange} />
    </Container>
  );
}

interface ContainerProps {
  bare: boolean | undefined;
  label: string;
  path: string;
  description: string | undefined;
  children: ReactNode;
  footer?: ReactNode;
}

/** A fieldset with its messages, or just the children and messages for bare rows. */
function Container({ bare, label, path, description, children, footer }: ContainerProps) {
  if (bare === true) {
    return (
      <>
        <ContainerMessages path={path} />
        {children}
      </>
    );
  }
  return (
    <fieldset className="sf-group">
      <legend>{label}</legend>
      <ContainerMessages path={path} description={description} />
      {children}
      {footer}
    </fieldset>
  );
}

interface FieldsOfProps {
  fields: readonly FieldEntry[];
  path: string;
  current: Obj;
  onChange(value: Obj): void;
  skip?: string;
}

/** The fields of an object, each editing its own key. */
function FieldsOf({ fields, path, current, onChange, skip }: FieldsOfProps) {
  return fields
    .filter((f) => f.key !== skip)
    .map((f) => (
      <SchemaField
        key={f.key}
        spec={f.spec}
        path={childPath(path, f.key)}
        value={current[f.key]}
        onChange={(v) => onChange(withKey(current, f.key, v))}
      />
    ));
}

export function VariantField({
  spec,
  path,
  value,
  onChange,
  label,
  bare,
}: SchemaFieldProps & { spec: FieldSpec & { kind: 'variant' }; label: string }) {
  const intl = useIntl();
  const ctx = useForm();
  const current = isObj(value) ? value : {};
  const disc = spec.discriminator;
  const option = spec.options.find((o) => o.value === current[disc]);
  const selectPath = childPath(path, disc);
  const select = (
    <SelectField
      id={fieldId(ctx, selectPath)}
      label={
        disc === 'type'
          ? intl.formatMessage({ id: 'ui.composite-fields.variantType' }, { label })
          : `${label} ${ctx.words.label(disc, humanise(disc)).toLowerCase()}`.trim()
      }
      value={option?.value ?? ''}
      options={spec.options.map((o) => ({
        value: o.value,
        label: o.titled ? o.label : ctx.words.option(o.value),
      }))}
      issues={issuesFor(ctx, selectPath)}
      onChange={(tag) => {
        const next = spec.options.find((o) => o.value === tag);
        if (next === undefined) return;
        const fresh = defaultValue(next.spec) as Obj;
        // Keep what was typed in fields both variants share, when it still fits.
        for (const f of next.spec.fields) {
          if (f.key !== disc && f.key in current && f.spec.schema.safeParse(current[f.key]).success)
            fresh[f.key] = current[f.key];
        }
        onChange(fresh);
      }}
    />
  );
  return (
    <Container bare={bare} label={label} path={path} description={spec.description}>
      {select}
      <FieldsOf
        fields={option?.spec.fields ?? []}
        path={path}
        current={current}
        onChange={onChange}
        skip={disc}
      />
    </Container>
  );
}

export function RecordField({
  spec,
  path,
  value,
  onChange,
  label,
}: SchemaFieldProps & { spec: FieldSpec & { kind: 'record' }; label: string }) {
  const ctx = useForm();
  const current = isObj(value) ? value : {};
  return (
    <fieldset className="sf-group">
      <legend>{label}</legend>
      <ContainerMessages path={path} description={spec.description} />
      {spec.keys.map((key) => {
        const present = current[key] !== undefined;
        const keyPath = childPath(path, key);
        return (
          <div key={key} className="sf-record-entry">
            <CheckboxField
              id={`${fieldId(ctx, keyPath)}-on`}
              label={ctx.words.label(key, humanise(key))}
              checked={present}
              onChange={(on) =>
                onChange(withKey(current, key, on ? defaultValue(spec.value) : undefined))
              }
            />
            {present && (
              <SchemaField
                spec={spec.value}
                path={keyPath}
                label={ctx.words.label(key, humanise(key))}
                value={current[key]}
                onChange={(v) => onChange(withKey(current, key, v))}
              />
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
