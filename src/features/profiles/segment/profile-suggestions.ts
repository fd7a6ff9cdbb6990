import type { AttributeValueType } from '../../../domain/conditions/condition-schema.ts';
import type { Profile, Scalar } from '../../../domain/profiles/profile.ts';
import type { Suggestions } from '../../../ui/condition-builder/suggestions.ts';

const SAMPLE = 2_000;

function typeOf(value: Scalar): AttributeValueType | undefined {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'date' : 'text';
  return undefined;
}

/**
 * Custom attributes (with their types) and event names seen in a sample of `count` profiles,
 * `profileAt(i)` giving the i-th (decoded on request from a set's table).
 */
export function suggestionsFromProfiles(
  count: number,
  profileAt: (i: number) => Profile,
): Suggestions {
  const attributeTypes: Record<string, AttributeValueType> = {};
  const events = new Set<string>();
  const step = Math.max(1, Math.floor(count / SAMPLE));
  for (let i = 0; i < count; i += step) {
    const profile = profileAt(i);
    for (const [key, value] of Object.entries(profile.attributes.custom)) {
      const type = typeOf(value);
      if (type && attributeTypes[`custom.${key}`] === undefined)
        attributeTypes[`custom.${key}`] = type;
    }
    for (const event of profile.events) events.add(event.name);
  }
  return {
    attributes: Object.keys(attributeTypes).sort(),
    events: [...events].sort(),
    attributeTypes,
  };
}
