import type { ReactNode } from 'react';
import { ConditionBuilder } from '../condition-builder/condition-builder.tsx';
import { PropertyFiltersEditor } from '../condition-builder/property-filters-editor.tsx';
import {
  type ConditionGroup,
  emptyConditionGroup,
  type PropertyFilter,
} from '../../domain/index.ts';
import { CheckboxField } from './checkbox-field.tsx';
import { fromLocalInput, toLocalInput } from './datetime.ts';
import { defaultValue } from './default-value.ts';
import { childPath, issuesUnder } from './field-issues.ts';
import { fieldMessages } from './field-shell.tsx';
import { fieldId, issuesFor, listFor, useForm } from './form-context.ts';
import { humanise } from './humanise.ts';
import { EnumSetField, StringListField } from './list-fields.tsx';
import { NumberField } from './number-field.tsx';
import { ObjectListField } from './object-list-field.tsx';
import { JsonField, ScalarField } from './scalar-fields.tsx';
import type { FieldEntry, FieldSpec } from './schema-walk.ts';
import { SelectField } from './select-field.tsx';
import { TextField } from './text-field.tsx';

export interface SchemaFieldProps {
  spec: FieldSpec;
  /** Dotted path of the value inside the form, `''` for the root. */
  path: string;
  value: unknown;
  onChange(value: unknown): void;
  /** Overrides the spec's label, e.g. "Variant 2" for a list row. */
  label?: string;
  /** Draw an object's fields without their own fieldset (root and list rows). */
  bare?: boolean;
}

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

function isConditionGroup(value: unknown): value is ConditionGroup {
  return isObj(value) && value.type === 'group' && Array.isArray(value.rules);
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

function ObjectField({
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
          + Add {label.toLowerCase()}
        </button>
        {spec.description !== undefined && <p className="field-hint">{spec.description}</p>}
      </div>
    );
  }
  const current = isObj(value) ? value : {};
  const remove = canBeAbsent ? (
    <button type="button" className="btn btn-ghost btn-sm" onClick={() => onChange(spec.nullable ? null : undefined)}>
      Remove {label.toLowerCase()}
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

function VariantField({
  spec,
  path,
  value,
  onChange,
  label,
  bare,
}: SchemaFieldProps & { spec: FieldSpec & { kind: 'variant' }; label: string }) {
  const ctx = useForm();
  const current = isObj(value) ? value : {};
  const disc = spec.discriminator;
  const option = spec.options.find((o) => o.value === current[disc]);
  const selectPath = childPath(path, disc);
  const select = (
    <SelectField
      id={fieldId(ctx, selectPath)}
      label={`${label} ${disc === 'type' ? 'type' : humanise(disc).toLowerCase()}`.trim()}
      value={option?.value ?? ''}
      options={spec.options.map((o) => ({ value: o.value, label: o.label }))}
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
      <FieldsOf fields={option?.spec.fields ?? []} path={path} current={current} onChange={onChange} skip={disc} />
    </Container>
  );
}

function RecordField({
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
              label={humanise(key)}
              checked={present}
              onChange={(on) =>
                onChange(withKey(current, key, on ? defaultValue(spec.value) : undefined))
              }
            />
            {present && (
              <SchemaField
                spec={spec.value}
                path={keyPath}
                label={humanise(key)}
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

/** Draws the control for one schema node and everything below it. */
export function SchemaField(props: SchemaFieldProps) {
  const ctx = useForm();
  const { spec, path, value, onChange } = props;
  const label = props.label ?? spec.label;
  const id = fieldId(ctx, path);
  const issues = issuesFor(ctx, path);
  const hint = spec.description;
  switch (spec.kind) {
    case 'text': {
      const list = listFor(ctx, spec.suggest);
      const text = typeof value === 'string' ? value : '';
      if (spec.inputType === 'datetime') {
        return (
          <TextField
            id={id}
            label={label}
            type="datetime-local"
            value={toLocalInput(text)}
            issues={issues}
            hint={hint}
            onChange={(v) => onChange(fromLocalInput(v))}
          />
        );
      }
      return (
        <TextField
          id={id}
          label={label}
          value={text}
          multiline={spec.multiline}
          type={spec.inputType}
          list={list}
          issues={issues}
          hint={hint}
          onChange={onChange}
        />
      );
    }
    case 'number':
      return (
        <NumberField
          id={id}
          label={label}
          value={typeof value === 'number' ? value : spec.nullable ? null : undefined}
          emptyValue={spec.nullable ? null : undefined}
          integer={spec.integer}
          min={spec.min}
          max={spec.max}
          issues={issues}
          hint={hint}
          onChange={onChange}
        />
      );
    case 'select': {
      const unset = spec.optional || spec.nullable;
      return (
        <SelectField
          id={id}
          label={label}
          value={typeof value === 'string' ? value : ''}
          options={spec.options.map((o) => ({ value: o, label: humanise(o) }))}
          {...(unset ? { emptyLabel: '—' } : {})}
          issues={issues}
          hint={hint}
          onChange={(v) => onChange(v === '' ? (spec.nullable ? null : undefined) : v)}
        />
      );
    }
    case 'boolean':
      return (
        <CheckboxField
          id={id}
          label={label}
          checked={value === true}
          issues={issues}
          hint={hint}
          onChange={onChange}
        />
      );
    case 'literal':
      return (
        <div className="field sf-literal">
          <span className="field-label">{label}</span>
          <span>{String(spec.value)}</span>
        </div>
      );
    case 'object':
      return <ObjectField {...props} spec={spec} label={label} />;
    case 'variant':
      return <VariantField {...props} spec={spec} label={label} />;
    case 'record':
      return <RecordField {...props} spec={spec} label={label} />;
    case 'objectList':
      return (
        <ObjectListField
          spec={spec}
          path={path}
          label={label}
          value={value}
          onChange={onChange}
          renderItem={(item, i, name, change) => (
            <SchemaField
              spec={spec.item}
              path={childPath(path, i)}
              value={item}
              label={name}
              bare
              onChange={change}
            />
          )}
        />
      );
    case 'stringList':
      return (
        <StringListField spec={spec} path={path} label={label} value={value} onChange={onChange} />
      );
    case 'enumSet':
      return (
        <EnumSetField spec={spec} path={path} label={label} value={value} onChange={onChange} />
      );
    case 'condition':
      return (
        <ConditionBuilder
          label={label}
          value={isConditionGroup(value) ? value : emptyConditionGroup()}
          suggestions={ctx.suggestions}
          issues={issuesUnder(ctx.issues, path)}
          onChange={onChange}
        />
      );
    case 'propertyFilters':
      return (
        <PropertyFiltersEditor
          id={id}
          label={label}
          value={Array.isArray(value) ? (value as PropertyFilter[]) : []}
          issues={issuesUnder(ctx.issues, path)}
          onChange={onChange}
        />
      );
    case 'scalar':
      return (
        <ScalarField spec={spec} path={path} label={label} value={value} onChange={onChange} />
      );
    case 'json':
      return <JsonField spec={spec} path={path} label={label} value={value} onChange={onChange} />;
  }
}
