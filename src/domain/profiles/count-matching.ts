import { compileCondition } from '../conditions/compile-condition.ts';
import type { ConditionGroup } from '../conditions/condition-schema.ts';
import type { Profile } from './profile.ts';

/** Counts the profiles a condition matches, with the simulator's evaluator. */
export function countMatching(
  profiles: readonly Profile[],
  condition: ConditionGroup,
  now: number,
): number {
  const predicate = compileCondition(condition);
  const ctx = { now, inControlGroup: false };
  let matched = 0;
  for (let i = 0; i < profiles.length; i++) if (predicate(profiles[i] as Profile, ctx)) matched++;
  return matched;
}
