import { PROFILE_SCHEMA_VERSION, type Profile } from '../domain/profiles/profile';
import { grown, type ProfileColumns } from '../domain/simulate/profile-columns';
import type { EncodedProfiles } from './profile-codec';
import { PROFILE_CODEC_VERSION } from './profile-codec';
import { type Cursor, decodeProfileAt, indexProfiles } from './profile-codec-decode';
import { checkChunk } from './profile-chunks';
import type { ProfileChunkRecord, ProfileColumnChunkRecord } from './records';

/**
 * Stored chunks as {@link ProfileColumns}, for the simulator: each columnar chunk is walked once
 * for its events' names and times, and a profile is decoded from its chunk only when asked for
 * (the simulator asks for the entrants only). Chunks of an older schema or written as objects
 * are decoded as {@link checkChunk} does and their profiles kept.
 */
export class ChunkColumns implements ProfileColumns {
  count = 0;
  eventStart = new Int32Array(1);
  eventName = new Int32Array(0);
  eventAt = new Float64Array(0);
  readonly names: string[] = [];
  private events = 0;
  private readonly nameIndex = new Map<string, number>();
  private readonly ids: string[] = [];
  /** Per profile: its chunk in `encoded`, or -1 when it is kept as an object. */
  private chunkOf = new Int32Array(0);
  /** Per profile: where it starts in its chunk's three streams. */
  private cursorT = new Int32Array(0);
  private cursorI = new Int32Array(0);
  private cursorN = new Int32Array(0);
  private readonly encoded: EncodedProfiles[] = [];
  private readonly objects = new Map<number, Profile>();

  /** Adds a stored chunk's profiles after those already added; throws if it is damaged. */
  add(chunk: ProfileChunkRecord): void {
    if (
      'columns' in chunk &&
      chunk.v === PROFILE_SCHEMA_VERSION &&
      typeof chunk.codec === 'number' &&
      chunk.codec <= PROFILE_CODEC_VERSION
    )
      this.addEncoded(chunk);
    else for (const profile of checkChunk(chunk)) this.addObject(profile);
  }

  private addEncoded(chunk: ProfileColumnChunkRecord): void {
    const { columns, count } = chunk;
    const chunkIndex = this.encoded.length;
    const firstProfile = this.count;
    const firstEvent = this.events;
    // Chunk-local string index → event name index, filled on first sight.
    const names = new Int32Array(columns.strings.length).fill(-1);
    this.reserveProfiles(this.count + count);
    try {
      indexProfiles(columns, count, {
        profile: (idIndex: number, at: Cursor) => {
          const p = this.count++;
          this.eventStart[p] = this.events;
          this.ids.push(columns.strings[idIndex] as string);
          this.chunkOf[p] = chunkIndex;
          this.cursorT[p] = at.t;
          this.cursorI[p] = at.i;
          this.cursorN[p] = at.n;
        },
        event: (nameIndex: number, at: number) => {
          let name = names[nameIndex] as number;
          if (name < 0) {
            name = this.nameOf(columns.strings[nameIndex] as string);
            names[nameIndex] = name;
          }
          this.pushEvent(name, at);
        },
      });
    } catch {
      // Undo the partial chunk, so the columns stay whole, and say which set is damaged.
      this.count = firstProfile;
      this.events = firstEvent;
      this.ids.length = firstProfile;
      throw new TypeError(`A stored chunk of profile set ${chunk.setId} is damaged.`);
    }
    this.encoded.push(columns);
    this.eventStart[this.count] = this.events;
  }

  private addObject(profile: Profile): void {
    this.reserveProfiles(this.count + 1);
    const p = this.count++;
    this.eventStart[p] = this.events;
    this.ids.push(profile.id);
    this.chunkOf[p] = -1;
    this.objects.set(p, profile);
    for (const event of profile.events) this.pushEvent(this.nameOf(event.name), event.at);
    this.eventStart[this.count] = this.events;
  }

  private reserveProfiles(n: number): void {
    this.eventStart = grown(this.eventStart, n + 1);
    this.chunkOf = grown(this.chunkOf, n);
    this.cursorT = grown(this.cursorT, n);
    this.cursorI = grown(this.cursorI, n);
    this.cursorN = grown(this.cursorN, n);
  }

  private nameOf(name: string): number {
    let index = this.nameIndex.get(name);
    if (index === undefined) {
      index = this.names.length;
      this.names.push(name);
      this.nameIndex.set(name, index);
    }
    return index;
  }

  private pushEvent(name: number, at: number): void {
    const e = this.events++;
    if (e >= this.eventAt.length) {
      this.eventName = grown(this.eventName, e + 1);
      this.eventAt = grown(this.eventAt, e + 1);
    }
    this.eventName[e] = name;
    this.eventAt[e] = at;
  }

  id(i: number): string {
    const id = this.ids[i];
    if (id === undefined || i >= this.count) throw new RangeError(`There is no profile ${i}.`);
    return id;
  }

  profile(i: number): Profile {
    if (!Number.isInteger(i) || i < 0 || i >= this.count)
      throw new RangeError(`There is no profile ${i}.`);
    const chunk = this.chunkOf[i] as number;
    if (chunk < 0) return this.objects.get(i) as Profile;
    return decodeProfileAt(this.encoded[chunk] as EncodedProfiles, {
      t: this.cursorT[i] as number,
      i: this.cursorI[i] as number,
      n: this.cursorN[i] as number,
    });
  }
}

/** The columns of stored chunks, in the order given. */
export function chunkColumns(chunks: Iterable<ProfileChunkRecord>): ChunkColumns {
  const columns = new ChunkColumns();
  for (const chunk of chunks) columns.add(chunk);
  return columns;
}
