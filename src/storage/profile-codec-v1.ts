import type { Profile, ProfileAttributes, ProfileEvent, Scalar } from '../domain/profiles/profile';
import { damagedChunk, Decoder, Tag, toUint, ValueEncoder } from './profile-codec-values';

/**
 * The first columnar encoding of a chunk (codec 1), as sets stored before codec 2 hold it: every
 * profile written in order into the value streams as its id (a string index in `ints`), its
 * attributes, its event count and per event the name, the time (`nums`) and the props (or
 * {@link Tag.Absent}). Reading a chunk meant walking all of it, and structured-cloning its
 * thousands of strings one by one. Still read (see `checkChunk`); the schema upgrade to
 * version 6 rewrites these chunks in codec 2.
 */
export interface EncodedProfilesV1 {
  /** Distinct strings of the chunk: ids, event names and string values. */
  strings: string[];
  shapes: string[][];
  tags: Uint8Array;
  ints: Uint16Array | Uint32Array;
  nums: Float64Array;
}

/** The version number codec 1 chunks carry. */
export const PROFILE_CODEC_V1 = 1;

/** Encodes profiles in codec 1: what sets written before codec 2 hold (tests write old sets with it). */
export function encodeProfilesV1(profiles: readonly Profile[]): EncodedProfilesV1 {
  const e = new ValueEncoder();
  for (const profile of profiles) {
    e.string(profile.id);
    e.value(profile.attributes);
    const events = profile.events;
    e.ints.push(events.length);
    for (const event of events) {
      if (typeof event.name !== 'string' || typeof event.at !== 'number') {
        throw new TypeError(`An event of profile ${profile.id} has no name or time.`);
      }
      e.string(event.name);
      e.nums.push(event.at);
      if ('props' in event) e.value(event.props);
      else e.tags.push(Tag.Absent);
    }
  }
  return {
    strings: e.strings,
    shapes: e.shapes,
    tags: new Uint8Array(e.tags),
    ints: toUint(e.ints),
    nums: new Float64Array(e.nums),
  };
}

/** Decodes `count` profiles of a codec 1 chunk; throws if the chunk is damaged. */
export function decodeProfilesV1(encoded: EncodedProfilesV1, count: number): Profile[] {
  const strings = encoded.strings;
  const d = new Decoder(encoded, { at: (index) => strings[index] });
  const profiles: Profile[] = [];
  for (let p = 0; p < count; p++) {
    const id = d.string();
    const attributes = d.value() as ProfileAttributes;
    const length = d.int();
    const events: ProfileEvent[] = [];
    for (let k = 0; k < length; k++) {
      const name = d.string();
      const at = d.num();
      if (d.peek() === Tag.Absent) {
        d.skip();
        events.push({ name, at });
      } else events.push({ name, at, props: d.value() as Record<string, Scalar> });
    }
    profiles.push({ id, attributes, events });
  }
  if (!d.at(d.end())) throw damagedChunk();
  return profiles;
}
