import { reject, type Rejection } from './report';
import type { ChoosableEncoding, TextEncoding } from './text-encoding';
import type { Utf8Census } from './utf8-census';

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

/** The refusal of a file holding a NUL byte (or character) at `line`. */
export function nulByte(line: number): Rejection {
  return reject(
    line,
    'binary_file',
    `Line ${line} holds a NUL byte: this is a binary file, not CSV or JSON text.`,
  );
}

/** The refusal of a file holding, at `line`, control characters no encoding reads as text. */
export function controlBytes(line: number): Rejection {
  return reject(
    line,
    'binary_file',
    `Line ${line} holds control characters no text has: this is a binary file, not CSV or JSON text.`,
  );
}

/**
 * The refusal of a file to be read in a single-byte `encoding` that is all UTF-8, with characters
 * beyond ASCII from `line`: the encoding would misread each of them ("é" as "Ã©").
 */
export function fileIsUtf8(encoding: ChoosableEncoding, line: number): Rejection {
  return reject(
    line,
    'file_is_utf8',
    `The file is UTF-8 (line ${line} holds UTF-8 characters), not ${ENCODING_NAMES[encoding]}: read in ${ENCODING_NAMES[encoding]} they would come out garbled. Import it as UTF-8.`,
  );
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
function mixedEncodings(utf8Line: number, row: number): Rejection {
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
