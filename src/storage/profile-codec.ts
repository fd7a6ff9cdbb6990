import { REACH_RULE, reachMask } from '../domain/conditions/reachability';
import type { Profile } from '../domain/profiles/profile';
import { PackedStrings } from './packed-strings';
import { Tag, toUint, ValueEncoder, type ValueStreams } from './profile-codec-values';

export { Tag } from './profile-codec-values';

/**
 * The columnar encoding of a chunk of profiles (codec 2), as stored in IndexedDB: what the
 * simulator reads is stored as it reads it, and nothing in it is a per-value object.
 *
 * Why: IndexedDB structured-clones what it stores. Codec 1 (`profile-codec-v1.ts`) kept a
 * chunk's ~7,000 distinct strings as an array, and reading it meant deserialising each string,
 * then walking every profile's attributes and props to find its events: in Chromium that was
 * ~2 ms a chunk of 1,000 profiles for the strings (a local `structuredClone` of 50 chunks took
 * 110–280 ms with the strings, 10–20 ms without) and 55–85 ms per 100,000 profiles for the walk.
 * Here the strings are one string and a table of offsets (one copy), and the events' names and
 * times and where each profile starts are typed arrays, so a read gives the simulator's columns
 * with a copy and a few checks.
 *
 * Layout: per profile its id (`ids`, an index into the strings), where its events start in the
 * event columns (`eventStart`), and where its attributes start in the value streams (`cursors`);
 * per event its name (`eventName`, an index into `eventNames`) and time (`eventAt`). The value
 * streams (see `profile-codec-values.ts`) hold each profile's attributes, then the props of each
 * of its events ({@link Tag.Absent} when an event has none).
 */
export interface EncodedProfiles extends ValueStreams {
  /** The chunk's distinct strings (ids and string values), joined: see {@link PackedStrings}. */
  text: string;
  offsets: Int32Array;
  /** Per profile, its id's string. */
  ids: Int32Array;
  /** Profile `k`'s events are `eventStart[k]` to `eventStart[k + 1]`: one more than profiles. */
  eventStart: Int32Array;
  /** The chunk's distinct event names. */
  eventNames: string[];
  /** Per event, its name as an index into `eventNames`. */
  eventName: Uint16Array | Uint32Array;
  /** Per event, its time (epoch ms). */
  eventAt: Float64Array;
  /** Per profile, where its attributes start in `tags`, `ints` and `nums` (three a profile). */
  cursors: Int32Array;
  /**
   * Per profile, the channels it is reachable on (`reachMask`, bit `c` for `CHANNELS[c]`), so
   * the simulator reads no entrant's consent or contact details. Chunks written before it have
   * none: readers then work it out from the profile, as before (no upgrade of stored sets).
   */
  reach?: Uint8Array;
  /** The {@link REACH_RULE} `reach` was worked out by; under another, `reach` is not read. */
  reachRule?: string;
}

/** Whether the chunk's reach bytes may be read: present, and worked out by today's rule. */
export function readableReach(e: EncodedProfiles): boolean {
  return e.reach !== undefined && e.reachRule === REACH_RULE;
}

/** The encoding's version, stored beside it so a later format can still read this one. */
export const PROFILE_CODEC_VERSION = 2;

/**
 * The same text, held one byte a character when every character fits. V8 keeps a string two
 * bytes a character when any piece it was joined from was (generated e-mail addresses are:
 * made from names with their accents taken off), and IndexedDB stores it as held: a chunk's
 * text took 184 KB instead of 92 KB, a fifth of the chunk. `String.fromCharCode` of codes below
 * 256 makes a one-byte string.
 */
function oneByte(text: string): string {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A character beyond Latin-1: two bytes a character it is.
    if (code > 0xff) return text;
    codes[i] = code;
  }
  const pieces: string[] = [];
  for (let from = 0; from < codes.length; from += 8_192)
    pieces.push(String.fromCharCode(...codes.subarray(from, from + 8_192)));
  return pieces.join('');
}

/** Encodes profiles for storage; `decodeProfiles` gives back deep-equal profiles. */
export function encodeProfiles(profiles: readonly Profile[]): EncodedProfiles {
  const e = new ValueEncoder();
  const count = profiles.length;
  const ids = new Int32Array(count);
  const eventStart = new Int32Array(count + 1);
  const cursors = new Int32Array(3 * count);
  const reach = new Uint8Array(count);
  const eventNames: string[] = [];
  const nameIndex = new Map<string, number>();
  const eventName: number[] = [];
  const eventAt: number[] = [];
  for (let k = 0; k < count; k++) {
    const profile = profiles[k] as Profile;
    ids[k] = e.indexOf(profile.id);
    reach[k] = reachMask(profile);
    cursors[3 * k] = e.tags.length;
    cursors[3 * k + 1] = e.ints.length;
    cursors[3 * k + 2] = e.nums.length;
    e.value(profile.attributes);
    eventStart[k] = eventAt.length;
    for (const event of profile.events) {
      if (typeof event.name !== 'string' || typeof event.at !== 'number') {
        throw new TypeError(`An event of profile ${profile.id} has no name or time.`);
      }
      let name = nameIndex.get(event.name);
      if (name === undefined) {
        name = eventNames.length;
        eventNames.push(event.name);
        nameIndex.set(event.name, name);
      }
      eventName.push(name);
      eventAt.push(event.at);
      if ('props' in event) e.value(event.props);
      else e.tags.push(Tag.Absent);
    }
  }
  eventStart[count] = eventAt.length;
  const { text, offsets } = PackedStrings.of(e.strings);
  return {
    text: oneByte(text),
    offsets,
    ids,
    eventStart,
    eventNames,
    eventName: toUint(eventName),
    eventAt: new Float64Array(eventAt),
    cursors,
    shapes: e.shapes,
    tags: new Uint8Array(e.tags),
    ints: toUint(e.ints),
    nums: new Float64Array(e.nums),
    reach,
    reachRule: REACH_RULE,
  };
}
