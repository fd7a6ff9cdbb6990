import { compileCondition } from '../../../domain/conditions/compile-condition.ts';
import type { ConditionGroup } from '../../../domain/conditions/condition-schema.ts';
import type { Profile } from '../../../domain/profiles/profile.ts';
import { type ProfileSort, queryProfiles } from '../../../domain/profiles/query.ts';
import { isConditionReady } from '../segment/condition-ready.ts';

/** Profiles matching a condition (with the simulator's evaluator); all when it is empty or unfinished. */
export function filterByCondition(
  profiles: readonly Profile[],
  condition: ConditionGroup,
  now: number,
): readonly Profile[] {
  if (condition.rules.length === 0 || !isConditionReady(condition)) return profiles;
  const predicate = compileCondition(condition);
  const ctx = { now, inControlGroup: false };
  return profiles.filter((p) => predicate(p, ctx));
}

/** Search and sort after filtering; the input is returned as it is when there is nothing to do. */
export function searchAndSort(
  profiles: readonly Profile[],
  sort: ProfileSort | undefined,
  search: string,
): readonly Profile[] {
  if (!sort && search.trim() === '') return profiles;
  return queryProfiles(profiles, sort, search);
}
