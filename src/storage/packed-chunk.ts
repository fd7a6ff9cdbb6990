import type { Profile } from '../domain/profiles/profile';
import { PackedStrings } from './packed-strings';
import { type EncodedProfiles, encodeProfiles } from './profile-codec';
import { checkEncoded, decodeProfileAt } from './profile-codec-decode';
import { damagedChunk, Decoder, Tag } from './profile-codec-values';
import { checkChunk, currentColumns } from './profile-chunks';
import type { ProfileChunkRecord } from './records';

/** The attribute fields a table column reads, by their key in the attributes. */
export const ATTRIBUTE_FIELDS = [
  'name',
  'email',
  'phone',
  'country',
  'plan',
  'signupDate',
] as const;
const FIELD_OF = new Map<string, number>(ATTRIBUTE_FIELDS.map((field, f) => [field, f]));

/**
 * A stored chunk ready for a set's table: its stored columns (strings already packed, see
 * {@link PackedStrings}) and the attribute fields the table's columns read, worked out once.
 * Nothing in it but typed arrays, one string and the chunk's few key lists and event names, so
 * it crosses from a worker to the page with its buffers transferred and next to nothing to copy
 * or to collect.
 */
export interface PackedChunk extends EncodedProfiles {
  count: number;
  /** Per field of {@link ATTRIBUTE_FIELDS} then per profile, the value's string (-1: none). */
  fieldText: Int32Array;
}

/** The buffers of a packed chunk, to transfer with it. */
export function packedBuffers(chunk: PackedChunk): ArrayBuffer[] {
  const arrays = [
    chunk.offsets,
    chunk.ids,
    chunk.eventStart,
    chunk.eventName,
    chunk.eventAt,
    chunk.cursors,
    chunk.tags,
    chunk.ints,
    chunk.nums,
    chunk.fieldText,
  ];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** Profile `k` of a packed chunk: how many events it has. */
export function eventCountOf(chunk: PackedChunk, k: number): number {
  return (chunk.eventStart[k + 1] as number) - (chunk.eventStart[k] as number);
}

/** Profile `k` of a packed chunk: its last event's time, NaN when it has none. */
export function lastEventAtOf(chunk: PackedChunk, k: number): number {
  const end = chunk.eventStart[k + 1] as number;
  return end > (chunk.eventStart[k] as number) ? (chunk.eventAt[end - 1] as number) : Number.NaN;
}

/** Decodes profile `k` of a packed chunk. */
export function unpackProfile(chunk: PackedChunk, strings: PackedStrings, k: number): Profile {
  return decodeProfileAt(chunk, strings, k);
}

/** The table's fields of each profile, read from its attributes (a plain object nearly always). */
function fieldsOf(encoded: EncodedProfiles, count: number, strings: PackedStrings): Int32Array {
  const fieldText = new Int32Array(ATTRIBUTE_FIELDS.length * count).fill(-1);
  const { cursors, shapes } = encoded;
  const d = new Decoder(encoded, strings);
  const c = d.c;
  for (let k = 0; k < count; k++) {
    c.t = cursors[3 * k] as number;
    c.i = cursors[3 * k + 1] as number;
    c.n = cursors[3 * k + 2] as number;
    if (d.peek() !== Tag.Object) continue;
    d.skip();
    const keys = shapes[d.int()];
    if (keys === undefined) throw damagedChunk();
    for (const key of keys) {
      const field = FIELD_OF.get(key);
      if (field !== undefined && d.peek() === Tag.String) {
        d.skip();
        const index = d.int();
        if (!(index < strings.length)) throw damagedChunk();
        fieldText[field * count + k] = index;
      } else d.skipValue();
    }
  }
  return fieldText;
}

function pack(encoded: EncodedProfiles, count: number): PackedChunk {
  checkEncoded(encoded, count);
  const strings = new PackedStrings(encoded.text, encoded.offsets);
  return { ...encoded, count, fieldText: fieldsOf(encoded, count, strings) };
}

/**
 * A stored chunk packed for a set's table; throws if it is damaged (saying which set) or was
 * written by a newer version. Chunks of an older codec or schema, or written as objects, are
 * checked as `checkChunk` does (zod fills what older versions lacked) and encoded as they would
 * be now. A profile's props are checked when it is decoded (a profile's page), not here.
 */
export function packChunk(chunk: ProfileChunkRecord): PackedChunk {
  const columns = currentColumns(chunk);
  if (columns === undefined) {
    const profiles = checkChunk(chunk);
    return pack(encodeProfiles(profiles), profiles.length);
  }
  try {
    return pack(columns, 'count' in chunk ? chunk.count : -1);
  } catch {
    throw new TypeError(`A stored chunk of profile set ${chunk.setId} is damaged.`);
  }
}
