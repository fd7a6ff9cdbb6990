import { grown } from '../domain/simulate/profile-columns';
import { PROFILE_SCHEMA_VERSION, type Profile } from '../domain/profiles/profile';
import { type SearchBlock, searchBlock } from '../domain/profiles/table/search-block';
import type { ProfileTableColumns, TableTextField } from '../domain/profiles/table/table-columns';
import { type EncodedProfiles, PROFILE_CODEC_VERSION, Tag } from './profile-codec';
import { type Cursor, Decoder, readProfile } from './profile-codec-decode';
import { PackedStrings } from './packed-strings';
import { checkChunk } from './profile-chunks';
import type { ProfileChunkRecord } from './records';

/** The attribute fields a table column reads, by their key in the attributes. */
const ATTRIBUTE_FIELDS = ['name', 'email', 'phone', 'country', 'plan', 'signupDate'] as const;
const FIELD_OF = new Map<string, number>(ATTRIBUTE_FIELDS.map((field, f) => [field, f]));

/** One stored chunk as the table keeps it. */
interface TableChunk {
  /** The table index of its first profile. */
  first: number;
  count: number;
  /** The strings the profiles' text columns point into. */
  strings: PackedStrings;
  /** The stored columns but their strings, to decode a profile from (absent: kept as objects). */
  encoded?: EncodedProfiles;
  /** Profiles of a chunk written as objects or by an older schema, as read. */
  objects?: readonly Profile[];
  search?: SearchBlock;
}

const NO_STRINGS: string[] = [];

function damaged(): TypeError {
  return new TypeError('damaged');
}

/** A decoder that reads a chunk's strings from their packed form. */
class PackedDecoder extends Decoder {
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

/**
 * A stored profile set as a table's columns (see {@link ProfileTableColumns}): each stored chunk
 * is kept as IndexedDB gave it (its typed arrays, and its strings packed into one: see
 * {@link PackedStrings}), walked once for what the table
 * shows (id, name, email, phone, country, plan, signup date, event count and last event time, as
 * indexes into the chunk's strings and as numbers), and a profile is decoded only when asked
 * for. Chunks are added in stored order while the set is read; rows already added never change.
 */
export class ProfileSetTable implements ProfileTableColumns {
  count = 0;
  private readonly chunks: TableChunk[] = [];
  /** Per profile: its chunk, and where it starts in the chunk's three streams. */
  private chunkOf = new Int32Array(0);
  private cursorT = new Int32Array(0);
  private cursorI = new Int32Array(0);
  private cursorN = new Int32Array(0);
  /** Per profile: its id's string, and each attribute field's (-1: none), in its chunk. */
  private idText = new Int32Array(0);
  private fieldText = ATTRIBUTE_FIELDS.map(() => new Int32Array(0));
  private events = new Int32Array(0);
  /** NaN when the profile has no event. */
  private lastAt = new Float64Array(0);

  constructor(readonly setId: string) {}

  /** Adds a stored chunk's profiles after those already added; throws if it is damaged. */
  add(chunk: ProfileChunkRecord): void {
    if (
      'columns' in chunk &&
      chunk.v === PROFILE_SCHEMA_VERSION &&
      typeof chunk.codec === 'number' &&
      chunk.codec <= PROFILE_CODEC_VERSION
    ) {
      const first = this.count;
      try {
        this.addEncoded(chunk.columns, chunk.count);
      } catch {
        // Rows past `count` are never read: dropping the partial chunk keeps the table whole.
        this.count = first;
        throw new TypeError(`A stored chunk of profile set ${chunk.setId} is damaged.`);
      }
    } else this.addObjects(checkChunk(chunk));
  }

