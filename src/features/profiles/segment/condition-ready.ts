import { conditionProblems } from '../../../domain/conditions/condition-problems.ts';
import {
  conditionGroupSchema,
  type ConditionGroup,
} from '../../../domain/conditions/condition-schema.ts';

/** Whether a condition being edited is complete enough to count with. */
export function isConditionReady(condition: ConditionGroup): boolean {
  return (
    conditionGroupSchema.safeParse(condition).success &&
    conditionProblems(condition, 'root').length === 0
  );
}
