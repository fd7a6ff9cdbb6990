import type { Profile, ProfileAttributes, ProfileEvent, Scalar } from '../domain/profiles/profile';
import { PackedStrings } from './packed-strings';
import { ALL_CHANNELS } from '../domain/conditions/reachability';
import { readableReach, type EncodedProfiles } from './profile-codec';
import {
  type Cursor,
  damagedChunk,
  Decoder,
  type StringTable,
  Tag as CodecTag,
} from './profile-codec-values';

// Bound once: unbundled (tsx, Node) every use of an imported binding costs a getter call.
const Tag = CodecTag;

/**
 * Whether `a` is a typed array of that kind, from any realm: what IndexedDB hands back may come
 * from another one (jsdom's `structuredClone` does), where `instanceof` says no.
 */
function isArray<T>(a: unknown, kind: 'Int32Array' | 'Uint8Array' | 'Float64Array'): a is T {
  return ArrayBuffer.isView(a) && Object.prototype.toString.call(a) === `[object ${kind}]`;
}

function isUints(a: unknown): a is Uint16Array | Uint32Array {
  const kind = ArrayBuffer.isView(a) ? Object.prototype.toString.call(a) : '';
  return kind === '[object Uint16Array]' || kind === '[object Uint32Array]';
}

/**
 * Checks what a read relies on without reading the value streams: every column is there with
 * its length, indexes point inside what they index, starts never go back, and the reach bytes
 * (when read) are one a profile with only channels' bits set. A chunk that
 * passes gives the simulator sound columns; a profile's attributes and props are checked when
 * it is decoded ({@link decodeProfileAt} throws if they do not end where the next profile
 * starts). Throws a TypeError when the chunk is damaged.
 */
export function checkEncoded(e: EncodedProfiles, count: number): void {
  if (typeof e !== 'object' || e === null || !Number.isInteger(count) || count < 0)
    throw damagedChunk();
  const { text, offsets, ids, eventStart, eventNames, eventName, eventAt, cursors } = e;
  if (
    typeof text !== 'string' ||
    !isArray<Int32Array>(offsets, 'Int32Array') ||
    !isArray<Int32Array>(ids, 'Int32Array') ||
    !isArray<Int32Array>(eventStart, 'Int32Array') ||
    !Array.isArray(eventNames) ||
    !isUints(eventName) ||
    !isArray<Float64Array>(eventAt, 'Float64Array') ||
    !isArray<Int32Array>(cursors, 'Int32Array') ||
    !Array.isArray(e.shapes) ||
    !isArray<Uint8Array>(e.tags, 'Uint8Array') ||
    !isUints(e.ints) ||
    !isArray<Float64Array>(e.nums, 'Float64Array') ||
    ids.length !== count ||
    eventStart.length !== count + 1 ||
    cursors.length !== 3 * count
  )
    throw damagedChunk();
  const strings = offsets.length - 1;
  if (strings < 0 || offsets[0] !== 0 || offsets[strings] !== text.length) throw damagedChunk();
  for (let s = 0; s < strings; s++)
    if ((offsets[s] as number) > (offsets[s + 1] as number)) throw damagedChunk();
  for (let k = 0; k < count; k++) {
    const id = ids[k] as number;
    if (!(id >= 0 && id < strings)) throw damagedChunk();
  }
  if (eventStart[0] !== 0) throw damagedChunk();
  for (let k = 0; k < count; k++)
    if ((eventStart[k] as number) > (eventStart[k + 1] as number)) throw damagedChunk();
  const events = eventStart[count] as number;
  if (eventName.length !== events || eventAt.length !== events) throw damagedChunk();
  for (const name of eventNames) if (typeof name !== 'string') throw damagedChunk();
  const names = eventNames.length;
  for (let j = 0; j < events; j++) if ((eventName[j] as number) >= names) throw damagedChunk();
  let t = 0;
  let i = 0;
  let n = 0;
  if (count > 0 && (cursors[0] !== 0 || cursors[1] !== 0 || cursors[2] !== 0)) throw damagedChunk();
  for (let k = 0; k < count; k++) {
    const ct = cursors[3 * k] as number;
    const ci = cursors[3 * k + 1] as number;
    const cn = cursors[3 * k + 2] as number;
    if (ct < t || ci < i || cn < n) throw damagedChunk();
    t = ct;
    i = ci;
    n = cn;
  }
  if (t > e.tags.length || i > e.ints.length || n > e.nums.length) throw damagedChunk();
  // The last profile must end where the streams end: one profile read, and a stream cut short
  // or grown anywhere is found (every profile's start is stored, so the last reads from its own).
  const last = new Decoder(e, stringsOf(e), cursorOf(e, count - 1));
  if (count > 0) {
    last.skipValue();
    skipEvents(last, e, count - 1);
  }
  if (!last.at(cursorOf(e, count))) throw damagedChunk();
  checkReach(e, count);
}

