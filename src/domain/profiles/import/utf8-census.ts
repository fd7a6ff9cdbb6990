import { isMisread } from './text-encoding';

/** A byte of a file: its value, its 1-based line and its offset in the bytes scanned. */
export interface ByteAt {
  byte: number;
  line: number;
  offset: number;
}

/**
 * Where a file's bytes stop being UTF-8, where they hold UTF-8 text beyond ASCII, and where the
 * bytes that read as control characters first occur.
 */
export interface Utf8Census {
  /**
   * The first byte that does not begin a valid UTF-8 character (as the WHATWG decoder reads it:
   * no overlong forms, surrogates or code points past U+10FFFF; a character cut at the end of the
   * file included): its 1-based line and its offset in the bytes scanned.
   */
  invalid?: { line: number; offset: number };
  /**
   * The 1-based line of the first character written as valid UTF-8 that a single-byte export
   * would hardly hold in its place (see {@link isUtf8Evidence}).
   */
  utf8Line?: number;
  /**
   * The 1-based line of the first character written as valid UTF-8 beyond ASCII, whatever it is:
   * in a file that is all UTF-8, any such character shows it is UTF-8 ("Α" is CE 91, "😀" F0 9F
   * 98 80); {@link utf8Line}'s narrower set serves to call a file that is not all UTF-8 mixed.
   */
  multiByteLine?: number;
  /**
   * The first occurrence of each byte some encoding reads as a control character no text holds
   * (see {@link CONTROL_BYTES}), in file order; left out when there is none.
   */
  controls?: ByteAt[];
}

/** A census taken slice by slice: a character cut across slices is read whole. */
export interface Utf8Scan {
  push(bytes: Uint8Array): void;
  /** The census so far; `final` says the bytes pushed end the file (a cut character is invalid). */
  census(final: boolean): Utf8Census;
}

const LINE_FEED = 10;

/**
 * The bytes some encoding reads as a control character no text holds ({@link isMisread}): the C0
 * controls and DEL in all; 0x80–0x9F where a single-byte encoding leaves them unassigned (0x81
 * in Windows-1252, all of them in ISO-8859-15), though UTF-8 continues characters with them ("Ð"
 * is C3 90).
 */
const CONTROL_BYTES = Uint8Array.from({ length: 256 }, (_, byte) => (isMisread(byte) ? 1 : 0));

/**
 * Whether a character read as valid UTF-8 shows the text is UTF-8: Latin-1 punctuation and Latin
 * letters with a diacritic (U+00A0–U+017F: "é" is C3 A9), typographic dashes, quotes and ellipsis
 * (U+2010–U+203A) and "€". Other two-byte characters are what Windows-1252 text makes by chance:
 * "É" and a no-break space (C9 A0) read as U+0260, "ß…" (DF 85) as U+07C5; a byte order mark says
 * nothing of the letters. Those count as neither UTF-8 nor invalid.
 */
function isUtf8Evidence(codePoint: number): boolean {
  return (
    (codePoint >= 0xa0 && codePoint <= 0x17f) ||
    (codePoint >= 0x2010 && codePoint <= 0x203a) ||
    codePoint === 0x20ac
  );
}

export function createUtf8Scan(): Utf8Scan {
  let line = 1;
  let offset = 0;
  let invalid: Utf8Census['invalid'];
  let utf8Line: number | undefined;
  let multiByteLine: number | undefined;
  const controls: ByteAt[] = [];
  const controlSeen = new Uint8Array(256);
  // The character being read: its lead's offset, continuation bytes still to come, and the range
  // the next one must fall in (narrowed after the leads that would allow the forbidden forms).
  let leadAt = 0;
  let needed = 0;
  let codePoint = 0;
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
    codePoint = byte & (0x3f >> needed);
  };

  return {
    push(bytes) {
      for (let i = 0; i < bytes.length; i++) {
        const byte = bytes[i] as number;
        if (CONTROL_BYTES[byte] === 1 && controlSeen[byte] === 0) {
          controlSeen[byte] = 1;
          controls.push({ byte, line, offset: offset + i });
        }
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
          codePoint = (codePoint << 6) | (byte & 0x3f);
          if (--needed === 0) {
            multiByteLine ??= line;
            if (isUtf8Evidence(codePoint)) utf8Line ??= line;
          }
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
        ...(multiByteLine === undefined ? {} : { multiByteLine }),
        ...(controls.length === 0 ? {} : { controls: [...controls] }),
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
