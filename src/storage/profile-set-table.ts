import type { Profile } from '../domain/profiles/profile';
import { type SearchBlock, searchBlock } from '../domain/profiles/table/search-block';
import type { ProfileTableColumns, TableTextField } from '../domain/profiles/table/table-columns';
import { grown } from '../domain/simulate/profile-columns';
import {
  ATTRIBUTE_FIELDS,
  eventCountOf,
  lastEventAtOf,
  packChunk,
  type PackedChunk,
  unpackProfile,
} from './packed-chunk';
import { PackedStrings } from './packed-strings';
import type { ProfileChunkRecord } from './records';

const FIELD_OF = new Map<string, number>(ATTRIBUTE_FIELDS.map((field, f) => [field, f]));

/** One stored chunk as the table keeps it. */
interface TableChunk {
  /** The table index of its first profile. */
  first: number;
  packed: PackedChunk;
  strings: PackedStrings;
  search?: SearchBlock;
}

/**
 * A stored profile set as a table's columns (see {@link ProfileTableColumns}): each stored chunk
 * is kept packed (see {@link PackedChunk}: its typed arrays and its strings as one string), what
 * the table shows (id, name, email, phone, country, plan, signup date, event count and last event
 * time) is read from per-profile typed arrays, and a profile is decoded only when asked for.
 * Chunks are added in stored order while the set is read; rows already added never change.
 */
export class ProfileSetTable implements ProfileTableColumns {
  count = 0;
  private readonly chunks: TableChunk[] = [];
  /** Per profile: its chunk, and its index in that chunk. */
  private chunkOf = new Int32Array(0);
  private indexInChunk = new Int32Array(0);

  constructor(readonly setId: string) {}

  /** Adds a stored chunk's profiles after those already added; throws if it is damaged. */
  add(chunk: ProfileChunkRecord): void {
    this.addPacked(packChunk(chunk));
  }

  /** Adds a chunk packed by {@link packChunk} (here or in a worker). */
  addPacked(packed: PackedChunk): void {
    const first = this.count;
    const n = first + packed.count;
    this.chunkOf = grown(this.chunkOf, n);
    this.indexInChunk = grown(this.indexInChunk, n);
    this.chunkOf.fill(this.chunks.length, first, n);
    for (let k = 0; k < packed.count; k++) this.indexInChunk[first + k] = k;
    this.chunks.push({ first, packed, strings: new PackedStrings(packed.text, packed.offsets) });
    this.count = n;
  }

  private chunk(i: number): TableChunk {
    if (!Number.isInteger(i) || i < 0 || i >= this.count)
      throw new RangeError(`There is no profile ${i}.`);
    return this.chunks[this.chunkOf[i] as number] as TableChunk;
  }

  text(field: TableTextField, i: number): string | undefined {
    const { packed, strings } = this.chunk(i);
    const k = this.indexInChunk[i] as number;
    const index =
      field === 'id'
        ? (packed.ids[k] as number)
        : (packed.fieldText[(FIELD_OF.get(field) as number) * packed.count + k] as number);
    return index < 0 ? undefined : strings.at(index);
  }

  eventCount(i: number): number {
    return eventCountOf(this.chunk(i).packed, this.indexInChunk[i] as number);
  }

  lastEventAt(i: number): number | undefined {
    const at = lastEventAtOf(this.chunk(i).packed, this.indexInChunk[i] as number);
    return Number.isNaN(at) ? undefined : at;
  }

  /** Built on first search, one per stored chunk (1,000 profiles). */
  *searchBlocks(): Generator<SearchBlock> {
    const count = this.count;
    for (const chunk of this.chunks) {
      if (chunk.first >= count) return;
      chunk.search ??= searchBlock(chunk.first, chunk.packed.count, (k, field) =>
        this.text(field, chunk.first + k),
      );
      yield chunk.search;
    }
  }

  profile(i: number): Profile {
    const { packed, strings } = this.chunk(i);
    return unpackProfile(packed, strings, this.indexInChunk[i] as number);
  }

  /** The table index of the profile with this id, or -1. */
  indexOf(id: string): number {
    for (const { first, packed, strings } of this.chunks) {
      for (let k = 0; k < packed.count; k++)
        if (strings.is(packed.ids[k] as number, id)) return first + k;
    }
    return -1;
  }
}