/**
 * The chunk's reach bytes, when they may be read (see `readableReach`): one a profile, with no
 * bit beyond the channels. Absent, or worked out by another rule, they are not read, so not
 * checked.
 */
function checkReach(e: EncodedProfiles, count: number): void {
  if (!readableReach(e)) return;
  const reach: unknown = e.reach;
  if (!isArray<Uint8Array>(reach, 'Uint8Array') || reach.length !== count) throw damagedChunk();
  for (let k = 0; k < count; k++)
    if (((reach[k] as number) & ~ALL_CHANNELS) !== 0) throw damagedChunk();
}

/** The chunk's strings, to decode its profiles with. */
export function stringsOf(e: EncodedProfiles): PackedStrings {
  return new PackedStrings(e.text, e.offsets);
}

/**
 * A chunk's strings, each cut out of the packed text once: the profiles of a chunk share many
 * of their strings (time zones, countries, plans, channels), and cutting them again for each
 * profile made a few million strings per million profiles for the collector.
 */
export class CutOnce implements StringTable {
  /** Sized once: writes far past the end of an empty array turn it into a slow dictionary. */
  private readonly cut: (string | undefined)[];

  constructor(private readonly packed: PackedStrings) {
    this.cut = new Array<string | undefined>(Math.max(0, packed.length));
  }

  at(index: number): string | undefined {
    let s = this.cut[index];
    if (s === undefined) {
      s = this.packed.at(index);
      if (s !== undefined) this.cut[index] = s;
    }
    return s;
  }

  has(index: number): boolean {
    return this.packed.has(index);
  }
}

/** Where profile `k`'s attributes start; where the streams end after the last profile. */
function cursorOf(e: EncodedProfiles, k: number): Cursor {
  if (k < 0) return { t: 0, i: 0, n: 0 };
  if (k >= e.ids.length) return { t: e.tags.length, i: e.ints.length, n: e.nums.length };
  const { cursors } = e;
  return {
    t: cursors[3 * k] as number,
    i: cursors[3 * k + 1] as number,
    n: cursors[3 * k + 2] as number,
  };
}

/** Profile `k`'s events, its props read from `d` (placed just after its attributes). */
function readEvents(d: Decoder, e: EncodedProfiles, k: number): ProfileEvent[] {
  const { eventStart, eventNames, eventName, eventAt } = e;
  const first = eventStart[k] as number;
  const last = eventStart[k + 1] as number;
  const events = new Array<ProfileEvent>(last - first);
  for (let j = first; j < last; j++) {
    const name = eventNames[eventName[j] as number];
    const at = eventAt[j];
    if (name === undefined || at === undefined) throw damagedChunk();
    if (d.peek() === Tag.Absent) {
      d.skip();
      events[j - first] = { name, at };
    } else events[j - first] = { name, at, props: d.value() as Record<string, Scalar> };
  }
  return events;
}

/** Moves past profile `k`'s events' props as {@link readEvents} reads them, checking them. */
function skipEvents(d: Decoder, e: EncodedProfiles, k: number): void {
  const last = e.eventStart[k + 1] as number;
  for (let j = e.eventStart[k] as number; j < last; j++) {
    if (d.peek() === Tag.Absent) d.skip();
    else d.skipValue();
  }
}

