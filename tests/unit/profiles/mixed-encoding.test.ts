import { describe, expect, it } from 'vitest';
import { decodeFile } from '../../../src/domain/profiles/import/decode-file';
import { sniffFile } from '../../../src/features/profiles/import/sniff-file';
import { parseProfileFile } from '../../../src/workers/profiles/import-job';

/**
 * A file that is ASCII up to a line saved in Windows-1252 ("é" as the byte 0xE9) and UTF-8 after
 * it ("ë" as 0xC3 0xAB): a single-byte encoding would read the UTF-8 part as "Ã«", so the file
 * is refused as mixed at the line that is not UTF-8, and no encoding is offered.
 */
const mapping = { id: 'id', name: 'name', tags: [], custom: [] };
/** The line of {@link asciiThenLatinThenUtf8}'s Windows-1252 byte, past its ASCII rows. */
const BAD_LINE = 2;

/** CSV rows of ASCII alone. */
const asciiRows = (count: number): string =>
  Array.from({ length: count }, (_, i) => `a${i},Customer number ${i}\n`).join('');

function asciiThenLatinThenUtf8(asciiRowCount = 0): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  return new Uint8Array([
    ...encoder.encode(`id,name\n${asciiRows(asciiRowCount)}c1,Ren`),
    0xe9,
    ...encoder.encode('e\nc2,Zoë\n'),
  ]);
}

describe('a file with both UTF-8 letters and bytes that are not UTF-8', () => {
  it('is refused at the line that is not UTF-8, with no encoding offered, when it is all in the head', () => {
    expect(decodeFile(asciiThenLatinThenUtf8())).toMatchObject({
      ok: false,
      rejection: { reason: 'mixed_encoding', row: BAD_LINE },
    });
  });

  it('is refused so when the app picks it', async () => {
    const sniffed = await sniffFile(new Blob([asciiThenLatinThenUtf8()]));
    expect(sniffed).toMatchObject({
      kind: 'refused',
      refusal: { reason: 'mixed_encoding', row: BAD_LINE },
    });
  });

  it('is refused so when the CLI reads it, as UTF-8 or in a single-byte encoding given', () => {
    for (const chosen of [undefined, 'windows-1252', 'iso-8859-15', 'macintosh'] as const) {
      expect(decodeFile(asciiThenLatinThenUtf8(), chosen)).toEqual({
        ok: false,
        rejection: expect.objectContaining({ reason: 'mixed_encoding', row: BAD_LINE }),
        encoding: chosen ?? 'utf-8',
        encodings: [],
      });
    }
  });

  /** ASCII rows past every head the app reads (the import's 64 KB, the preview's 1 MB). */
  const ROWS_PAST_HEADS = 40_000;

  it('is refused so when the import finds it past the head', async () => {
    const file = new Blob([asciiThenLatinThenUtf8(ROWS_PAST_HEADS)]);
    expect(file.size).toBeGreaterThan(1024 * 1024);
    const { profiles, report } = await parseProfileFile(
      { file, kind: 'csv', mapping, encoding: 'utf-8' },
      () => undefined,
    );
    expect(profiles).toEqual([]);
    expect(report.refused).toMatchObject({
      reason: 'mixed_encoding',
      row: ROWS_PAST_HEADS + BAD_LINE,
    });
    expect(report.encodingChoice).toBeUndefined();
  });

  it('is refused so when the import reads it in an encoding chosen by a head without the UTF-8 part', async () => {
    const encoder = new TextEncoder();
    const file = new Blob([
      new Uint8Array([...encoder.encode('id,name\nc1,Ren'), 0xe9]),
      encoder.encode(`e\n${asciiRows(ROWS_PAST_HEADS)}c2,Zoë\n`),
    ]);
    expect(file.size).toBeGreaterThan(1024 * 1024);
    const head = await sniffFile(file);
    expect(head).toMatchObject({ kind: 'csv', choice: { encoding: 'windows-1252' } });
    const { profiles, report } = await parseProfileFile(
      { file, kind: 'csv', mapping, encoding: 'windows-1252' },
      () => undefined,
    );
    expect(profiles).toEqual([]);
    expect(report.refused).toMatchObject({ reason: 'mixed_encoding', row: BAD_LINE });
  });

  it('is read in the encoding chosen when the letters beyond ASCII are all in that encoding', async () => {
    const encoder = new TextEncoder();
    const latin = new Uint8Array([
      ...encoder.encode('id,name\nc1,Ren'),
      0xe9,
      ...encoder.encode('e\nc2,Zo'),
      0xeb,
      0x0a,
    ]);
    expect(decodeFile(latin, 'windows-1252')).toMatchObject({
      ok: true,
      text: 'id,name\nc1,Renée\nc2,Zoë\n',
    });
    const { profiles } = await parseProfileFile(
      { file: new Blob([latin]), kind: 'csv', mapping, encoding: 'windows-1252' },
      () => undefined,
    );
    expect(profiles.map((p) => p.attributes.name)).toEqual(['Renée', 'Zoë']);
  });

  it('is read in the encoding chosen when Windows-1252 letters happen to make valid UTF-8 pairs', async () => {
    // "É" then a no-break space is C9 A0, "É”" is C9 94, "ß…" is DF 85: each a valid UTF-8 pair
    // (U+0260, U+0254, U+07C5) that no UTF-8 export of these names would hold.
    const encoder = new TextEncoder();
    const latin = new Uint8Array([
      ...encoder.encode('id,name\nc1,ANDR'),
      0xc9,
      0xa0,
      ...encoder.encode('DUPONT\nc2,'),
      0x93,
      ...encoder.encode('CAF'),
      0xc9,
      0x94,
      ...encoder.encode('\nc3,GRO'),
      0xdf,
      0x85,
      ...encoder.encode('\nc4,Ren'),
      0xe9,
      0x0a,
    ]);
    const names = ['ANDRÉ\u00A0DUPONT', '“CAFÉ”', 'GROß…', 'René'];
    expect(decodeFile(latin, 'windows-1252')).toMatchObject({
      ok: true,
      text: `id,name\n${names.map((n, i) => `c${i + 1},${n}`).join('\n')}\n`,
    });
    expect(decodeFile(latin)).toMatchObject({
      ok: false,
      encodings: expect.arrayContaining(['windows-1252']),
    });
    const { profiles } = await parseProfileFile(
      { file: new Blob([latin]), kind: 'csv', mapping, encoding: 'windows-1252' },
      () => undefined,
    );
    expect(profiles.map((p) => p.attributes.name)).toEqual(names);
  });

  it('does not take a UTF-8 byte order mark for UTF-8 letters', async () => {
    const encoder = new TextEncoder();
    const file = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...encoder.encode(`id,name\n${asciiRows(ROWS_PAST_HEADS)}c1,Ren`),
      0xe9,
      0x0a,
    ]);
    expect(decodeFile(file).ok).toBe(false);
    expect(decodeFile(file)).not.toMatchObject({ rejection: { reason: 'mixed_encoding' } });
    const { report } = await parseProfileFile(
      { file: new Blob([file]), kind: 'csv', mapping, encoding: 'utf-8' },
      () => undefined,
    );
    expect(report.refused?.reason).not.toBe('mixed_encoding');
  });
});
