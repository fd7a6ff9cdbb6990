import type { Profile, ProfileAttributes, ProfileEvent, Scalar } from '../domain/profiles/profile';
import { type EncodedProfiles, Tag as CodecTag } from './profile-codec';

// Bound once: unbundled (tsx, Node) every use of an imported binding costs a getter call.
const Tag = CodecTag;

/** Read positions in the three streams. */
export interface Cursor {
  t: number;
  i: number;
  n: number;
}

/** Reads the three streams of an encoded chunk from a cursor; throws when they run short. */
export class Decoder {
  readonly c: Cursor;

  constructor(
    private readonly e: EncodedProfiles,
    from: Cursor = { t: 0, i: 0, n: 0 },
  ) {
    this.c = { ...from };
  }

  /** Where the next read starts. */
  position(): Cursor {
    return { ...this.c };
  }

  int(): number {
    const v = this.e.ints[this.c.i++];
    if (v === undefined) throw damaged();
    return v;
  }

  num(): number {
    const v = this.e.nums[this.c.n++];
    if (v === undefined) throw damaged();
    return v;
  }

  string(): string {
    const s = this.e.strings[this.int()];
    if (s === undefined) throw damaged();
    return s;
  }

  /** The next tag, without consuming it. */
  peek(): number | undefined {
    return this.e.tags[this.c.t];
  }

  skip(): void {
    this.c.t++;
  }

  value(): unknown {
    switch (this.e.tags[this.c.t++]) {
      case Tag.Number:
        return this.num();
      case Tag.String:
        return this.string();
      case Tag.True:
        return true;
      case Tag.False:
        return false;
      case Tag.Null:
        return null;
      case Tag.Undefined:
        return undefined;
      case Tag.Array: {
        const length = this.int();
        const items: unknown[] = [];
        for (let k = 0; k < length; k++) items.push(this.value());
        return items;
      }
      case Tag.Object:
        return this.object();
      default:
        throw damaged();
    }
  }

  /** Moves past one generic value without building it. */
  skipValue(): void {
    switch (this.e.tags[this.c.t++]) {
      case Tag.Number:
        this.num();
        return;
      case Tag.String:
        this.string();
        return;
      case Tag.True:
      case Tag.False:
      case Tag.Null:
      case Tag.Undefined:
        return;
      case Tag.Array: {
        const length = this.int();
        for (let k = 0; k < length; k++) this.skipValue();
        return;
      }
      case Tag.Object: {
        const keys = this.e.shapes[this.int()];
        if (keys === undefined) throw damaged();
        for (let k = 0; k < keys.length; k++) this.skipValue();
        return;
      }
      default:
        throw damaged();
    }
  }

  /** `length` events, read from here. */
  events(length: number): ProfileEvent[] {
    const events: ProfileEvent[] = [];
    for (let k = 0; k < length; k++) {
      const name = this.string();
      const at = this.num();
      if (this.peek() === Tag.Absent) {
        this.skip();
        events.push({ name, at });
      } else {
        events.push({ name, at, props: this.value() as Record<string, Scalar> });
      }
    }
    return events;
  }

  /** Moves past `length` events as `events()` reads them, checking them, without building them. */
  skipEvents(length: number): void {
    for (let k = 0; k < length; k++) {
      this.string();
      this.num();
      if (this.peek() === Tag.Absent) this.skip();
      else this.skipValue();
    }
  }

