import type { IntlShape } from 'react-intl';
import {
  BUILT_IN_ATTRIBUTES,
  type AttributeRule,
  type ConditionGroup,
  type ConditionNode,
  type EventCountRule,
  type PropertyFilter,
} from '../domain/index.ts';
import { CHANNEL_MESSAGES } from './domain-labels.ts';

/*
 * Conditions in the user's language. The domain's describeCondition keeps the English wording
 * for the CLI and traces; these build the same sentences from catalogue messages, since word
 * order differs between languages ("Country is not FR", « Pays n’est pas FR »).
 */

const BUILT_IN = new Set(BUILT_IN_ATTRIBUTES.map((a) => a.path));
const DAY_OPERATORS = new Set(['within_last_days', 'more_than_days_ago', 'within_next_days']);

/** An attribute's name: a built-in's in the user's language, a custom one as the user wrote it. */
export function attributeName(intl: IntlShape, path: string): string {
  if (BUILT_IN.has(path)) return intl.formatMessage({ id: `attribute.${path}` });
  return path.startsWith('custom.') ? path.slice('custom.'.length) : path;
}

/** One comparison, e.g. "Country is not "FR"": by operator, the name and the values. */
function comparison(
  intl: IntlShape,
  operator: string,
  name: string,
  value: string | number | undefined,
  value2?: string | number,
): string {
  return intl.formatMessage(
    { id: `cond.op.${operator}` },
    { name, value: value ?? '…', value2: value2 ?? '…' },
  );
}

function describeAttribute(intl: IntlShape, rule: AttributeRule): string {
  const name = attributeName(intl, rule.attribute);
  const raw = 'value' in rule ? (rule.value as string | number | undefined) : undefined;
  const value = DAY_OPERATORS.has(rule.operator)
    ? Number(raw)
    : rule.valueType === 'text' && raw !== undefined
      ? `"${raw}"`
      : raw;
  const value2 = 'value2' in rule ? (rule.value2 as string | number | undefined) : undefined;
  return comparison(intl, rule.operator, name, value, value2);
}

/** Event property filters, e.g. "where amount ≥ 50 and coupon is set"; '' for none. */
export function describeFilters(intl: IntlShape, filters: readonly PropertyFilter[]): string {
  if (filters.length === 0) return '';
  const parts = filters.map((f) =>
    comparison(intl, f.operator, f.property, f.value === undefined ? undefined : String(f.value)),
  );
  return intl.formatMessage(
    { id: 'cond.filters' },
    { filters: intl.formatList(parts, { type: 'conjunction' }) },
  );
}

function describeEventCount(intl: IntlShape, rule: EventCountRule): string {
  const text = intl.formatMessage(
    { id: rule.withinDays === null ? 'cond.eventCount.ever' : 'cond.eventCount' },
    {
      event: rule.event,
      comparison: rule.comparison,
      count: rule.count,
      days: rule.withinDays ?? 0,
    },
  );
  const filters = describeFilters(intl, rule.propertyFilters);
  return filters === '' ? text : `${text} ${filters}`;
}

/** One rule or group in words. */
export function describeNodeIn(intl: IntlShape, node: ConditionNode): string {
  switch (node.type) {
    case 'group':
      return node.rules.length === 0
        ? intl.formatMessage({ id: 'cond.everyone' })
        : `(${describeConditionIn(intl, node)})`;
    case 'attribute':
      return describeAttribute(intl, node);
    case 'event_count':
      return describeEventCount(intl, node);
    case 'reachable':
      return intl.formatMessage(
        { id: 'cond.reachable' },
        { channel: intl.formatMessage(CHANNEL_MESSAGES[node.channel]) },
      );
    case 'control_group':
      return intl.formatMessage({ id: node.inGroup ? 'cond.control.in' : 'cond.control.out' });
  }
}

/** A whole group in words: its rules joined by "and" or "or"; "everyone" when it has none. */
export function describeConditionIn(intl: IntlShape, group: ConditionGroup): string {
  if (group.rules.length === 0) return intl.formatMessage({ id: 'cond.everyone' });
  return intl.formatList(
    group.rules.map((rule) => describeNodeIn(intl, rule)),
    { type: group.op === 'and' ? 'conjunction' : 'disjunction' },
  );
}
