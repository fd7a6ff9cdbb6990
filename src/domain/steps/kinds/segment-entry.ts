import { z } from 'zod';
import { conditionGroupSchema, emptyConditionGroup } from '../../conditions/condition-schema.ts';
import { describeCondition } from '../../conditions/describe-condition.ts';
import { conditionIssues } from '../shared.ts';
import { defineStep, NEXT_BRANCH, type StepIssue } from '../step-definition.ts';

const configSchema = z.object({ condition: conditionGroupSchema });
export type SegmentEntryConfig = z.infer<typeof configSchema>;

/** Enters a profile when it starts matching a condition. */
export const segmentEntryTrigger = defineStep(
  'segment_entry',
  configSchema,
)({
  category: 'trigger',
  label: 'Segment entry',
  description: 'Start when a customer starts matching a segment.',
  icon: 'users',
  defaultConfig: () => ({ condition: emptyConditionGroup() }),
  branches: () => [...NEXT_BRANCH],
  summary: (c) => `Enters: ${describeCondition(c.condition)}`,
  audiences: (c) => [{ label: 'Enters', condition: c.condition }],
  validate: (c) => {
    const issues: StepIssue[] = conditionIssues(c.condition, 'condition');
    if (c.condition.rules.length === 0) {
      issues.push({
        severity: 'warning',
        code: 'empty-condition',
        message: 'The segment has no rules, so every customer enters.',
        field: 'condition',
      });
    }
    return issues;
  },
});
