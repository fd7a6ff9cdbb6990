/**
 * The generic values of a stored chunk (attributes, event props): a tag each, then its payload
 * in one of three streams. Numbers go to `nums` (so -0 and NaN survive); string indexes, array
 * lengths and object shapes to `ints`. A shape is the ordered key list of an object, so key
 * order and keys holding `undefined` read back exactly. Shared by every codec version.
 */

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

/** The streams generic values are read from. */
export interface ValueStreams {
  /** Distinct object key lists, in key order. */
  shapes: string[][];
  tags: Uint8Array;
  /** 16 bits a value when every value fits (nearly always: a chunk holds 1,000 profiles). */
  ints: Uint16Array | Uint32Array;
  nums: Float64Array;
}

/** A chunk's strings by index: an array, or packed (see `PackedStrings`). */
export interface StringTable {
  at(index: number): string | undefined;
  /**
   * Whether string `index` is there, without cutting it out (reading past a value need not make
   * its string); when absent, {@link at} is asked.
   */
  has?(index: number): boolean;
}

/** Read positions in the three streams. */
export interface Cursor {
  t: number;
  i: number;
  n: number;
}

/** The error every codec throws for a chunk that does not read back. */
export function damagedChunk(): TypeError {
  return new TypeError('A stored chunk of profiles is damaged.');
}

function isPlainObject(v: object): v is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** A trie over key lists: the node reached by an object's keys holds its shape index. */
interface ShapeNode {
  next: Map<string, ShapeNode>;
  shape?: number;
}

/** Writes generic values and strings into growing streams. */
export class ValueEncoder {
  readonly strings: string[] = [];
  readonly shapes: string[][] = [];
  readonly tags: number[] = [];
  readonly ints: number[] = [];
  readonly nums: number[] = [];
  private readonly stringIndex = new Map<string, number>();
  private readonly shapeRoot: ShapeNode = { next: new Map() };

  /** The index of `s` among the chunk's distinct strings. */
  indexOf(s: string): number {
    let index = this.stringIndex.get(s);
    if (index === undefined) {
      index = this.strings.length;
      this.strings.push(s);
      this.stringIndex.set(s, index);
    }
    return index;
  }

  string(s: string): void {
    this.ints.push(this.indexOf(s));
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

/** The narrowest unsigned array that holds every value. */
export function toUint(values: readonly number[]): Uint16Array | Uint32Array {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return max <= 0xffff ? new Uint16Array(values) : new Uint32Array(values);
}

/** Reads generic values from the streams at a cursor; throws when they run short or are odd. */
export class Decoder {
  readonly c: Cursor;
  private readonly tags: Uint8Array;
  private readonly ints: Uint16Array | Uint32Array;
  private readonly nums: Float64Array;
  private readonly shapes: string[][];

  constructor(
    e: ValueStreams,
    private readonly strings: StringTable,
    from: Cursor = { t: 0, i: 0, n: 0 },
  ) {
    this.c = { t: from.t, i: from.i, n: from.n };
    this.tags = e.tags;
    this.ints = e.ints;
    this.nums = e.nums;
    this.shapes = e.shapes;
  }

  /** Where the next read starts. */
  position(): Cursor {
    return { t: this.c.t, i: this.c.i, n: this.c.n };
  }

  /** Reads on from `t`, `i` and `n` (one decoder reads many profiles of a chunk). */
  moveTo(t: number, i: number, n: number): void {
    const c = this.c;
    c.t = t;
    c.i = i;
    c.n = n;
  }

  int(): number {
    const v = this.ints[this.c.i++];
    if (v === undefined) throw damagedChunk();
    return v;
  }

  num(): number {
    const v = this.nums[this.c.n++];
    if (v === undefined) throw damagedChunk();
    return v;
  }

  string(): string {
    const s = this.strings.at(this.int());
    if (s === undefined) throw damagedChunk();
    return s;
  }

  /** Moves past a string, checking it is there. */
  private skipString(): void {
    const index = this.int();
    const strings = this.strings;
    if (strings.has === undefined ? strings.at(index) === undefined : !strings.has(index))
      throw damagedChunk();
  }

  /** The next tag, without consuming it. */
  peek(): number | undefined {
    return this.tags[this.c.t];
  }

  skip(): void {
    this.c.t++;
  }

  value(): unknown {
    switch (this.tags[this.c.t++]) {
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
        throw damagedChunk();
    }
  }

  /** Moves past one generic value without building it, checking it as {@link value} would. */
  skipValue(): void {
    switch (this.tags[this.c.t++]) {
      case Tag.Number:
        this.num();
        return;
      case Tag.String:
        this.skipString();
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
        const keys = this.shapes[this.int()];
        if (keys === undefined) throw damagedChunk();
        for (let k = 0; k < keys.length; k++) this.skipValue();
        return;
      }
      default:
        throw damagedChunk();
    }
  }

  private object(): Record<string, unknown> {
    const keys = this.shapes[this.int()];
    if (keys === undefined) throw damagedChunk();
    const o: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as string;
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

  /** True once the streams have been read up to `end` exactly. */
  at(end: Cursor): boolean {
    return this.c.t === end.t && this.c.i === end.i && this.c.n === end.n;
  }

  /** Where the streams end. */
  end(): Cursor {
    return { t: this.tags.length, i: this.ints.length, n: this.nums.length };
  }
}