/** Profile `k`'s id; the chunk must have passed {@link checkEncoded}. */
export function idAt(e: EncodedProfiles, strings: StringTable, k: number): string {
  const id = strings.at(e.ids[k] as number);
  if (id === undefined) throw damagedChunk();
  return id;
}

/**
 * The profiles of one chunk that passed {@link checkEncoded}, decoded one at a time as they are
 * asked for, with one decoder for the chunk (its strings cut once, an object template per key
 * list): the simulator asks for its entrants, about a third of a set, one by one.
 */
export class ChunkProfiles {
  private readonly d: Decoder;

  constructor(
    private readonly e: EncodedProfiles,
    readonly strings: StringTable = new CutOnce(stringsOf(e)),
  ) {
    this.d = new Decoder(e, strings);
  }

  id(k: number): string {
    return idAt(this.e, this.strings, k);
  }

  /**
   * Profile `k`; throws if its attributes and props do not read back exactly up to where the
   * next profile starts. With `lazyEvents`, its events are built when first read (see
   * {@link DecodeOptions}), its props checked now.
   */
  profile(k: number, lazyEvents = false): Profile {
    const { e, d } = this;
    const { cursors } = e;
    d.moveTo(cursors[3 * k] as number, cursors[3 * k + 1] as number, cursors[3 * k + 2] as number);
    const id = idAt(e, this.strings, k);
    const attributes = d.value() as ProfileAttributes;
    let profile: Profile;
    if (lazyEvents) {
      const { t, i, n } = d.c;
      skipEvents(d, e, k);
      profile = withLazyEvents(id, attributes, () => {
        d.moveTo(t, i, n);
        return readEvents(d, e, k);
      });
    } else profile = { id, attributes, events: readEvents(d, e, k) };
    if (!this.endsAt(k + 1)) throw damagedChunk();
    return profile;
  }

  /** Whether the decoder stands where profile `k` starts (where the streams end, past the last). */
  private endsAt(k: number): boolean {
    const { e, d } = this;
    const c = d.c;
    if (k >= e.ids.length)
      return c.t === e.tags.length && c.i === e.ints.length && c.n === e.nums.length;
    const { cursors } = e;
    return c.t === cursors[3 * k] && c.i === cursors[3 * k + 1] && c.n === cursors[3 * k + 2];
  }
}

/**
 * Decodes profile `k` of a chunk that passed {@link checkEncoded}; throws if its attributes
 * and props do not read back exactly up to where the next profile starts. To decode several of
 * one chunk, {@link ChunkProfiles} reads them with one decoder.
 */
export function decodeProfileAt(e: EncodedProfiles, strings: StringTable, k: number): Profile {
  return new ChunkProfiles(e, strings).profile(k);
}

/** How to decode. */
export interface DecodeOptions {
  /**
   * Build each profile's events when they are first read. The page holds a whole set in memory
   * and shows a few rows at a time: most events are never looked at, and building them all (six
   * or so objects a profile, with their props) made garbage-collection pauses of 150 ms and more
   * while a person scrolled. The chunk is still checked whole, now.
   */
  lazyEvents?: boolean;
}

/** Decodes `count` profiles written by `encodeProfiles`; throws if the chunk is damaged. */
export function decodeProfiles(
  encoded: EncodedProfiles,
  count: number,
  options: DecodeOptions = {},
): Profile[] {
  checkEncoded(encoded, count);
  const chunk = new ChunkProfiles(encoded);
  const lazy = options.lazyEvents === true;
  const profiles = new Array<Profile>(count);
  for (let k = 0; k < count; k++) profiles[k] = chunk.profile(k, lazy);
  return profiles;
}

/**
 * A profile whose `events` are built on first read. An own, enumerable accessor: spreading,
 * JSON, structured cloning (postMessage, IndexedDB) and equality checks read it like a plain
 * property; assigning to it replaces them.
 */
function withLazyEvents(
  id: string,
  attributes: ProfileAttributes,
  build: () => ProfileEvent[],
): Profile {
  let events: ProfileEvent[] | undefined;
  return {
    id,
    attributes,
    get events() {
      return (events ??= build());
    },
    set events(value: ProfileEvent[]) {
      events = value;
    },
  };
}
