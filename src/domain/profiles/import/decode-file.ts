import { inspectText, lineOfText, refuseSignature, undecodable, type TextVerdict } from './binary';
import { reject, type Rejection } from './report';
import {
  bomEncoding,
  misreadAt,
  textDecoder,
  type ChoosableEncoding,
  type TextEncoding,
} from './text-encoding';

export type DecodedFile =
  | { ok: true; text: string; encoding: TextEncoding }
  /**
   * `encoding`: the one the file was read in. `encodings`: for a file that is not UTF-8, the
   * single-byte encodings its bytes read as (what the app and the CLI offer); else empty.
   */
  | {
      ok: false;
      rejection: Rejection;
      encoding: TextEncoding;
      encodings: ChoosableEncoding[];
    };

/**
 * The encoding a file is read in: the one its byte-order mark names (it outranks any choice, as
 * in browsers), else the one chosen, else UTF-8.
 */
export function encodingToRead(head: Uint8Array, chosen?: TextEncoding): TextEncoding {
  return bomEncoding(head) ?? chosen ?? 'utf-8';
}

function isUtf16(encoding: TextEncoding): boolean {
  return encoding === 'utf-16le' || encoding === 'utf-16be';
}

function verdictOfSignature(head: Uint8Array, encoding: TextEncoding): TextVerdict {
  const rejection = refuseSignature(head);
  return rejection ? { kind: 'refused', rejection } : { kind: 'text', encoding };
}

/** Where a line ends in `encoding`: a line feed byte, or code unit in UTF-16. */
function lineFeedAt(bytes: Uint8Array, i: number, encoding: TextEncoding): boolean {
  if (encoding === 'utf-16le') return i % 2 === 0 && bytes[i] === 10 && bytes[i + 1] === 0;
  if (encoding === 'utf-16be') return i % 2 === 0 && bytes[i] === 0 && bytes[i + 1] === 10;
  return bytes[i] === 10;
}

/**
 * The 1-based line holding the first byte sequence `encoding` (UTF-8 or UTF-16) cannot decode,
 * or undefined when all decode: the file is decoded line by line, each line with its line feed
 * so a character cut by the end of a line fails on that line.
 */
function undecodableLine(bytes: Uint8Array, encoding: TextEncoding): number | undefined {
  const decoder = textDecoder(encoding);
  const step = isUtf16(encoding) ? 2 : 1;
  let line = 1;
  let start = 0;
  try {
    for (let i = 0; i < bytes.length; i += step) {
      if (!lineFeedAt(bytes, i, encoding)) continue;
      decoder.decode(bytes.subarray(start, i + step), { stream: true });
      start = i + step;
      line++;
    }
    decoder.decode(bytes.subarray(start));
    return undefined;
  } catch {
    return line;
  }
}

/**
 * A file's text, or the head of one (`final` false: a character cut at the end waits for more),
 * read by the one rule of the app's import, its worker and the CLI: binary bytes are refused
 * (signature; unless read as UTF-16, NUL bytes and control characters too); the encoding is the
 * byte-order mark's, else `chosen`, else UTF-8, and bytes that are not text in it are refused at
 * their line (a NUL, or a control character in a single-byte encoding, says the encoding is not
 * the file's).
 */
export function decodeFile(bytes: Uint8Array, chosen?: TextEncoding, final = true): DecodedFile {
  const encoding = encodingToRead(bytes, chosen);
  // UTF-16 holds a NUL byte in every ASCII character, so only a signature says it is binary; a
  // NUL character is refused below, once decoded.
  const verdict: TextVerdict = isUtf16(encoding)
    ? verdictOfSignature(bytes, encoding)
    : inspectText(bytes, final);
  const refused = (rejection: Rejection): DecodedFile => ({
    ok: false,
    rejection,
    encoding,
    encodings: verdict.kind === 'choose' ? verdict.encodings : [],
  });
  // Bytes that do not decode are refused below, at the line they fail on. A file mixing UTF-8
  // and other bytes is refused whichever encoding was chosen: it reads right in none.
  if (verdict.kind === 'refused' && verdict.rejection.reason !== 'not_utf8')
    return refused(verdict.rejection);
  let text: string;
  try {
    text = textDecoder(encoding).decode(bytes, { stream: !final });
  } catch {
    return refused(undecodable(encoding, undecodableLine(bytes, encoding) ?? 1));
  }
  const misread = misreadAt(text, encoding);
  if (misread < 0) return { ok: true, text, encoding };
  const line = lineOfText(text, misread);
  return refused(
    text[misread] === '\u0000'
      ? reject(line, 'binary_file', `Line ${line} holds a NUL byte: this is a binary file.`)
      : undecodable(encoding, line),
  );
}