  private object(): Record<string, unknown> {
    const keys = this.e.shapes[this.int()];
    if (keys === undefined) throw damaged();
    const o: Record<string, unknown> = {};
    for (const key of keys) {
      // Assigning `__proto__` would set the prototype instead of making the key.
      if (key === '__proto__') {
        Object.defineProperty(o, key, {
          value: this.value(),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else o[key] = this.value();
    }
    return o;
  }

  /** True once every stream has been read to its end. */
  done(): boolean {
    return (
      this.c.t === this.e.tags.length &&
      this.c.i === this.e.ints.length &&
      this.c.n === this.e.nums.length
    );
  }
}

function damaged(): TypeError {
  return new TypeError('A stored chunk of profiles is damaged.');
}

/** Reads the profile that starts at the decoder's cursor. */
export function readProfile(d: Decoder): Profile {
  const id = d.string();
  const attributes = d.value() as ProfileAttributes;
  return { id, attributes, events: d.events(d.int()) };
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
  const d = new Decoder(encoded);
  const profiles: Profile[] = [];
  for (let p = 0; p < count; p++) {
    if (options.lazyEvents !== true) {
      profiles.push(readProfile(d));
      continue;
    }
    const id = d.string();
    const attributes = d.value() as ProfileAttributes;
    const length = d.int();
    const at = d.position();
    d.skipEvents(length);
    profiles.push(withLazyEvents(id, attributes, () => new Decoder(encoded, at).events(length)));
  }
  if (!d.done()) throw damaged();
  return profiles;
}

/** Decodes the one profile that starts at `at` (a cursor {@link indexProfiles} reported). */
export function decodeProfileAt(encoded: EncodedProfiles, at: Cursor): Profile {
  return readProfile(new Decoder(encoded, at));
}

/** What {@link indexProfiles} reports, in stored order. */
export interface ProfileIndexSink {
  /** A profile starts at `at`: its id is `strings[idIndex]`. */
  profile(idIndex: number, at: Cursor): void;
  /** The profile's next event: its name is `strings[nameIndex]`. */
  event(nameIndex: number, at: number): void;
}

/**
 * Moves `c` past one generic value without building it, checking it as `Decoder.skipValue`
 * does. A flat loop over the streams (a count of values still to skip instead of recursion,
 * no method calls): {@link indexProfiles} runs it over every profile's attributes and props,
 * which is most of the time of reading a set for a simulation.
 */
function skipOne(e: EncodedProfiles, c: Cursor): void {
  const { tags, ints, nums, strings, shapes } = e;
  let { t, i, n } = c;
  for (let pending = 1; pending > 0; pending--) {
    switch (tags[t++]) {
      case Tag.Number:
        if (n++ >= nums.length) throw damaged();
        break;
      case Tag.String:
        if (strings[ints[i++] as number] === undefined) throw damaged();
        break;
      case Tag.True:
      case Tag.False:
      case Tag.Null:
      case Tag.Undefined:
        break;
      case Tag.Array: {
        const length = ints[i++];
        if (length === undefined) throw damaged();
        pending += length;
        break;
      }
      case Tag.Object: {
        const keys = shapes[ints[i++] as number];
        if (keys === undefined) throw damaged();
        pending += keys.length;
        break;
      }
      default:
        throw damaged();
    }
  }
  c.t = t;
  c.i = i;
  c.n = n;
}

/**
 * Walks `count` profiles written by `encodeProfiles` without building them: reports where each
 * starts and its events' names and times, skipping attributes and props. Throws if the chunk is
 * damaged, as {@link decodeProfiles} would.
 */
export function indexProfiles(encoded: EncodedProfiles, count: number, sink: ProfileIndexSink) {
  const { tags, ints, nums, strings } = encoded;
  const c: Cursor = { t: 0, i: 0, n: 0 };
  const at: Cursor = { t: 0, i: 0, n: 0 };
  for (let p = 0; p < count; p++) {
    at.t = c.t;
    at.i = c.i;
    at.n = c.n;
    const idIndex = ints[c.i++] as number;
    if (strings[idIndex] === undefined) throw damaged();
    sink.profile(idIndex, at);
    skipOne(encoded, c);
    const length = ints[c.i++];
    if (length === undefined) throw damaged();
    for (let k = 0; k < length; k++) {
      const nameIndex = ints[c.i++] as number;
      if (strings[nameIndex] === undefined || c.n >= nums.length) throw damaged();
      sink.event(nameIndex, nums[c.n++] as number);
      if (tags[c.t] === Tag.Absent) c.t++;
      else skipOne(encoded, c);
    }
  }
  if (c.t !== tags.length || c.i !== ints.length || c.n !== nums.length) throw damaged();
}

/**
 * A profile whose `events` are built on first read. An own, enumerable accessor: spreading,
 * JSON, structured cloning (postMessage, IndexedDB) and equality checks read it like a plain
 * property; assigning to it makes it one.
 */
function withLazyEvents(
  id: string,
  attributes: ProfileAttributes,
  build: () => ProfileEvent[],
): Profile {
  const profile = { id, attributes } as Profile;
  let events: ProfileEvent[] | undefined;
  Object.defineProperty(profile, 'events', {
    enumerable: true,
    configurable: true,
    get: () => (events ??= build()),
    set: (value: ProfileEvent[]) => {
      Object.defineProperty(profile, 'events', {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    },
  });
  return profile;
}
