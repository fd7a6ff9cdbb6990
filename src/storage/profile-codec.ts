import type { Profile } from '../domain/profiles/profile';

/**
 * The columnar encoding of a chunk of profiles, as stored in IndexedDB.
 *
 * Why: IndexedDB structured-clones what it stores, and deserialising 100,000 profiles as an
 * object graph (735,000 events, about 104 MB as JSON) is what made reading a set slow. Typed
 * arrays clone as one memory copy (about 33 MB here: 4 tags, 7 ints, 12 nums, 10 of strings),
 * so a read costs one fetch and then building the objects. Chromium 156 headless, 100,000
 * generated profiles, medians of 5 rounds with every variant in the same run
 * (`npx tsx tests/bench/browser/profiles.ts --compare`), 2 cores shared with other runs (load
 * 3–4), ms:
 *
 *   layout (1,000 profiles a chunk)   encode  write  read (of which decode)
 *   objects, as stored until now           0   2090   1600      (0)
 *   one JSON string                      490   1380   1130    (740)
 *   columns (this codec)                 750   1230    600    (400)
 *
 * Through the repo, same run: read 100,000 cold 1,760 → 650; generate + store 100,000
 * 3,280 → 2,470; CDNOW import 580 → 570. Under load 9–11 earlier runs gave 2,770–4,840 → 1,040–
 * 2,320 for the read. Chunks of 200 or 5,000 profiles measured the same as 1,000. Decoding is
 * bound by allocating (and collecting) about 2.8 million objects.
 *
 * Layout: every profile is written, in order, as its id (a string index in `ints`), its
 * attributes (a generic value), its event count (`ints`) and per event the name (`ints`), the
 * time (`nums`) and the props (a generic value, or {@link Tag.Absent} when the event has none).
 * A generic value is a tag, then its payload: numbers in `nums` (so -0 and NaN survive), string
 * indexes, array lengths and object shapes in `ints`. A shape is the ordered key list of an
 * object, so key order and keys holding `undefined` read back exactly.
 */
export interface EncodedProfiles {
  /** Distinct strings of the chunk: ids, event names and string values. */
  strings: string[];
  /** Distinct object key lists, in key order. */
  shapes: string[][];
  tags: Uint8Array;
  /** 16 bits a value when every value fits (nearly always: a chunk holds 1,000 profiles). */
  ints: Uint16Array | Uint32Array;
  nums: Float64Array;
}

/** The encoding's version, stored beside it so a later format can still read this one. */
export const PROFILE_CODEC_VERSION = 1;

/** The kind of each generic value in `tags`. */
export const Tag = {
  Absent: 0,
  Undefined: 1,
  Null: 2,
  False: 3,
  True: 4,
  Number: 5,
  String: 6,
  Array: 7,
  Object: 8,
} as const;

function isPlainObject(v: object): v is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** A trie over key lists: the node reached by an object's keys holds its shape index. */
interface ShapeNode {
  next: Map<string, ShapeNode>;
  shape?: number;
}

class Encoder {
  readonly strings: string[] = [];
  readonly shapes: string[][] = [];
  readonly tags: number[] = [];
  readonly ints: number[] = [];
  readonly nums: number[] = [];
  private readonly stringIndex = new Map<string, number>();
  private readonly shapeRoot: ShapeNode = { next: new Map() };

  string(s: string): void {
    let index = this.stringIndex.get(s);
    if (index === undefined) {
      index = this.strings.length;
      this.strings.push(s);
      this.stringIndex.set(s, index);
    }
    this.ints.push(index);
  }

  value(v: unknown): void {
    switch (typeof v) {
      case 'number':
        this.tags.push(Tag.Number);
        this.nums.push(v);
        return;
      case 'string':
        this.tags.push(Tag.String);
        this.string(v);
        return;
      case 'boolean':
        this.tags.push(v ? Tag.True : Tag.False);
        return;
      case 'undefined':
        this.tags.push(Tag.Undefined);
        return;
      case 'object':
        if (v === null) this.tags.push(Tag.Null);
        else if (Array.isArray(v)) this.array(v);
        else if (isPlainObject(v)) this.object(v);
        else throw new TypeError('A profile holds an object that is not plain data.');
        return;
      default:
        throw new TypeError(`A profile holds a ${typeof v}, which cannot be stored.`);
    }
  }

  private array(items: readonly unknown[]): void {
    this.tags.push(Tag.Array);
    this.ints.push(items.length);
    for (let i = 0; i < items.length; i++) this.value(items[i]);
  }

  private object(o: Record<string, unknown>): void {
    const keys = Object.keys(o);
    // Walking a trie of keys finds the shape without building a string per object.
    let node = this.shapeRoot;
    for (const k of keys) {
      let next = node.next.get(k);
      if (next === undefined) {
        next = { next: new Map() };
        node.next.set(k, next);
      }
      node = next;
    }
    if (node.shape === undefined) {
      node.shape = this.shapes.length;
      this.shapes.push(keys);
    }
    this.tags.push(Tag.Object);
    this.ints.push(node.shape);
    for (const k of keys) this.value(o[k]);
  }
}

function toUint(values: number[]): Uint16Array | Uint32Array {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return max <= 0xffff ? new Uint16Array(values) : new Uint32Array(values);
}

/** Encodes profiles for storage; {@link decodeProfiles} gives back deep-equal profiles. */
export function encodeProfiles(profiles: readonly Profile[]): EncodedProfiles {
  const e = new Encoder();
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
