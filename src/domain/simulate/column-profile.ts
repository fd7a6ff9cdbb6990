import type { Profile, ProfileAttributes, ProfileEvent } from '../profiles/profile.ts';
import type { ProfileColumns } from './profile-columns.ts';

/**
 * An entrant of columns as a profile whose id is read from the id column and whose attributes
 * and events are built from the columns (`columns.profile(i)`) only when first read, once.
 * Most entrants of a stored set never need them: the engine finds entries, reachability (the
 * reach column) and the times and names of events from the columns, and asks for the object
 * only when a step reads attributes or a property filter or a conversion reads an event's props.
 *
 * `attributes` and `events` are getters on the class, not own properties: spreading one
 * (`{ ...profile }`), `Object.assign`, `structuredClone`, `JSON.stringify` or posting it to a
 * worker drops them (and copies the columns). Nothing does: the engine passes entrants by
 * reference and copies a changed profile field by field (`ProfileState.writableAttributes`);
 * read the fields by name, or ask `columns.profile(i)` for a plain object. The lazy-entrants
 * tests compare runs over these with runs over objects, on random journeys of every step kind.
 */
export class ColumnProfile implements Profile {
  private built: Profile | null = null;

  constructor(
    readonly id: string,
    private readonly columns: ProfileColumns,
    private readonly index: number,
  ) {}

  get attributes(): ProfileAttributes {
    return this.whole().attributes;
  }

  get events(): ProfileEvent[] {
    return this.whole().events;
  }

  private whole(): Profile {
    this.built ??= this.columns.profile(this.index);
    return this.built;
  }
}

/**
 * Profile `i` of `columns` for the engine: the object itself when the columns hold objects
 * (nothing to save), else a {@link ColumnProfile} that builds it only when read.
 */
export function entrantProfile(columns: ProfileColumns, i: number): Profile {
  return columns.objectsHeld === true
    ? columns.profile(i)
    : new ColumnProfile(columns.id(i), columns, i);
}
