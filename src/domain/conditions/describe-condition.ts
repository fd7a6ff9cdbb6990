import { CHANNEL_LABELS } from '../channels.ts';
import type { Profile } from '../profiles/profile.ts';
import { attributeLabel, attributeReader } from './attribute-paths.ts';
import {
  compileCondition,
  compileEventCounter,
  type ConditionContext,
} from './compile-condition.ts';
import type {
  AttributeRule,
  ConditionGroup,
  ConditionNode,
  EventCountRule,
} from './condition-schema.ts';
import { describePropertyFilters } from './property-filter.ts';

/** How each operator reads inside a sentence ("Country is not FR"). */
export const OPERATOR_WORDS: Readonly<Record<string, string>> = {
  equals: 'is',
  not_equals: 'is not',
  contains: 'contains',
  not_contains: 'does not contain',
  starts_with: 'starts with',
  ends_with: 'ends with',
  is_set: 'is set',
  is_not_set: 'is not set',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  between: 'is between',
  on: 'is on',
  before: 'is before',
  after: 'is after',
  within_last_days: 'is within the last',
  more_than_days_ago: 'is more than',
  within_next_days: 'is within the next',
  is_true: 'is true',
  is_false: 'is false',
  includes: 'includes',
  not_includes: 'does not include',
  is_empty: 'is empty',
  is_not_empty: 'is not empty',
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function describeAttribute(rule: AttributeRule): string {
  const name = attributeLabel(rule.attribute);
  const words = OPERATOR_WORDS[rule.operator] ?? rule.operator;
  if (rule.valueType === 'boolean') return `${name} ${words}`;
  const value = rule.value;
  if (value === undefined) return `${name} ${words}`;
  if (rule.operator === 'between')
    return `${name} ${words} ${value} and ${String(rule.value2 ?? '?')}`;
  if (rule.operator === 'within_last_days' || rule.operator === 'within_next_days') {
    return `${name} ${words} ${plural(Number(value), 'day')}`;
  }
  if (rule.operator === 'more_than_days_ago')
    return `${name} ${words} ${plural(Number(value), 'day')} ago`;
  return rule.valueType === 'text' ? `${name} ${words} "${value}"` : `${name} ${words} ${value}`;
}

function windowWords(rule: EventCountRule): string {
  return rule.withinDays === null ? 'ever' : `in the last ${plural(rule.withinDays, 'day')}`;
}

function withFilters(text: string, rule: EventCountRule): string {
  const filters = describePropertyFilters(rule.propertyFilters);
  return filters === '' ? text : `${text} ${filters}`;
}

function describeEventCount(rule: EventCountRule): string {
  const how = rule.comparison.replace('_', ' ');
  return withFilters(
    `${rule.event} ${how} ${plural(rule.count, 'time')} ${windowWords(rule)}`,
    rule,
  );
}

/** Describes one rule or group in words, e.g. `order_placed at least 1 time in the last 7 days`. */
export function describeNode(node: ConditionNode): string {
  switch (node.type) {
    case 'group':
      return node.rules.length === 0 ? 'everyone' : `(${describeCondition(node)})`;
    case 'attribute':
      return describeAttribute(node);
    case 'event_count':
      return describeEventCount(node);
    case 'reachable':
      return `reachable by ${CHANNEL_LABELS[node.channel]}`;
    case 'control_group':
      return node.inGroup ? 'in the control group' : 'not in the control group';
  }
}

/** Describes a whole group: rules joined by "and"/"or"; "everyone" when empty. */
export function describeCondition(group: ConditionGroup): string {
  if (group.rules.length === 0) return 'everyone';
  return group.rules.map(describeNode).join(group.op === 'and' ? ' and ' : ' or ');
}

function foundFor(node: ConditionNode, profile: Profile, ctx: ConditionContext): string {
  switch (node.type) {
    case 'event_count': {
      const n = compileEventCounter(node)(profile, ctx, Number.POSITIVE_INFINITY);
      return withFilters(`${node.event} ${plural(n, 'time')} ${windowWords(node)}`, node);
    }
    case 'attribute': {
      const value = attributeReader(node.attribute)(profile);
      const shown = value === undefined || value === null ? 'not set' : JSON.stringify(value);
      return `${attributeLabel(node.attribute)} is ${shown}`;
    }
    default:
      return describeNode(node);
  }
}

function explainLines(
  group: ConditionGroup,
  profile: Profile,
  ctx: ConditionContext,
  depth: number,
): string[] {
  const pad = '  '.repeat(depth);
  const lines: string[] = [];
  for (const node of group.rules) {
    const ok = compileCondition({ type: 'group', op: 'and', rules: [node] })(profile, ctx);
    const mark = ok ? '✓' : '✗';
    if (node.type === 'group') {
      lines.push(`${pad}${mark} ${node.op === 'and' ? 'all of' : 'any of'}:`);
      lines.push(...explainLines(node, profile, ctx, depth + 1));
    } else {
      const found = foundFor(node, profile, ctx);
      const rule = describeNode(node);
      lines.push(
        found === rule ? `${pad}${mark} ${rule}` : `${pad}${mark} ${found} (rule: ${rule})`,
      );
    }
  }
  return lines;
}

/**
 * Explains how a profile fares against a condition, one line per rule with what was found,
 * e.g. `✓ order_placed 0 times in the last 7 days (rule: order_placed at most 0 times in the last 7 days)`.
 * Meant for inspectors and tests, not for hot loops.
 */
export function explainCondition(
  group: ConditionGroup,
  profile: Profile,
  ctx: ConditionContext,
): string {
  const ok = compileCondition(group)(profile, ctx);
  const head = `${ok ? '✓' : '✗'} ${group.op === 'and' ? 'all of' : 'any of'}:`;
  if (group.rules.length === 0) return '✓ everyone';
  return [head, ...explainLines(group, profile, ctx, 1)].join('\n');
}
