/** Where a file's bytes stop being UTF-8, and where they hold UTF-8 beyond ASCII. */
export interface Utf8Census {
  /**
   * The first byte that does not begin a valid UTF-8 character (as the WHATWG decoder reads it:
   * no overlong forms, surrogates or code points past U+10FFFF; a character cut at the end of the
   * file included): its 1-based line and its offset in the bytes scanned.
   */
  invalid?: { line: number; offset: number };
  /** The 1-based line of the first character beyond ASCII written as valid UTF-8. */
  utf8Line?: number;
}

/** A census taken slice by slice: a character cut across slices is read whole. */
export interface Utf8Scan {
  push(bytes: Uint8Array): void;
  /** The census so far; `final` says the bytes pushed end the file (a cut character is invalid). */
  census(final: boolean): Utf8Census;
}

const LINE_FEED = 10;

export function createUtf8Scan(): Utf8Scan {
  let line = 1;
  let offset = 0;
  let invalid: Utf8Census['invalid'];
  let utf8Line: number | undefined;
  // The character being read: its lead's offset, continuation bytes still to come, and the range
  // the next one must fall in (narrowed after the leads that would allow the forbidden forms).
  let leadAt = 0;
  let needed = 0;
  let low = 0x80;
  let high = 0xbf;

  const markInvalid = (at: number) => {
    invalid ??= { line, offset: at };
  };

  const lead = (byte: number, at: number) => {
    if (byte < 0x80) {
      if (byte === LINE_FEED) line++;
      return;
    }
    leadAt = at;
    low = byte === 0xe0 ? 0xa0 : byte === 0xf0 ? 0x90 : 0x80;
    high = byte === 0xed ? 0x9f : byte === 0xf4 ? 0x8f : 0xbf;
    if (byte >= 0xc2 && byte <= 0xdf) needed = 1;
    else if (byte >= 0xe0 && byte <= 0xef) needed = 2;
    else if (byte >= 0xf0 && byte <= 0xf4) needed = 3;
    else markInvalid(at);
  };

  return {
    push(bytes) {
      for (let i = 0; i < bytes.length; i++) {
        const byte = bytes[i] as number;
        if (needed === 0) {
          lead(byte, offset + i);
        } else if (byte < low || byte > high) {
          // As the decoder does: the lead is invalid, and this byte begins afresh.
          markInvalid(leadAt);
          needed = 0;
          lead(byte, offset + i);
        } else {
          low = 0x80;
          high = 0xbf;
          if (--needed === 0) utf8Line ??= line;
        }
      }
      offset += bytes.length;
    },
    census(final) {
      const cut = final && needed > 0 ? { line, offset: leadAt } : undefined;
      const found = invalid ?? cut;
      return {
        ...(found === undefined ? {} : { invalid: found }),
        ...(utf8Line === undefined ? {} : { utf8Line }),
      };
    },
  };
}

/** The census of bytes on their own; `final` as for {@link Utf8Scan.census}. */
export function utf8Census(bytes: Uint8Array, final = true): Utf8Census {
  const scan = createUtf8Scan();
  scan.push(bytes);
  return scan.census(final);
}
