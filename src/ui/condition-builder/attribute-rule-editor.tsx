import { FormattedMessage, useIntl } from 'react-intl';
import {
  type AttributeRule,
  type AttributeValueType,
  OPERATORS_BY_VALUE_TYPE,
} from '../../domain/index.ts';
import { CheckboxField } from '../schema-form/checkbox-field.tsx';
import { NumberField } from '../schema-form/number-field.tsx';
import { SelectField } from '../schema-form/select-field.tsx';
import { TextField } from '../schema-form/text-field.tsx';
import { childPath, controlId, issuesAt, useBuilder } from './builder-context.ts';
import {
  valueShape,
  withAttribute,
  withOperator,
  withValueType,
  withValues,
} from './rule-model.ts';
import { knownAttributeType } from './suggestions.ts';

const VALUE_TYPES = Object.keys(OPERATORS_BY_VALUE_TYPE) as AttributeValueType[];

export interface AttributeRuleEditorProps {
  rule: AttributeRule;
  path: string;
  /** "Rule 2", used to name the controls for screen readers. */
  name: string;
  onChange(rule: AttributeRule): void;
}

function optionalNumber(v: number | null | undefined): number | undefined {
  return v === null ? undefined : v;
}

/** attribute · type · operator · value(s), with operators fitting the type and inputs fitting the operator. */
export function AttributeRuleEditor({ rule, path, name, onChange }: AttributeRuleEditorProps) {
  const intl = useIntl();
  const ctx = useBuilder();
  const field = (key: string) => {
    const p = childPath(path, key);
    return { id: controlId(ctx, p), issues: issuesAt(ctx, p) };
  };
  const shape = valueShape(rule.valueType, rule.operator);
  const value = 'value' in rule ? rule.value : undefined;
  const value2 = 'value2' in rule ? rule.value2 : undefined;
  const operators = OPERATORS_BY_VALUE_TYPE[rule.valueType].map((o) => ({
    value: o,
    label: intl.formatMessage({ id: `cond.operator.${o}` }),
  }));
  const types = VALUE_TYPES.map((t) => ({
    value: t,
    label: intl.formatMessage({ id: `cond.valueType.${t}` }),
  }));
  return (
    <>
      <TextField
        {...field('attribute')}
        label={intl.formatMessage(
          { id: 'ui.attribute-rule-editor.attributeLabel' },
          { name: name },
        )}
        hideLabel
        placeholder={intl.formatMessage({ id: 'ui.attribute-rule-editor.attribute' })}
        list={ctx.attributeListId}
        value={rule.attribute}
        onChange={(attribute) => {
          const type = knownAttributeType(attribute, ctx.suggestions);
          const next = withAttribute(rule, attribute);
          onChange(type === undefined ? next : withValueType(next, type));
        }}
      />
      <SelectField
        {...field('valueType')}
        label={intl.formatMessage({ id: 'ui.attribute-rule-editor.valueType' }, { name: name })}
        hideLabel
        value={rule.valueType}
        options={types}
        onChange={(t) => onChange(withValueType(rule, t as AttributeValueType))}
      />
      <SelectField
        {...field('operator')}
        label={intl.formatMessage({ id: 'ui.attribute-rule-editor.operator' }, { name: name })}
        hideLabel
        value={rule.operator}
        options={operators}
        onChange={(op) => onChange(withOperator(rule, op))}
      />
      {shape === 'text' && (
        <TextField
          {...field('value')}
          label={intl.formatMessage({ id: 'ui.attribute-rule-editor.valueLabel' }, { name: name })}
          hideLabel
          placeholder={intl.formatMessage({ id: 'ui.attribute-rule-editor.value' })}
          value={typeof value === 'string' ? value : ''}
          onChange={(v) => onChange(withValues(rule, { value: v }))}
        />
      )}
      {(shape === 'number' || shape === 'number-range' || shape === 'days') && (
        <NumberField
          {...field('value')}
          label={
            shape === 'days'
              ? intl.formatMessage({ id: 'ui.attribute-rule-editor.daysLabel' }, { name: name })
              : shape === 'number-range'
                ? intl.formatMessage({ id: 'ui.attribute-rule-editor.from' }, { name: name })
                : intl.formatMessage({ id: 'ui.attribute-rule-editor.valueLabel' }, { name: name })
          }
          hideLabel
          integer={shape === 'days'}
          min={shape === 'days' ? 1 : undefined}
          value={typeof value === 'number' ? value : undefined}
          onChange={(v) => onChange(withValues(rule, { value: optionalNumber(v) }))}
        />
      )}
      {(shape === 'date' || shape === 'date-range') && (
        <TextField
          {...field('value')}
          label={
            shape === 'date-range'
              ? intl.formatMessage({ id: 'ui.attribute-rule-editor.from' }, { name: name })
              : intl.formatMessage({ id: 'ui.attribute-rule-editor.date' }, { name: name })
          }
          hideLabel
          type="date"
          value={typeof value === 'string' ? value : ''}
          onChange={(v) => onChange(withValues(rule, { value: v === '' ? undefined : v }))}
        />
      )}
      {shape === 'number-range' && (
        <NumberField
          {...field('value2')}
          label={intl.formatMessage({ id: 'ui.attribute-rule-editor.to' }, { name: name })}
          hideLabel
          value={typeof value2 === 'number' ? value2 : undefined}
          onChange={(v) => onChange(withValues(rule, { value2: optionalNumber(v) }))}
        />
      )}
      {shape === 'date-range' && (
        <TextField
          {...field('value2')}
          label={intl.formatMessage({ id: 'ui.attribute-rule-editor.to' }, { name: name })}
          hideLabel
          type="date"
          value={typeof value2 === 'string' ? value2 : ''}
          onChange={(v) => onChange(withValues(rule, { value2: v === '' ? undefined : v }))}
        />
      )}
      {shape === 'days' && (
        <span className="cb-word">
          <FormattedMessage id="ui.attribute-rule-editor.days" />
        </span>
      )}
      {rule.valueType === 'text' && shape === 'text' && (
        <CheckboxField
          {...field('caseSensitive')}
          label={intl.formatMessage({ id: 'ui.attribute-rule-editor.matchCase' })}
          checked={rule.caseSensitive === true}
          onChange={(c) => onChange(withValues(rule, { caseSensitive: c ? true : undefined }))}
        />
      )}
    </>
  );
}
