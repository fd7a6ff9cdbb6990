/**
 * A chunk's strings packed into one string and a table of offsets. A stored chunk of 1,000
 * generated profiles holds about 6,900 distinct strings (ids, names, emails, order ids…); a
 * 100,000-profile set kept as IndexedDB hands them back is 690,000 live strings, each one more
 * object for every garbage collection to mark while a person scrolls. Packed, it is one string
 * a chunk (and one object to copy between threads), and a string is cut out only when a row, a
 * sort or a profile reads it.
 */
export class PackedStrings {
  /**
   * @param text the strings joined
   * @param offsets string `i` is `text[offsets[i]] … text[offsets[i + 1]]` (exclusive)
   */
  constructor(
    readonly text: string,
    readonly offsets: Int32Array,
  ) {}

  static of(strings: readonly string[]): PackedStrings {
    const offsets = new Int32Array(strings.length + 1);
    let at = 0;
    for (let i = 0; i < strings.length; i++) {
      offsets[i] = at;
      at += (strings[i] as string).length;
    }
    offsets[strings.length] = at;
    return new PackedStrings(strings.join(''), offsets);
  }

  get length(): number {
    return this.offsets.length - 1;
  }

  /** String `i`, or undefined when there is none. */
  at(i: number): string | undefined {
    if (!(i >= 0 && i < this.offsets.length - 1)) return undefined;
    return this.text.slice(this.offsets[i], this.offsets[i + 1]);
  }

  /** Whether there is a string `i`. */
  has(i: number): boolean {
    return i >= 0 && i < this.offsets.length - 1;
  }

  /** Whether string `i` is `s`, without cutting it out. */
  is(i: number, s: string): boolean {
    const from = this.offsets[i] as number;
    return (this.offsets[i + 1] as number) - from === s.length && this.text.startsWith(s, from);
  }
}
