import {
  controlBytes,
  fileIsUtf8,
  nulByte,
  refuseMixed,
  refuseSignature,
  undecodable,
} from './binary';
import type { Rejection } from './report';
import {
  bomEncoding,
  encodingsThatRead,
  misreadsByte,
  type ChoosableEncoding,
  type TextEncoding,
  type Utf16Encoding,
} from './text-encoding';
import type { ByteAt, Utf8Census } from './utf8-census';

/** The encodings a file's bytes are judged in: UTF-8 or a single-byte one (UTF-16 is decoded). */
export type ByteEncoding = Exclude<TextEncoding, Utf16Encoding>;

/** What the one byte rule says of a file read in an encoding. */
export interface BytesVerdict {
  /** Why the file is refused; undefined when it is text in the encoding. */
  rejection?: Rejection;
  /** For bytes that are not UTF-8 and bear no mark saying they are: the encodings that read them. */
  encodings: ChoosableEncoding[];
}

const refused = (rejection: Rejection, encodings: ChoosableEncoding[] = []): BytesVerdict => ({
  rejection,
  encodings,
});

/** The refusal at the first byte `encoding` reads as a control character, if there is one. */
function misreadIn(
  encoding: ChoosableEncoding,
  controls: readonly ByteAt[],
  encodings: ChoosableEncoding[],
): BytesVerdict {
  const misread = controls.find((c) => misreadsByte(encoding, c.byte));
  return misread ? refused(undecodable(encoding, misread.line), encodings) : { encodings };
}

/**
 * The rule the app's import, its worker and the CLI read a file by, from its head (for its
 * signature and byte-order mark) and the census of all its bytes, in order: a known binary
 * signature, then a NUL byte, is binary. Bytes that are all UTF-8 are text in UTF-8; in a chosen
 * single-byte encoding they are refused when they hold any character beyond ASCII (that encoding
 * garbles every one, "é" and "Α" alike) or a byte it reads as a control. Bytes that are not
 * UTF-8 are binary when no single-byte encoding reads them; refused where they stop being UTF-8
 * when marked UTF-8, or when UTF-8 letters elsewhere make them mixed; else read in the
 * single-byte encoding chosen, or refused with those that read them offered.
 */
export function judgeBytes(
  head: Uint8Array,
  census: Utf8Census,
  encoding: ByteEncoding,
): BytesVerdict {
  const signature = refuseSignature(head);
  if (signature) return refused(signature);
  const { invalid, multiByteLine, controls = [] } = census;
  const nul = controls.find((c) => c.byte === 0);
  if (nul) return refused(nulByte(nul.line));
  if (invalid === undefined) {
    if (encoding === 'utf-8') return { encodings: [] };
    return multiByteLine === undefined
      ? misreadIn(encoding, controls, [])
      : refused(fileIsUtf8(encoding, multiByteLine));
  }
  if (bomEncoding(head) === 'utf-8') return refused(undecodable('utf-8', invalid.line));
  const encodings = encodingsThatRead(controls.map((c) => c.byte));
  if (encodings.length === 0) {
    const control = controls.find((c) => misreadsByte('windows-1252', c.byte));
    return refused(controlBytes(control?.line ?? invalid.line));
  }
  const mixed = refuseMixed(census);
  if (mixed) return refused(mixed);
  return encoding === 'utf-8'
    ? refused(undecodable('utf-8', invalid.line), encodings)
    : misreadIn(encoding, controls, encodings);
}
