import type { Profile } from '../profiles/profile.ts';
import { JOURNEY_TEMPLATE_FIELDS, PROFILE_TEMPLATE_FIELDS } from './template-variables.ts';

/**
 * What the checks know about the customers a journey will message: the fields seen in the
 * chosen profile set and the properties of the events that start the journey. Without a
 * profile set only built-in fields and journey values are known, and custom fields or event
 * properties are not reported as unknown (nothing says they are wrong).
 */
export interface TemplateContext {
  /** Custom attribute names seen in the profile set (without `custom.`). */
  customFields: readonly string[];
  /** Properties seen per event name, e.g. `{ order_placed: ['amount', 'orderId'] }`. */
  eventProperties: Readonly<Record<string, readonly string[]>>;
  /** Profiles to measure how often a field is missing (a sample of the set is enough). */
  profiles: readonly Profile[];
  /** Name of the profile set, for messages ("in Demo customers"). */
  profileSetName: string;
}

/** Collects custom fields and event properties from profiles. */
export function templateContextFrom(
  profiles: readonly Profile[],
  profileSetName: string,
): TemplateContext {
  const custom = new Set<string>();
  const events = new Map<string, Set<string>>();
  for (const p of profiles) {
    for (const k of Object.keys(p.attributes.custom)) custom.add(k);
    for (const e of p.events) {
      let props = events.get(e.name);
      if (props === undefined) events.set(e.name, (props = new Set()));
      for (const k of Object.keys(e.props ?? {})) props.add(k);
    }
  }
  return {
    customFields: [...custom].sort(),
    eventProperties: Object.fromEntries(
      [...events].sort(([a], [b]) => a.localeCompare(b)).map(([n, s]) => [n, [...s].sort()]),
    ),
    profiles,
    profileSetName,
  };
}

/**
 * Every path a template in this journey may read, likeliest first (suggestions prefer earlier
 * names on ties): built-in profile fields, journey values, then custom fields and the trigger
 * events' properties when a profile set says what they are.
 */
export function knownTemplatePaths(
  context: TemplateContext | undefined,
  triggerEvents: readonly string[],
): string[] {
  const paths: string[] = [...PROFILE_TEMPLATE_FIELDS, ...JOURNEY_TEMPLATE_FIELDS, 'event.name'];
  if (context === undefined) return paths;
  for (const k of context.customFields) paths.push(`profile.custom.${k}`);
  for (const name of triggerEvents) {
    // Own keys only: a trigger named `constructor` or `__proto__` must not read Object's.
    if (!Object.hasOwn(context.eventProperties, name)) continue;
    for (const k of context.eventProperties[name] ?? []) paths.push(`event.${k}`);
  }
  return [...new Set(paths)];
}
