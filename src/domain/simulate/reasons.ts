import { explainCondition } from '../conditions/describe-condition.ts';
import type { ConditionContext } from '../conditions/compile-condition.ts';
import type { ConditionGroup } from '../conditions/condition-schema.ts';
import type { Profile } from '../profiles/profile.ts';
import type { ProfileOperation } from '../steps/kinds/update-profile.ts';

/** A condition's explanation on one line: `order_placed 0 times in the last 7 days (rule: …)`. */
export function explainInline(
  group: ConditionGroup,
  profile: Profile,
  ctx: ConditionContext,
): string {
  const lines = explainCondition(group, profile, ctx).split('\n');
  const body = lines.length > 1 ? lines.slice(1) : lines;
  return body.map((l) => l.trim().replace(/^[✓✗] /, '')).join('; ');
}

/** Describes profile changes for traces. */
export function describeOperations(ops: readonly ProfileOperation[]): string {
  return ops
    .map((op) =>
      op.type === 'set_attribute'
        ? `set ${op.attribute} = ${JSON.stringify(op.value)}`
        : op.type === 'add_tag'
          ? `added tag ${op.tag}`
          : `removed tag ${op.tag}`,
    )
    .join(', ');
}
