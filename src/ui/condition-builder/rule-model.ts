import {
  type AttributeRule,
  type AttributeValueType,
  type ConditionNode,
  OPERATORS_BY_VALUE_TYPE,
  VALUELESS_OPERATORS,
} from '../../domain/index.ts';

export type RuleType = ConditionNode['type'];

/** What a rule's value inputs look like for an operator. */
export type ValueShape =
  'none' | 'text' | 'number' | 'number-range' | 'date' | 'date-range' | 'days';

const DAY_OPERATORS = new Set(['within_last_days', 'more_than_days_ago', 'within_next_days']);

/** The inputs an attribute rule needs for its type and operator. */
export function valueShape(valueType: AttributeValueType, operator: string): ValueShape {
  if (VALUELESS_OPERATORS.has(operator) || valueType === 'boolean') return 'none';
  if (valueType === 'number') return operator === 'between' ? 'number-range' : 'number';
  if (valueType === 'date') {
    if (operator === 'between') return 'date-range';
    return DAY_OPERATORS.has(operator) ? 'days' : 'date';
  }
  return 'text';
}

/** A fresh rule or group of the given type. */
export function newNode(type: RuleType): ConditionNode {
  switch (type) {
    case 'attribute':
      return { type: 'attribute', attribute: '', valueType: 'text', operator: 'equals' };
    case 'event_count':
      return {
        type: 'event_count',
        event: '',
        comparison: 'at_least',
        count: 1,
        withinDays: 30,
        propertyFilters: [],
      };
    case 'reachable':
      return { type: 'reachable', channel: 'email' };
    case 'control_group':
      return { type: 'control_group', inGroup: false };
    case 'group':
      return { type: 'group', op: 'and', rules: [] };
  }
}

interface LooseAttributeRule {
  attribute: string;
  valueType: AttributeValueType;
  operator: string;
  value?: string | number | undefined;
  value2?: string | number | undefined;
  caseSensitive?: boolean | undefined;
}

/** Rebuilds an attribute rule as its schema wants it, dropping fields its type does not have. */
function build(loose: LooseAttributeRule): AttributeRule {
  const { attribute, valueType, operator, value, value2 } = loose;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  const extra: Record<string, unknown> = {};
  if (valueType === 'text')
    Object.assign(extra, { value: str(value), caseSensitive: loose.caseSensitive });
  if (valueType === 'number') Object.assign(extra, { value: num(value), value2: num(value2) });
  if (valueType === 'date')
    Object.assign(extra, { value: str(value) ?? num(value), value2: str(value2) });
  if (valueType === 'list') extra.value = str(value);
  const rule: Record<string, unknown> = { type: 'attribute', attribute, valueType, operator };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) rule[k] = v;
  // The operator comes from OPERATORS_BY_VALUE_TYPE[valueType] and each value was narrowed above.
  return rule as unknown as AttributeRule;
}

function loosen(rule: AttributeRule): LooseAttributeRule {
  return { ...rule } as LooseAttributeRule;
}

/** Switches the value type: the first operator of the new type, and no value. */
export function withValueType(rule: AttributeRule, valueType: AttributeValueType): AttributeRule {
  if (rule.valueType === valueType) return rule;
  return build({
    attribute: rule.attribute,
    valueType,
    operator: OPERATORS_BY_VALUE_TYPE[valueType][0],
  });
}

/** Switches the operator, keeping the value only when the new operator takes the same kind of value. */
export function withOperator(rule: AttributeRule, operator: string): AttributeRule {
  const before = valueShape(rule.valueType, rule.operator);
  const after = valueShape(rule.valueType, operator);
  const loose = loosen(rule);
  if (before === after) return build({ ...loose, operator });
  const keepFirst =
    (before === 'number' && after === 'number-range') ||
    (before === 'number-range' && after === 'number') ||
    (before === 'date' && after === 'date-range') ||
    (before === 'date-range' && after === 'date');
  return build({
    attribute: loose.attribute,
    valueType: loose.valueType,
    operator,
    value: keepFirst ? loose.value : undefined,
    caseSensitive: loose.caseSensitive,
  });
}

/** Sets one of the rule's values (`value`, `value2`) or its case sensitivity. */
export function withValues(
  rule: AttributeRule,
  patch: Partial<Pick<LooseAttributeRule, 'value' | 'value2' | 'caseSensitive'>>,
): AttributeRule {
  return build({ ...loosen(rule), ...patch });
}

/** Sets the attribute path. */
export function withAttribute(rule: AttributeRule, attribute: string): AttributeRule {
  return { ...rule, attribute };
}
