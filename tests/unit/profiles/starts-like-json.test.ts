import { describe, expect, it } from 'vitest';
import { decodeFile } from '../../../src/domain/profiles/import/decode-file';
import { startsLikeJson } from '../../../src/domain/profiles/import/starts-like-json';
import { sniffFile } from '../../../src/features/profiles/import/sniff-file';
import { loadProfiles } from '../../../src/cli/load-profiles';

/** A file's text as a UTF-16 LE file with its byte-order mark holds it. */
function utf16le(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
    bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

const decoded = (bytes: Uint8Array) => {
  const file = decodeFile(bytes);
  if (!file.ok) throw new Error('not decoded');
  return file.text;
};

describe('whether a profiles file is JSON', () => {
  it.each([
    ['an array', '[{"id":"a"}]'],
    ['an object', '{"profiles":[]}'],
    ['NDJSON', '{"id":"a"}\n{"id":"b"}'],
    ['an empty array', '[]'],
    ['a byte-order mark and spaces first', '\uFEFF  \n\t[{"id":"a"}]'],
    ['no-break spaces first', '\u00A0{"id":"a"}'],
    ['an array whose first value is on the next line', '[\n  {"id":"a"}\n]'],
    ['a head that ends before the array’s first value', '[ \n'],
  ])('is JSON: %s', (_case, text) => {
    expect(startsLikeJson(text)).toBe(true);
  });

  it.each([
    ['an empty file', ''],
    ['a file of spaces and a byte-order mark', '\uFEFF \n '],
    ['a CSV whose first cell starts with [', '[vip] id,email\nann,ann@example.com'],
    ['a CSV whose first cell is a word in brackets', '[nullable],id\nx,1'],
    ['a CSV whose first cell is a number in brackets', '[1] id,email\nann,ann@example.com'],
    ['a CSV whose first cell starts with a year in brackets', '[2024 orders],id\n3,ann'],
    ['a CSV whose first cell is a negative number in brackets', '[-1],id\nx,1'],
    ['a CSV whose first cell is a quote in brackets', '["vip"] id,email\nann,a@b.c'],
    ['a CSV', 'id,email\nann,ann@example.com'],
  ])('is not JSON: %s', (_case, text) => {
    expect(startsLikeJson(text)).toBe(false);
  });

  it('reads a UTF-16 file by its byte-order mark before judging it', () => {
    expect(startsLikeJson(decoded(utf16le(' [{"id":"a"}]')))).toBe(true);
    expect(startsLikeJson(decoded(utf16le('[vip] id,email\nann,a@b.c')))).toBe(false);
  });

  it('is decided alike by the import dialog and the CLI for a CSV whose first cell starts with [', async () => {
    const text = '[vip] id,email\nann,ann@example.com\nbob,bob@example.com\n';
    const bytes = new TextEncoder().encode(text);
    expect((await sniffFile(new Blob([bytes]))).kind).toBe('csv');
    const profiles = await loadProfiles('vip.csv', '/', () => undefined, {
      read: async () => bytes,
    });
    expect(profiles.map((p) => p.id)).toEqual(['ann', 'bob']);
  });
});
