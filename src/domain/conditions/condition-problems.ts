import { attributeLabel, attributePathProblem, customNameProblem } from './attribute-paths.ts';
import {
  VALUELESS_OPERATORS,
  type ConditionGroup,
  type ConditionNode,
} from './condition-schema.ts';
import { toEpochMs } from './time.ts';

/** A rule that parses but cannot be evaluated meaningfully, with its path inside the group. */
export interface ConditionProblem {
  field: string;
  /** English, for the CLI. */
  message: string;
  /** What is missing or wrong, as a code the screens word. */
  what: 'unsafe_attribute' | 'value' | 'days' | 'date' | 'upper_bound';
  /** The attribute's display name (`First name`, `custom.plan`). */
  attribute: string;
  /** Why an unsafe custom attribute's name cannot be used ('' otherwise). */
  reason: string;
}

const DAY_OPERATORS = new Set(['within_last_days', 'more_than_days_ago', 'within_next_days']);

function nodeProblems(node: ConditionNode, field: string, out: ConditionProblem[]): void {
  if (node.type === 'group') {
    node.rules.forEach((child, i) => nodeProblems(child, `${field}.rules.${i}`, out));
    return;
  }
  if (node.type !== 'attribute') return;
  const name = attributeLabel(node.attribute);
  const unsafe = attributePathProblem(node.attribute);
  if (unsafe !== undefined) {
    out.push({
      field: `${field}.attribute`,
      message: unsafe,
      what: 'unsafe_attribute',
      attribute: name,
      reason: customNameProblem(node.attribute) ?? '',
    });
  }
  if (node.valueType === 'boolean') return;
  const problem = (at: string, what: ConditionProblem['what'], message: string) =>
    out.push({ field: `${field}.${at}`, message, what, attribute: name, reason: '' });
  if (VALUELESS_OPERATORS.has(node.operator)) return;
  const value = node.value;
  if (value === undefined || value === '') {
    problem('value', 'value', `Enter a value to compare ${name} with.`);
    return;
  }
  if (node.valueType === 'date') {
    if (DAY_OPERATORS.has(node.operator)) {
      if (!(Number(value) > 0)) {
        problem('value', 'days', `Enter a number of days for ${name}.`);
      }
    } else if (Number.isNaN(toEpochMs(value))) {
      problem('value', 'date', `Enter a date as YYYY-MM-DD for ${name}.`);
    }
  }
  if (node.operator === 'between') {
    const upper =
      node.valueType === 'number' || node.valueType === 'date' ? node.value2 : undefined;
    if (upper === undefined || upper === '') {
      problem('value2', 'upper_bound', `Enter the upper bound for ${name}.`);
    }
  }
}

/** Lists incomplete rules (missing values, unreadable dates) in a condition group. */
export function conditionProblems(group: ConditionGroup, field: string): ConditionProblem[] {
  const out: ConditionProblem[] = [];
  nodeProblems(group, field, out);
  return out;
}
