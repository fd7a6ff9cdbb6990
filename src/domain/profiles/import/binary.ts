import { reject, type Rejection } from './report';

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

/**
 * Refuses bytes that are not UTF-8 text before anything parses them: a known binary signature,
 * a NUL byte, or an invalid UTF-8 sequence. `final` says whether `bytes` end the file (a
 * multi-byte character cut at the end of a head is not an error). Undefined when it is text.
 */
export function refuseBinary(bytes: Uint8Array, final = true): Rejection | undefined {
  const magic = MAGIC_NUMBERS.find((m) => startsWith(bytes, m.bytes));
  if (magic) {
    return reject(
      1,
      'binary_file',
      `This is ${magic.name}, not a text file. Export it as CSV or JSON first.`,
    );
  }
  // UTF-16 (Excel's "Unicode text") is text, though every ASCII letter comes with a NUL byte.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return reject(
      1,
      'not_utf8',
      'The file is UTF-16 text (as Excel saves "Unicode text"), not UTF-8. Save it as "CSV UTF-8" and import it again.',
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = lineAt(bytes, nul);
    return reject(
      line,
      'binary_file',
      `Line ${line} holds a NUL byte: this is a binary file, not CSV or JSON text.`,
    );
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !final });
  } catch {
    return reject(
      1,
      'not_utf8',
      'The file is not UTF-8 text (a Latin-1 or Windows export, perhaps). Save it as "CSV UTF-8" or UTF-8 JSON and import it again.',
    );
  }
  return undefined;
}
