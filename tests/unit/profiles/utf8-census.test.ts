import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createUtf8Scan, utf8Census } from '../../../src/domain/profiles/import/utf8-census';

/** The 1-based line of `text` holding its first character matching `pattern`; undefined if none. */
function lineOf(text: string, pattern: RegExp): number | undefined {
  const at = text.search(pattern);
  return at < 0 ? undefined : text.slice(0, at).split('\n').length;
}

/** Bytes biased towards UTF-8 leads, continuations, the leads with narrowed ranges and line feeds. */
const someBytes = fc.array(
  fc.oneof(
    fc.integer({ min: 0, max: 255 }),
    fc.constantFrom(0x0a, 0xc3, 0xa9, 0xc5, 0xc9, 0xe0, 0xe2, 0x80, 0xed, 0xf4),
  ),
  { maxLength: 16 },
);

describe('utf8Census', () => {
  it('finds the lines the browser’s decoder reads "�", UTF-8 letters or typography, and any character beyond ASCII on', () => {
    fc.assert(
      fc.property(someBytes, (values) => {
        const bytes = new Uint8Array(values);
        // The lenient decoder puts "�" where the strict one throws.
        const text = new TextDecoder('utf-8').decode(bytes);
        const census = utf8Census(bytes);
        expect(census.invalid?.line).toBe(lineOf(text, /\uFFFD/));
        expect(census.utf8Line).toBe(lineOf(text, /[\u00A0-\u017F\u2010-\u203A\u20AC]/u));
        expect(census.multiByteLine).toBe(lineOf(text, /[^\p{ASCII}\uFFFD]/u));
      }),
      { numRuns: 3_000, seed: 20_261_207 },
    );
  });

  it('finds the first of each byte that reads as a control character in some encoding, with its line', () => {
    fc.assert(
      fc.property(someBytes, (values) => {
        const expected = [...new Set(values)]
          .filter(
            (byte) =>
              (byte < 0x20 && ![9, 10, 12, 13].includes(byte)) || (byte >= 0x7f && byte <= 0x9f),
          )
          .map((byte) => {
            const offset = values.indexOf(byte);
            const line = values.slice(0, offset).filter((b) => b === 10).length + 1;
            return { byte, line, offset };
          })
          .sort((a, b) => a.offset - b.offset);
        expect(utf8Census(new Uint8Array(values)).controls ?? []).toEqual(expected);
      }),
      { numRuns: 2_000, seed: 20_261_209 },
    );
  });

  it('takes the same census however the bytes are sliced, a character cut at the end only at the end', () => {
    fc.assert(
      fc.property(someBytes, fc.integer({ min: 1, max: 5 }), (values, size) => {
        const bytes = new Uint8Array(values);
        const scan = createUtf8Scan();
        for (let i = 0; i < bytes.length; i += size) scan.push(bytes.subarray(i, i + size));
        expect(scan.census(true)).toEqual(utf8Census(bytes));
      }),
      { numRuns: 2_000, seed: 20_261_208 },
    );
    const cut = new TextEncoder().encode('id\nZoë').subarray(0, -1);
    expect(utf8Census(cut, false)).toEqual({});
    expect(utf8Census(cut, true)).toEqual({ invalid: { line: 2, offset: 5 } });
  });
});
