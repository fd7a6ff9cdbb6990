import type { Profile } from './profile';

/** Columns a profile table can sort by; `custom:<key>` sorts by a custom attribute. */
export type ProfileSortKey =
  | 'id'
  | 'name'
  | 'email'
  | 'country'
  | 'plan'
  | 'signupDate'
  | 'events'
  | 'lastEventAt'
  | `custom:${string}`;

/** A sort order for a profile table. */
export interface ProfileSort {
  key: ProfileSortKey;
  direction: 'asc' | 'desc';
}

type SortValue = string | number | undefined;

function sortValue(profile: Profile, key: ProfileSortKey): SortValue {
  switch (key) {
    case 'id':
      return profile.id;
    case 'events':
      return profile.events.length;
    case 'lastEventAt':
      return profile.events[profile.events.length - 1]?.at;
    case 'name':
    case 'email':
    case 'country':
    case 'plan':
    case 'signupDate':
      return profile.attributes[key]?.toLowerCase();
    default: {
      const value = profile.attributes.custom[key.slice('custom:'.length)];
      if (value === null || value === undefined) return undefined;
      return typeof value === 'boolean' ? Number(value) : value;
    }
  }
}

const collator = new Intl.Collator('en', { numeric: true });

/** The order of two sort values: numbers by value, anything else as text, numbers inside it by value. */
export function compareSortValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** Whether a profile's id, name, email or phone contains the search text (any case). */
export function matchesSearch(profile: Profile, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (needle === '') return true;
  const { name, email, phone } = profile.attributes;
  return [profile.id, name, email, phone].some(
    (field) => field !== undefined && field.toLowerCase().includes(needle),
  );
}

/**
 * Filters by search text and sorts, for a table of profiles. Ties keep the input order; profiles
 * without a value for the sort key come last.
 */
export function queryProfiles(
  profiles: readonly Profile[],
  sort?: ProfileSort,
  search?: string,
): Profile[] {
  const found =
    search && search.trim() !== ''
      ? profiles.filter((p) => matchesSearch(p, search))
      : [...profiles];
  if (!sort) return found;
  const sign = sort.direction === 'asc' ? 1 : -1;
  const keyed = found.map((profile, index) => ({
    profile,
    index,
    value: sortValue(profile, sort.key),
  }));
  keyed.sort((x, y) => {
    if (x.value === undefined || y.value === undefined) {
      if (x.value === y.value) return x.index - y.index;
      return x.value === undefined ? 1 : -1;
    }
    return sign * compareSortValues(x.value, y.value) || x.index - y.index;
  });
  return keyed.map((k) => k.profile);
}
