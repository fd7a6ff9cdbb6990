import { ConditionBuilder } from '../condition-builder/condition-builder.tsx';
import { PropertyFiltersEditor } from '../condition-builder/property-filters-editor.tsx';
import {
  type ConditionGroup,
  emptyConditionGroup,
  type PropertyFilter,
} from '../../domain/index.ts';
import { CheckboxField } from './checkbox-field.tsx';
import { fromLocalInput, toLocalInput } from './datetime.ts';
import { childPath, issuesUnder } from './field-issues.ts';
import { fieldId, issuesFor, listFor, useForm } from './form-context.ts';
import { EnumSetField, StringListField } from './list-fields.tsx';
import { NumberField } from './number-field.tsx';
import { ObjectListField } from './object-list-field.tsx';
import { JsonField, ScalarField } from './scalar-fields.tsx';
import { ObjectField, RecordField, VariantField } from './composite-fields.tsx';
import type { FieldSpec } from './schema-walk.ts';
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

function isObj(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isConditionGroup(value: unknown): value is ConditionGroup {
  return isObj(value) && value.type === 'group' && Array.isArray(value.rules);
}

/** Draws the control for one schema node and everything below it. */
export function SchemaField(props: SchemaFieldProps) {
  const ctx = useForm();
  const { spec, path, value, onChange } = props;
  const label = props.label ?? ctx.words.label(spec.key, spec.label);
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
          options={spec.options.map((o) => ({ value: o, label: ctx.words.option(o) }))}
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
          idBase={id}
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
