import { reject, type Rejection } from './report';
import {
  bomEncoding,
  encodingsThatRead,
  misreadAt,
  textDecoder,
  type ChoosableEncoding,
  type TextEncoding,
} from './text-encoding';
import { utf8Census, type Utf8Census } from './utf8-census';

/** File signatures people pick by mistake (spreadsheets, archives, images, documents). */
const MAGIC_NUMBERS: ReadonlyArray<{ name: string; bytes: readonly number[] }> = [
  { name: 'a ZIP archive (or an Excel .xlsx workbook)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'an old Excel or Word file', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a 7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'a RAR archive', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { name: 'a bzip2 archive', bytes: [0x42, 0x5a, 0x68] },
  { name: 'a Parquet file', bytes: [0x50, 0x41, 0x52, 0x31] },
  { name: 'an SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
  { name: 'a program (ELF)', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'a Windows program', bytes: [0x4d, 0x5a] },
  { name: 'a WebAssembly module', bytes: [0x00, 0x61, 0x73, 0x6d] },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/** The 1-based line of a byte offset, counting line feeds before it. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

/** The refusal of a file that starts with a known binary signature, if it does. */
export function refuseSignature(bytes: Uint8Array): Rejection | undefined {
  const magic = MAGIC_NUMBERS.find((m) => startsWith(bytes, m.bytes));
  return magic
    ? reject(
        1,
        'binary_file',
        `This is ${magic.name}, not a text file. Export it as CSV or JSON first.`,
      )
    : undefined;
}

/** What the head of a file says about its text. */
export type TextVerdict =
  | { kind: 'refused'; rejection: Rejection }
  /** Decoded for sure: UTF-16 or UTF-8 named by a byte-order mark, or valid UTF-8. */
  | { kind: 'text'; encoding: TextEncoding }
  /** Not UTF-8, yet text in these single-byte encodings (at least one): the user chooses. */
  | { kind: 'choose'; encodings: [ChoosableEncoding, ...ChoosableEncoding[]] };

function refuseNul(line: number): TextVerdict {
  return {
    kind: 'refused',
    rejection: reject(
      line,
      'binary_file',
      `Line ${line} holds a NUL byte: this is a binary file, not CSV or JSON text.`,
    ),
  };
}

/**
 * Reads the head of a file before anything parses it: refuses a known binary signature, NUL
 * bytes, UTF-16 that does not decode, and bytes that are text in no encoding we read (control
 * characters); otherwise says how the text is encoded, or which encodings could read it. `final`
 * says whether `bytes` end the file (a character cut at the end of a head is not an error).
 */
export function inspectText(bytes: Uint8Array, final = true): TextVerdict {
  const signature = refuseSignature(bytes);
  if (signature) return { kind: 'refused', rejection: signature };
  // UTF-16 (Excel's "Unicode text") is text, though every ASCII letter comes with a NUL byte.
  const bom = bomEncoding(bytes);
  if (bom === 'utf-16le' || bom === 'utf-16be') {
    let text: string;
    try {
      text = textDecoder(bom).decode(bytes, { stream: !final });
    } catch {
      return { kind: 'refused', rejection: undecodable(bom) };
    }
    const nul = text.indexOf('\u0000');
    return nul < 0 ? { kind: 'text', encoding: bom } : refuseNul(lineOfText(text, nul));
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return refuseNul(lineAt(bytes, nul));
  try {
    textDecoder('utf-8').decode(bytes, { stream: !final });
    return { kind: 'text', encoding: 'utf-8' };
  } catch {
    // Marked UTF-8 yet not: the mark outranks any choice at import, so none is offered.
    if (bom === 'utf-8') return { kind: 'refused', rejection: undecodable('utf-8') };
    // Not UTF-8: a Windows or Mac export, perhaps, which the user can name.
  }
  const encodings = encodingsThatRead(bytes);
  const [first, ...others] = encodings;
  if (first !== undefined) {
    const mixed = refuseMixed(utf8Census(bytes, final));
    return mixed
      ? { kind: 'refused', rejection: mixed }
      : { kind: 'choose', encodings: [first, ...others] };
  }
  const text = textDecoder('windows-1252').decode(bytes);
  const line = lineOfText(text, misreadAt(text, 'windows-1252'));
  return {
    kind: 'refused',
    rejection: reject(
      line,
      'binary_file',
      `Line ${line} holds control characters no text has: this is a binary file, not CSV or JSON text.`,
    ),
  };
}

/** The 1-based line of a character, counting line feeds before it. */
export function lineOfText(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The refusal of a file whose bytes are not text in the encoding it is read in. */
export function undecodable(encoding: TextEncoding, row = 1): Rejection {
  // A file refused at its head says so; one UTF-8 up to a line far on names that line.
  const from = row > 1 ? ` from line ${row}` : '';
  return encoding === 'utf-8'
    ? reject(
        row,
        'not_utf8',
        `The file is not UTF-8 text${from} (a Latin-1 or Windows export, perhaps). Save it as "CSV UTF-8" or UTF-8 JSON and import it again.`,
      )
    : reject(
        row,
        'undecodable_text',
        `The file cannot be read as ${ENCODING_NAMES[encoding]} text. Save it as "CSV UTF-8" and import it again.`,
      );
}

/**
 * The refusal of a file that is UTF-8 with characters beyond ASCII at `utf8Line` (before or after
 * `row`) and not UTF-8 at `row`: no one encoding reads both as written, so no choice of encoding
 * can import it.
 */
export function mixedEncodings(utf8Line: number, row: number): Rejection {
  return reject(
    row,
    'mixed_encoding',
    `The file mixes encodings: line ${utf8Line} is UTF-8 but line ${row} is not (a Latin-1 or Windows export, perhaps). No one encoding reads both, so save the whole file again in one encoding ("CSV UTF-8") and import it again.`,
  );
}

/**
 * The refusal of bytes holding both characters beyond ASCII written as UTF-8 and bytes that are
 * not UTF-8, at the first of those: UTF-8 misreads the one part, any single-byte encoding the
 * other (its "Ã©" for "é" passes for text), so none is offered. Undefined unless both are there.
 */
export function refuseMixed({ invalid, utf8Line }: Utf8Census): Rejection | undefined {
  return invalid !== undefined && utf8Line !== undefined
    ? mixedEncodings(utf8Line, invalid.line)
    : undefined;
}

/** Encodings as the domain's English sentences name them. */
const ENCODING_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  'windows-1252': 'Windows-1252',
  'iso-8859-15': 'ISO-8859-15',
  'windows-1250': 'Windows-1250',
  macintosh: 'Mac OS Roman',
};
