import { z } from 'zod';
import { conditionGroupSchema, emptyConditionGroup } from '../../conditions/condition-schema.ts';
import { conditionIssues } from '../shared.ts';
import { defineStep, NEXT_BRANCH, type StepIssue } from '../step-definition.ts';
import { OP } from '../../simulate/plan-step.ts';
import type { ProfileEvent } from '../../profiles/profile.ts';
import { compileCondition } from '../../conditions/compile-condition.ts';
import { firstAfter } from '../../simulate/event-match.ts';

const configSchema = z.object({ condition: conditionGroupSchema });
export type SegmentEntryConfig = z.infer<typeof configSchema>;

/** Enters a profile when it starts matching a condition. */
export const segmentEntryTrigger = defineStep(
  'segment_entry',
  configSchema,
)({
  category: 'trigger',
  label: 'Segment entry',
  icon: 'users',
  defaultConfig: () => ({ condition: emptyConditionGroup() }),
  branches: () => [...NEXT_BRANCH],
  summary: (c) => ({
    id: 'step.segment_entry.summary',
    values: { condition: { condition: c.condition } },
  }),
  audiences: (c) => [{ text: { id: 'step.segment_entry.audience' }, condition: c.condition }],
  simulation: {
    op: OP.trigger,
    trigger: (step) => {
      const matches = compileCondition(step.condition);
      return {
        stepId: step.id,
        perEvent: false,
        nextAt(state, after, _afterSeq, start, end) {
          // Enters when the condition turns true (spec §5.1): at the start for profiles that
          // already match, then at an event after which it holds while it did not before.
          let was = matches(state.view, state.context(start));
          if (was && after <= start) return start;
          const events = state.events;
          for (let i = firstAfter(events, start); i < events.length; i++) {
            const at = (events[i] as ProfileEvent).at;
            if (at >= end) return Number.POSITIVE_INFINITY;
            if (i + 1 < events.length && (events[i + 1] as ProfileEvent).at === at) continue;
            const now = matches(state.view, state.context(at));
            if (now && !was && at >= after) return at;
            was = now;
          }
          return Number.POSITIVE_INFINITY;
        },
        describe: () => 'started matching the segment',
        why: { code: 'entered.segment' },
      };
    },
  },
  validate: (c) => {
    const issues: StepIssue[] = conditionIssues(c.condition, 'condition');
    if (c.condition.rules.length === 0) {
      issues.push({
        severity: 'warning',
        code: 'empty-condition',
        message: 'The segment has no rules, so every customer enters.',
        params: { what: 'segment' },
        field: 'condition',
      });
    }
    return issues;
  },
});
