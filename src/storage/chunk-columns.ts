import type { Profile } from '../domain/profiles/profile';
import { grown, type ProfileColumns } from '../domain/simulate/profile-columns';
import { type EncodedProfiles, readableReach } from './profile-codec';
import { checkEncoded, ChunkProfiles, stringsOf } from './profile-codec-decode';
import { checkChunk, currentColumns } from './profile-chunks';
import type { ProfileChunkRecord, ProfileColumnChunkRecord } from './records';

/** A stored chunk kept for the profiles asked for by index. */
interface KeptChunk {
  /** The columns' index of its first profile. */
  first: number;
  setId: string;
  profiles: ChunkProfiles;
}

/**
 * Stored chunks as {@link ProfileColumns}, for the simulator: a chunk in the current codec holds
 * its events' names and times as typed arrays, so adding it is a copy and a cheap check (see
 * `checkEncoded`), and a profile is decoded from its chunk only when asked for (the simulator
 * asks for the entrants only). Chunks of an older codec or schema, or written as objects, are
 * decoded as {@link checkChunk} does and their profiles kept.
 */
export class ChunkColumns implements ProfileColumns {
  count = 0;
  eventStart = new Int32Array(1);
  eventName = new Int32Array(0);
  eventAt = new Float64Array(0);
  readonly names: string[] = [];
  /** Per profile, its stored reach byte, while every chunk added has a readable one. */
  reach: Uint8Array | undefined = new Uint8Array(0);
  private events = 0;
  private readonly nameIndex = new Map<string, number>();
  /** Per profile: its chunk in `chunks`, or -1 when it is kept as an object. */
  private chunkOf = new Int32Array(0);
  private readonly chunks: KeptChunk[] = [];
  private readonly objects = new Map<number, Profile>();

  /** Adds a stored chunk's profiles after those already added; throws if it is damaged. */
  add(chunk: ProfileChunkRecord): void {
    const columns = currentColumns(chunk);
    if (columns === undefined) {
      for (const profile of checkChunk(chunk)) this.addObject(profile);
      return;
    }
    try {
      checkEncoded(columns, (chunk as ProfileColumnChunkRecord).count);
    } catch {
      throw damaged(chunk.setId);
    }
    this.addEncoded(chunk.setId, columns);
  }

  private addEncoded(setId: string, encoded: EncodedProfiles): void {
    const count = encoded.ids.length;
    const first = this.count;
    const base = this.events;
    const events = encoded.eventAt.length;
    this.reserveProfiles(first + count);
    this.reserveEvents(base + events);
    // The chunk's name indexes → the columns' own, and its event starts moved past the events held.
    const names = encoded.eventNames.map((name) => this.nameOf(name));
    const { eventName, eventStart } = encoded;
    for (let j = 0; j < events; j++)
      this.eventName[base + j] = names[eventName[j] as number] as number;
    this.eventAt.set(encoded.eventAt, base);
    for (let k = 0; k <= count; k++) this.eventStart[first + k] = base + (eventStart[k] as number);
    this.chunkOf.fill(this.chunks.length, first, first + count);
    if (!readableReach(encoded)) this.reach = undefined;
    else this.reach?.set(encoded.reach as Uint8Array, first);
    // Strings are cut for each profile asked for, not kept per chunk: the simulator asks for
    // each entrant once a run, and a table of the strings cut so far kept them all alive with
    // the chunk (promoted, copied and marked by the collector; a kept worker holds its part of
    // the set between runs). Node, 100,000 bench profiles from chunks: 146–177 → 86–88 ms of CPU,
    // 51–75 → 12–16 ms of it collecting garbage.
    this.chunks.push({ first, setId, profiles: new ChunkProfiles(encoded, stringsOf(encoded)) });
    this.count += count;
    this.events += events;
  }

  private addObject(profile: Profile): void {
    this.reserveProfiles(this.count + 1);
    const p = this.count++;
    this.eventStart[p] = this.events;
    this.chunkOf[p] = -1;
    this.reach = undefined;
    this.objects.set(p, profile);
    this.reserveEvents(this.events + profile.events.length);
    for (const event of profile.events) {
      const e = this.events++;
      this.eventName[e] = this.nameOf(event.name);
      this.eventAt[e] = event.at;
    }
    this.eventStart[this.count] = this.events;
  }

  /** Makes room for `profiles` and `events` in all, so adding chunks copies nothing twice. */
  reserve(profiles: number, events: number): void {
    this.reserveProfiles(profiles);
    this.reserveEvents(events);
  }

  private reserveProfiles(n: number): void {
    this.eventStart = grown(this.eventStart, n + 1);
    this.chunkOf = grown(this.chunkOf, n);
    if (this.reach !== undefined) this.reach = grown(this.reach, n);
  }

  private reserveEvents(n: number): void {
    this.eventName = grown(this.eventName, n);
    this.eventAt = grown(this.eventAt, n);
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

  /** Profile `i`'s chunk, or undefined when it is kept as an object. */
  private chunk(i: number): KeptChunk | undefined {
    if (!Number.isInteger(i) || i < 0 || i >= this.count)
      throw new RangeError(`There is no profile ${i}.`);
    return this.chunks[this.chunkOf[i] as number];
  }

  id(i: number): string {
    const chunk = this.chunk(i);
    if (chunk === undefined) return (this.objects.get(i) as Profile).id;
    return chunk.profiles.id(i - chunk.first);
  }

  profile(i: number): Profile {
    const chunk = this.chunk(i);
    if (chunk === undefined) return this.objects.get(i) as Profile;
    try {
      return chunk.profiles.profile(i - chunk.first);
    } catch {
      // Checked when added as far as the columns go; its attributes and props only now.
      throw damaged(chunk.setId);
    }
  }
}

function damaged(setId: string): TypeError {
  return new TypeError(`A stored chunk of profile set ${setId} is damaged.`);
}

/** The columns of stored chunks, in the order given, sized for them at once. */
export function chunkColumns(chunks: readonly ProfileChunkRecord[]): ChunkColumns {
  const columns = new ChunkColumns();
  let profiles = 0;
  let events = 0;
  for (const chunk of chunks) {
    const encoded = currentColumns(chunk);
    // Sizes as the chunk says when its columns are typed arrays, whose lengths are memory that
    // exists; a damaged chunk may claim any length, and is refused when it is added.
    if (ArrayBuffer.isView(encoded?.ids) && ArrayBuffer.isView(encoded.eventAt)) {
      profiles += encoded.ids.length;
      events += encoded.eventAt.length;
    }
  }
  columns.reserve(profiles, events);
  for (const chunk of chunks) columns.add(chunk);
  return columns;
}
