import { describe, expect, it } from 'vitest';
import { importCsv } from '../../../../src/domain/profiles/import/csv';

const mapping = { id: 'id', name: 'name', tags: [], custom: [] };

/** `text` in pieces of `size` characters, as a file read in small slices comes. */
const piecesOf = (text: string, size: number): string[] =>
  Array.from({ length: Math.ceil(text.length / size) }, (_, i) =>
    text.slice(i * size, (i + 1) * size),
  );

describe('a CSV file with a line of 5 MB, streamed in small pieces', () => {
  it.each([
    ['as its only line (no line feed at all)', 'x'.repeat(5 << 20)],
    ['after its header', `id,name\nc1,${'x'.repeat(5 << 20)}\nc2,Ann\n`],
  ])('is read %s as it is read whole', (_, text) => {
    expect(importCsv(piecesOf(text, 1024), mapping)).toEqual(importCsv(text, mapping));
  });
});
