import type { Consent, Profile, ProfileAttributes, ProfileEvent, Scalar } from './profile';

const STRING_ATTRIBUTES = [
  'name',
  'email',
  'phone',
  'pushToken',
  'timeZone',
  'locale',
  'country',
  'birthday',
  'signupDate',
  'plan',
] as const;

function isEmpty(value: Scalar | undefined): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

function sameProps(a: ProfileEvent['props'], b: ProfileEvent['props']): boolean {
  if (a === b) return true;
  const left = a ?? {};
  const right = b ?? {};
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((k) => Object.hasOwn(right, k) && left[k] === right[k]);
}

function byTime(a: ProfileEvent, b: ProfileEvent): number {
  return a.at - b.at;
}

/** Sorts events by time (stable) and drops exact duplicates: same name, time and props. */
export function sortAndDedupeEvents(events: readonly ProfileEvent[]): ProfileEvent[] {
  const sorted = [...events].sort(byTime);
  const out: ProfileEvent[] = [];
  // Duplicates share a time, so only events at the current time need comparing.
  let sameTime: ProfileEvent[] = [];
  for (const event of sorted) {
    if (sameTime.length > 0 && sameTime[0]?.at !== event.at) sameTime = [];
    if (sameTime.some((e) => e.name === event.name && sameProps(e.props, event.props))) continue;
    sameTime.push(event);
    out.push(event);
  }
  return out;
}

function mergeAttributes(into: ProfileAttributes, later: ProfileAttributes): ProfileAttributes {
  const merged: ProfileAttributes = {
    ...into,
    consent: { ...into.consent },
    tags: [...into.tags],
    custom: { ...into.custom },
  };
  assignAttributes(merged, later);
  return merged;
}

/** Folds `later` into `target` in place, by the rules of {@link mergeProfiles}. */
export function assignAttributes(merged: ProfileAttributes, later: ProfileAttributes): void {
  for (const key of STRING_ATTRIBUTES) {
    const value = later[key];
    if (value !== undefined && value.trim() !== '') merged[key] = value;
  }
  for (const [channel, given] of Object.entries(later.consent) as Array<
    [keyof Consent, boolean | undefined]
  >) {
    if (given !== undefined) merged.consent[channel] = given;
  }
  for (const tag of later.tags) if (!merged.tags.includes(tag)) merged.tags.push(tag);
  for (const [key, value] of Object.entries(later.custom)) {
    if (!isEmpty(value)) merged.custom[key] = value;
  }
}

/**
 * Merges profiles that describe one customer, earliest first: the first id is kept; non-empty
 * later attribute values win; tags are unioned; consent takes the latest explicit answer per
 * channel; events are concatenated, sorted and exact duplicates dropped.
 */
export function mergeProfiles(first: Profile, ...later: Profile[]): Profile {
  let attributes = first.attributes;
  const events = [...first.events];
  for (const profile of later) {
    attributes = mergeAttributes(attributes, profile.attributes);
    for (const event of profile.events) events.push(event);
  }
  return { id: first.id, attributes, events: sortAndDedupeEvents(events) };
}
