import { PROFILE_SCHEMA_VERSION, type Profile } from '../domain/profiles/profile';
import { type EncodedProfiles, encodeProfiles, PROFILE_CODEC_VERSION, Tag } from './profile-codec';
import { type Cursor, Decoder, readProfile } from './profile-codec-decode';
import { checkChunk } from './profile-chunks';
import { PackedStrings } from './packed-strings';
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
 * A stored chunk ready for a set's table: its encoded streams, its strings packed (see
 * {@link PackedStrings}) and what the table's columns read, worked out once. Nothing in it but
 * typed arrays, one string and the chunk's few key lists, so it crosses from a worker to the
 * page with its buffers transferred and next to nothing to copy or to collect.
 */
export interface PackedChunk {
  count: number;
  text: string;
  offsets: Int32Array;
  shapes: string[][];
  tags: Uint8Array;
  ints: Uint16Array | Uint32Array;
  nums: Float64Array;
  /** Per profile, where it starts in `tags`, `ints` and `nums` (three entries a profile). */
  cursors: Int32Array;
  /** Per profile, its id's string. */
  idText: Int32Array;
  /** Per field of {@link ATTRIBUTE_FIELDS} then per profile, the value's string (-1: none). */
  fieldText: Int32Array;
  events: Int32Array;
  /** The time of each profile's last event; NaN when it has none. */
  lastAt: Float64Array;
}

/** The buffers of a packed chunk, to transfer with it. */
export function packedBuffers(chunk: PackedChunk): ArrayBuffer[] {
  const arrays = [
    chunk.offsets,
    chunk.tags,
    chunk.ints,
    chunk.nums,
    chunk.cursors,
    chunk.idText,
    chunk.fieldText,
    chunk.events,
    chunk.lastAt,
  ];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

function damaged(): TypeError {
  return new TypeError('damaged');
}

/** A decoder that reads a chunk's strings from their packed form. */
export class PackedDecoder extends Decoder {
  constructor(
    encoded: EncodedProfiles,
    private readonly packed: PackedStrings,
    from?: Cursor,
  ) {
    super(encoded, from);
  }

  override string(): string {
    const s = this.packed.at(this.int());
    if (s === undefined) throw damaged();
    return s;
  }
}

const NO_STRINGS: string[] = [];

/** The streams of a packed chunk, for a {@link PackedDecoder}. */
export function streamsOf(chunk: PackedChunk): EncodedProfiles {
  const { shapes, tags, ints, nums } = chunk;
  return { strings: NO_STRINGS, shapes, tags, ints, nums };
}

/** Decodes profile `k` of a packed chunk. */
export function unpackProfile(chunk: PackedChunk, strings: PackedStrings, k: number): Profile {
  const { cursors } = chunk;
  const at = {
    t: cursors[3 * k] as number,
    i: cursors[3 * k + 1] as number,
    n: cursors[3 * k + 2] as number,
  };
  return readProfile(new PackedDecoder(streamsOf(chunk), strings, at));
}

function pack(encoded: EncodedProfiles, count: number): PackedChunk {
  const strings = PackedStrings.of(encoded.strings);
  const { shapes, tags, ints, nums } = encoded;
  const cursors = new Int32Array(3 * count);
  const idText = new Int32Array(count);
  const fieldText = new Int32Array(ATTRIBUTE_FIELDS.length * count).fill(-1);
  const events = new Int32Array(count);
  const lastAt = new Float64Array(count);
  const d = new PackedDecoder(encoded, strings);
  const c = d.c;
  const stringAt = (index: number) => {
    if (!(index < strings.length)) throw damaged();
    return index;
  };
  for (let k = 0; k < count; k++) {
    cursors[3 * k] = c.t;
    cursors[3 * k + 1] = c.i;
    cursors[3 * k + 2] = c.n;
    idText[k] = stringAt(d.int());
    if (d.peek() === Tag.Object) {
      d.skip();
      const keys = shapes[d.int()];
      if (keys === undefined) throw damaged();
      for (const key of keys) {
        const field = FIELD_OF.get(key);
        if (field !== undefined && d.peek() === Tag.String) {
          d.skip();
          fieldText[field * count + k] = stringAt(d.int());
        } else d.skipValue();
      }
    } else d.skipValue();
    const length = d.int();
    let last = Number.NaN;
    for (let e = 0; e < length; e++) {
      stringAt(d.int());
      last = d.num();
      if (d.peek() === Tag.Absent) d.skip();
      else d.skipValue();
    }
    events[k] = length;
    lastAt[k] = last;
  }
  if (!d.done()) throw damaged();
  const { text, offsets } = strings;
  return {
    count,
    text,
    offsets,
    shapes,
    tags,
    ints,
    nums,
    cursors,
    idText,
    fieldText,
    events,
    lastAt,
  };
}

/**
 * A stored chunk packed for a set's table; throws if it is damaged (saying which set) or was
 * written by a newer version. Chunks written as objects or by an older schema are checked as
 * `checkChunk` does (zod fills what older versions lacked) and encoded as they would be now.
 */
export function packChunk(chunk: ProfileChunkRecord): PackedChunk {
  const current =
    'columns' in chunk &&
    chunk.v === PROFILE_SCHEMA_VERSION &&
    typeof chunk.codec === 'number' &&
    chunk.codec <= PROFILE_CODEC_VERSION;
  if (!current) {
    const profiles = checkChunk(chunk);
    return pack(encodeProfiles(profiles), profiles.length);
  }
  try {
    return pack(chunk.columns, chunk.count);
  } catch {
    throw new TypeError(`A stored chunk of profile set ${chunk.setId} is damaged.`);
  }
}
