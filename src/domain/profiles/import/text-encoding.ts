import { z } from 'zod';

/**
 * Single-byte encodings a user may choose for a file that is not UTF-8, most likely first.
 * Excel on Windows saves "CSV" in the system's code page, Windows-1252 in Western Europe and the
 * Americas. Latin-1 (ISO-8859-1) is read as Windows-1252 by every browser (the WHATWG Encoding
 * standard maps the one label to the other; Windows-1252 is Latin-1 with € ’ “ … where Latin-1
 * has unprintable controls), so the first choice covers both.
 */
export const CHOOSABLE_ENCODINGS = [
  'windows-1252',
  'iso-8859-15',
  'windows-1250',
  'macintosh',
] as const;
export type ChoosableEncoding = (typeof CHOOSABLE_ENCODINGS)[number];

/** Every encoding a profile file is read in: UTF-8, UTF-16 named by its byte-order mark, or a choice. */
export const textEncodingSchema = z.enum(['utf-8', 'utf-16le', 'utf-16be', ...CHOOSABLE_ENCODINGS]);
export type TextEncoding = z.infer<typeof textEncodingSchema>;

export type Utf16Encoding = 'utf-16le' | 'utf-16be';

export function isUtf16(encoding: TextEncoding): encoding is Utf16Encoding {
  return encoding === 'utf-16le' || encoding === 'utf-16be';
}

/** The encoding a byte-order mark at the start of `bytes` names, if there is one. */
export function bomEncoding(bytes: Uint8Array): TextEncoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Whether a single-byte encoding was chosen (any byte decodes; controls say it is wrong). */
export function isChoosable(encoding: TextEncoding): encoding is ChoosableEncoding {
  return (CHOOSABLE_ENCODINGS as readonly string[]).includes(encoding);
}

/**
 * Characters no CSV or JSON text holds, in any encoding: NUL and the other C0 controls but tab,
 * line feed, form feed and carriage return; DEL; and the C1 controls a single-byte encoding
 * decodes its unassigned bytes to (0x81 in Windows-1252, 0x80–0x9F in ISO-8859-15).
 */
export function isMisread(code: number): boolean {
  return (
    (code < 0x20 && code !== 9 && code !== 10 && code !== 12 && code !== 13) ||
    (code >= 0x7f && code <= 0x9f)
  );
}

/** What the import reads text with: TextDecoder's `decode`, streaming or not. */
export interface TextDecoding {
  decode(input?: AllowSharedBufferSource, options?: TextDecodeOptions): string;
}

/**
 * Windows-1252's bytes 0x80–0x9F (the WHATWG Encoding standard's index): where it differs from
 * Latin-1. The five it leaves unassigned stay C1 controls.
 */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Windows-1252 as the standard (and every browser) reads it. Node 20.18.3 and later decode the
 * label as Latin-1 (nodejs/node#60888: "€" comes out as the control U+0080), so the bytes that
 * differ are mapped here; where TextDecoder is right this changes nothing.
 */
function windows1252(): TextDecoding {
  const latin = new TextDecoder('windows-1252');
  return {
    decode: (input, options) =>
      latin
        .decode(input, options)
        .replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c),
  };
}

/**
 * A decoder for a file's text in `encoding`. UTF-8 and UTF-16 are decoded strictly (a byte
 * sequence they cannot hold throws a TypeError) and drop their byte-order mark; a single-byte
 * encoding decodes any byte.
 */
export function textDecoder(encoding: TextEncoding): TextDecoding {
  return encoding === 'windows-1252' ? windows1252() : new TextDecoder(encoding, { fatal: true });
}

/**
 * The index of the first character in `text` that says it was decoded wrongly: a NUL in any
 * encoding, and in a chosen single-byte encoding any other control character. -1 when none.
 */
export function misreadAt(text: string, encoding: TextEncoding): number {
  if (!isChoosable(encoding)) return text.indexOf('\u0000');
  for (let i = 0; i < text.length; i++) if (isMisread(text.charCodeAt(i))) return i;
  return -1;
}

const BYTE_VALUES = Uint8Array.from({ length: 256 }, (_, byte) => byte);
const charsByEncoding = new Map<ChoosableEncoding, string>();

/** Whether a single-byte encoding reads `byte` as a control character no text holds. */
export function misreadsByte(encoding: ChoosableEncoding, byte: number): boolean {
  let chars = charsByEncoding.get(encoding);
  if (chars === undefined) {
    chars = textDecoder(encoding).decode(BYTE_VALUES);
    charsByEncoding.set(encoding, chars);
  }
  return isMisread(chars.charCodeAt(byte));
}

/** The choosable encodings that read each of `bytes` (byte values) as text, not a control. */
export function encodingsThatRead(bytes: readonly number[]): ChoosableEncoding[] {
  return CHOOSABLE_ENCODINGS.filter((encoding) =>
    bytes.every((byte) => !misreadsByte(encoding, byte)),
  );
}
