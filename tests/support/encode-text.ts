import {
  textDecoder,
  type ChoosableEncoding,
  type TextEncoding,
} from '../../src/domain/profiles/import/text-encoding.ts';

const tables = new Map<ChoosableEncoding, Map<string, number>>();

/**
 * Each character of a single-byte encoding and its byte, read from the import's own decoder
 * (TextDecoder, with Windows-1252 as the standard has it whatever Node's version).
 */
function tableOf(encoding: ChoosableEncoding): Map<string, number> {
  let table = tables.get(encoding);
  if (table === undefined) {
    table = new Map();
    const decoder = textDecoder(encoding);
    for (let byte = 255; byte >= 0; byte--) {
      table.set(decoder.decode(new Uint8Array([byte])), byte);
    }
    tables.set(encoding, table);
  }
  return table;
}

/**
 * Text as a file saved in `encoding` holds it (TextEncoder writes UTF-8 only): UTF-16 with its
 * byte-order mark, as Excel's "Unicode text" does; a single-byte encoding by its table (a
 * character it lacks throws, so a test cannot build a file that no program would write).
 */
export function encodeText(
  text: string,
  encoding: TextEncoding,
  bom = false,
): Uint8Array<ArrayBuffer> {
  if (encoding === 'utf-8') {
    const bytes = new TextEncoder().encode(text);
    return bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : new Uint8Array(bytes);
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const out = new Uint8Array(2 + text.length * 2);
    const little = encoding === 'utf-16le';
    out.set(little ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      out[2 + 2 * i] = little ? unit & 0xff : unit >> 8;
      out[3 + 2 * i] = little ? unit >> 8 : unit & 0xff;
    }
    return out;
  }
  const table = tableOf(encoding);
  return new Uint8Array(
    [...text].map((c) => {
      const byte = table.get(c);
      if (byte === undefined) throw new Error(`${encoding} has no ${c}`);
      return byte;
    }),
  );
}
