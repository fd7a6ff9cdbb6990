import { z } from 'zod';
import { conditionGroupSchema, emptyConditionGroup } from '../../conditions/condition-schema.ts';
import { conditionIssues } from '../shared.ts';
import { defineStep } from '../step-definition.ts';
import { OP } from '../../simulate/plan-step.ts';
import { compileCondition } from '../../conditions/compile-condition.ts';

const configSchema = z.object({ condition: conditionGroupSchema });
export type IfElseConfig = z.infer<typeof configSchema>;

/** Sends a profile down "Yes" when the condition holds on arrival, else "No". */
export const ifElseStep = defineStep(
  'if_else',
  configSchema,
)({
  category: 'condition',
  label: 'If / else',
  icon: 'git-branch',
  defaultConfig: () => ({ condition: emptyConditionGroup() }),
  branches: () => [
    { key: 'yes', label: 'Yes', text: { id: 'step.if_else.branch.yes' } },
    { key: 'no', label: 'No', text: { id: 'step.if_else.branch.no' } },
  ],
  simulation: {
    op: OP.firstMatch,
    plan: (target, step) => {
      target.conditions = [step.condition];
      target.predicates = [compileCondition(step.condition)];
    },
  },
  summary: (c) => ({
    id: 'step.if_else.summary',
    values: { condition: { condition: c.condition } },
  }),
  audiences: (c) => [{ text: { id: 'step.if_else.audience' }, condition: c.condition }],
  validate: (c) => {
    const issues = conditionIssues(c.condition, 'condition');
    if (c.condition.rules.length === 0) {
      issues.push({
        severity: 'warning',
        code: 'empty-condition',
        message: 'The condition has no rules, so everyone takes the "Yes" path.',
        params: { what: 'if_else' },
        field: 'condition',
      });
    }
    return issues;
  },
});
