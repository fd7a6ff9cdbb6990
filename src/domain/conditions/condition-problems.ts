import { attributeLabel, attributePathProblem } from './attribute-paths.ts';
import {
  VALUELESS_OPERATORS,
  type ConditionGroup,
  type ConditionNode,
} from './condition-schema.ts';
import { toEpochMs } from './time.ts';

/** A rule that parses but cannot be evaluated meaningfully, with its path inside the group. */
export interface ConditionProblem {
  field: string;
  message: string;
}

const DAY_OPERATORS = new Set(['within_last_days', 'more_than_days_ago', 'within_next_days']);

function nodeProblems(node: ConditionNode, field: string, out: ConditionProblem[]): void {
  if (node.type === 'group') {
    node.rules.forEach((child, i) => nodeProblems(child, `${field}.rules.${i}`, out));
    return;
  }
  if (node.type !== 'attribute') return;
  const unsafe = attributePathProblem(node.attribute);
  if (unsafe !== undefined) out.push({ field: `${field}.attribute`, message: unsafe });
  if (node.valueType === 'boolean') return;
  const name = attributeLabel(node.attribute);
  if (VALUELESS_OPERATORS.has(node.operator)) return;
  const value = node.value;
  if (value === undefined || value === '') {
    out.push({ field: `${field}.value`, message: `Enter a value to compare ${name} with.` });
    return;
  }
  if (node.valueType === 'date') {
    if (DAY_OPERATORS.has(node.operator)) {
      if (!(Number(value) > 0)) {
        out.push({ field: `${field}.value`, message: `Enter a number of days for ${name}.` });
      }
    } else if (Number.isNaN(toEpochMs(value))) {
      out.push({ field: `${field}.value`, message: `Enter a date as YYYY-MM-DD for ${name}.` });
    }
  }
  if (node.operator === 'between') {
    const upper =
      node.valueType === 'number' || node.valueType === 'date' ? node.value2 : undefined;
    if (upper === undefined || upper === '') {
      out.push({ field: `${field}.value2`, message: `Enter the upper bound for ${name}.` });
    }
  }
}

/** Lists incomplete rules (missing values, unreadable dates) in a condition group. */
export function conditionProblems(group: ConditionGroup, field: string): ConditionProblem[] {
  const out: ConditionProblem[] = [];
  nodeProblems(group, field, out);
  return out;
}