  private addEncoded(encoded: EncodedProfiles, count: number): void {
    const chunk = this.chunks.length;
    const first = this.count;
    this.reserve(first + count);
    const strings = new PackedStrings(encoded.strings);
    // Without the strings, so the array IndexedDB made of them can be collected young.
    const kept: EncodedProfiles = { ...encoded, strings: NO_STRINGS };
    const { shapes } = encoded;
    const d = new PackedDecoder(kept, strings);
    const c = d.c;
    const stringAt = (index: number) => {
      if (!(index < strings.length)) throw damaged();
      return index;
    };
    for (let p = first; p < first + count; p++) {
      this.chunkOf[p] = chunk;
      this.cursorT[p] = c.t;
      this.cursorI[p] = c.i;
      this.cursorN[p] = c.n;
      this.idText[p] = stringAt(d.int());
      for (const column of this.fieldText) column[p] = -1;
      if (d.peek() === Tag.Object) {
        d.skip();
        const keys = shapes[d.int()];
        if (keys === undefined) throw damaged();
        for (const key of keys) {
          const field = FIELD_OF.get(key);
          if (field !== undefined && d.peek() === Tag.String) {
            d.skip();
            (this.fieldText[field] as Int32Array)[p] = stringAt(d.int());
          } else d.skipValue();
        }
      } else d.skipValue();
      const length = d.int();
      let last = Number.NaN;
      for (let k = 0; k < length; k++) {
        stringAt(d.int());
        last = d.num();
        if (d.peek() === Tag.Absent) d.skip();
        else d.skipValue();
      }
      this.events[p] = length;
      this.lastAt[p] = last;
    }
    if (!d.done()) throw damaged();
    this.chunks.push({ first, count, strings, encoded: kept });
    this.count = first + count;
  }

  private addObjects(profiles: readonly Profile[]): void {
    const chunk = this.chunks.length;
    const first = this.count;
    this.reserve(first + profiles.length);
    const strings: string[] = [];
    const text = (value: unknown) => {
      if (typeof value !== 'string') return -1;
      strings.push(value);
      return strings.length - 1;
    };
    profiles.forEach((profile, k) => {
      const p = first + k;
      this.chunkOf[p] = chunk;
      this.idText[p] = text(profile.id);
      ATTRIBUTE_FIELDS.forEach((field, f) => {
        (this.fieldText[f] as Int32Array)[p] = text(profile.attributes[field]);
      });
      this.events[p] = profile.events.length;
      this.lastAt[p] = profile.events[profile.events.length - 1]?.at ?? Number.NaN;
    });
    this.chunks.push({
      first,
      count: profiles.length,
      strings: new PackedStrings(strings),
      objects: profiles,
    });
    this.count = first + profiles.length;
  }

  private reserve(n: number): void {
    this.chunkOf = grown(this.chunkOf, n);
    this.cursorT = grown(this.cursorT, n);
    this.cursorI = grown(this.cursorI, n);
    this.cursorN = grown(this.cursorN, n);
    this.idText = grown(this.idText, n);
    this.fieldText = this.fieldText.map((column) => grown(column, n));
    this.events = grown(this.events, n);
    this.lastAt = grown(this.lastAt, n);
  }

  private check(i: number): TableChunk {
    if (!Number.isInteger(i) || i < 0 || i >= this.count)
      throw new RangeError(`There is no profile ${i}.`);
    return this.chunks[this.chunkOf[i] as number] as TableChunk;
  }

  text(field: TableTextField, i: number): string | undefined {
    const { strings } = this.check(i);
    const index =
      field === 'id'
        ? (this.idText[i] as number)
        : ((this.fieldText[FIELD_OF.get(field) as number] as Int32Array)[i] as number);
    return index < 0 ? undefined : strings.at(index);
  }

  eventCount(i: number): number {
    this.check(i);
    return this.events[i] as number;
  }

  lastEventAt(i: number): number | undefined {
    this.check(i);
    const at = this.lastAt[i] as number;
    return Number.isNaN(at) ? undefined : at;
  }

  /** Built on first search, one per stored chunk (1,000 profiles). */
  *searchBlocks(): Generator<SearchBlock> {
    const count = this.count;
    for (const chunk of this.chunks) {
      if (chunk.first >= count) return;
      chunk.search ??= searchBlock(chunk.first, chunk.count, (k, field) =>
        this.text(field, chunk.first + k),
      );
      yield chunk.search;
    }
  }

  profile(i: number): Profile {
    const chunk = this.check(i);
    if (chunk.objects) return chunk.objects[i - chunk.first] as Profile;
    return readProfile(
      new PackedDecoder(chunk.encoded as EncodedProfiles, chunk.strings, {
        t: this.cursorT[i] as number,
        i: this.cursorI[i] as number,
        n: this.cursorN[i] as number,
      }),
    );
  }

  /** The table index of the profile with this id, or -1. */
  indexOf(id: string): number {
    for (let i = 0; i < this.count; i++) {
      const { strings } = this.chunks[this.chunkOf[i] as number] as TableChunk;
      if (strings.is(this.idText[i] as number, id)) return i;
    }
    return -1;
  }
}
