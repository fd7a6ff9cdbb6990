import { lineOfText, nulByte, refuseSignature, undecodable } from './binary';
import { judgeBytes } from './judge-bytes';
import type { Rejection } from './report';
import {
  bomEncoding,
  isUtf16,
  textDecoder,
  type ChoosableEncoding,
  type TextEncoding,
  type Utf16Encoding,
} from './text-encoding';
import { createUtf16LineScan } from './utf16-lines';
import { utf8Census } from './utf8-census';

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

/**
 * UTF-16 holds a NUL byte in every ASCII character, so only a signature says it is binary, and a
 * NUL character once decoded.
 */
function decodeUtf16(bytes: Uint8Array, encoding: Utf16Encoding, final: boolean): DecodedFile {
  const refused = (rejection: Rejection): DecodedFile => ({
    ok: false,
    rejection,
    encoding,
    encodings: [],
  });
  const signature = refuseSignature(bytes);
  if (signature) return refused(signature);
  let text: string;
  try {
    text = textDecoder(encoding).decode(bytes, { stream: !final });
  } catch {
    const lines = createUtf16LineScan(encoding);
    lines.push(bytes);
    return refused(undecodable(encoding, lines.end() ?? 1));
  }
  const nul = text.indexOf('\u0000');
  return nul < 0 ? { ok: true, text, encoding } : refused(nulByte(lineOfText(text, nul)));
}

/** UTF-8 text without a NUL or a binary signature, as the decoder alone tells; else undefined. */
function plainUtf8(bytes: Uint8Array, final: boolean): string | undefined {
  if (bytes.indexOf(0) >= 0 || refuseSignature(bytes)) return undefined;
  try {
    return textDecoder('utf-8').decode(bytes, { stream: !final });
  } catch {
    return undefined;
  }
}

/**
 * A file's text, or the head of one (`final` false: a character cut at the end waits for more),
 * read by the one rule of the app's import, its worker and the CLI ({@link judgeBytes}) in the
 * encoding its byte-order mark names, else `chosen`, else UTF-8.
 */
export function decodeFile(bytes: Uint8Array, chosen?: TextEncoding, final = true): DecodedFile {
  const encoding = encodingToRead(bytes, chosen);
  if (isUtf16(encoding)) return decodeUtf16(bytes, encoding, final);
  // Most files are UTF-8 read as UTF-8: the native decoder decides them without a census.
  const plain = encoding === 'utf-8' ? plainUtf8(bytes, final) : undefined;
  if (plain !== undefined) return { ok: true, text: plain, encoding };
  const { rejection, encodings } = judgeBytes(bytes, utf8Census(bytes, final), encoding);
  if (rejection) return { ok: false, rejection, encoding, encodings };
  return { ok: true, text: textDecoder(encoding).decode(bytes, { stream: !final }), encoding };
}
