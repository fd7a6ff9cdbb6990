import type { Profile } from '../profile.ts';
import { type SearchBlock, searchBlock } from './search-block.ts';

/** The text a profile table shows, sorts and searches by. */
export const TABLE_TEXT_FIELDS = [
  'id',
  'name',
  'email',
  'phone',
  'country',
  'plan',
  'signupDate',
] as const;
export type TableTextField = (typeof TABLE_TEXT_FIELDS)[number];

/**
 * A profile set as a table's columns: what a row shows and what sort and search read, without
 * a profile object per profile. The set page holds 100,000 profiles; as objects (each with its
 * attributes, events and props) they were millions of live objects, and the garbage collector's
 * pauses over them were the long tasks while a person scrolled. Rows on screen are read from
 * the columns; a condition filter and a profile's page decode the profiles they need.
 */
export interface ProfileTableColumns {
  readonly count: number;
  /** Profile `i`'s text field, or undefined when it has none (or holds something else). */
  text(field: TableTextField, i: number): string | undefined;
  eventCount(i: number): number;
  /** The time of profile `i`'s last event, in its stored order; undefined when it has none. */
  lastEventAt(i: number): number | undefined;
  /** The searched text of every profile, a run of profiles a block (see {@link SearchBlock}). */
  searchBlocks(): Iterable<SearchBlock>;
  /** Profile `i` as an object, built on request. */
  profile(i: number): Profile;
}

const BLOCK = 1_000;

/** Columns over profiles already in memory: for tests, and the same answers by definition. */
export function tableColumnsOf(profiles: readonly Profile[]): ProfileTableColumns {
  const at = (i: number): Profile => {
    const profile = profiles[i];
    if (profile === undefined) throw new RangeError(`There is no profile ${i}.`);
    return profile;
  };
  const text = (field: TableTextField, i: number): string | undefined => {
    const profile = at(i);
    const value: unknown = field === 'id' ? profile.id : profile.attributes[field];
    return typeof value === 'string' ? value : undefined;
  };
  let blocks: SearchBlock[] | undefined;
  return {
    count: profiles.length,
    text,
    eventCount: (i) => at(i).events.length,
    lastEventAt: (i) => {
      const events = at(i).events;
      return events[events.length - 1]?.at;
    },
    searchBlocks: () => {
      if (blocks === undefined) {
        blocks = [];
        for (let first = 0; first < profiles.length; first += BLOCK) {
          const rows = Math.min(BLOCK, profiles.length - first);
          blocks.push(searchBlock(first, rows, (k, field) => text(field, first + k)));
        }
      }
      return blocks;
    },
    profile: at,
  };
}
