import { describe, expect, it } from 'vitest';
import { decodeFile } from '../../../../src/domain/profiles/import/decode-file';
import type { TextEncoding } from '../../../../src/domain/profiles/import/text-encoding';
import { parseProfileFile } from '../../../../src/workers/profiles/import-job';

/**
 * The CLI reads a file whole by decodeFile; the app's import worker streams it. Both read by one
 * rule, so on the same bytes they refuse alike, for the same reason and at the same line.
 */
const mapping = { id: 'id', name: 'name', tags: [], custom: [] };
const encoder = new TextEncoder();
/** ASCII rows past the 64 KB head the worker checks before it streams. */
const asciiRows = (count: number): string =>
  Array.from({ length: count }, (_, i) => `a${i},Customer number ${i}\n`).join('');
const PAST_HEAD = 4_000;

async function refusalsOf(bytes: Uint8Array<ArrayBuffer>, encoding: TextEncoding) {
  const decoded = decodeFile(bytes, encoding);
  const { report } = await parseProfileFile(
    { file: new Blob([bytes]), kind: 'csv', mapping, encoding },
    () => undefined,
  );
  return {
    cli: decoded.ok ? undefined : { reason: decoded.rejection.reason, row: decoded.rejection.row },
    worker: report.refused && { reason: report.refused.reason, row: report.refused.row },
  };
}

describe('a single-byte encoding chosen for a file that is UTF-8', () => {
  it('is refused as UTF-8 at its first UTF-8 letter, never read as "Ã«", far into the file too', async () => {
    const near = encoder.encode('id,name\nc1,Zoë\n');
    const far = encoder.encode(`id,name\n${asciiRows(PAST_HEAD)}c1,Zoë\n`);
    expect(far.length).toBeGreaterThan(64 * 1024);
    for (const [bytes, row] of [
      [near, 2],
      [far, PAST_HEAD + 2],
    ] as const) {
      for (const encoding of ['windows-1252', 'iso-8859-15', 'macintosh'] as const) {
        const refusal = { reason: 'file_is_utf8', row };
        expect(await refusalsOf(bytes, encoding)).toEqual({ cli: refusal, worker: refusal });
      }
    }
  });

  it('is refused as UTF-8 whatever script it is in, never read as "Î‘Î¸Î®Î½Î±" or "ðŸ˜€"', async () => {
    for (const [name, encoding] of [
      ['Αθήνα', 'windows-1252'],
      ['Москва', 'windows-1252'],
      ['😀', 'windows-1252'],
      ['東京', 'windows-1250'],
      ['東京', 'macintosh'],
    ] as const) {
      const bytes = encoder.encode(`id,name\nc1,Zoe\nc2,${name}\n`);
      const refusal = { reason: 'file_is_utf8', row: 3 };
      expect(await refusalsOf(bytes, encoding)).toEqual({ cli: refusal, worker: refusal });
    }
  });

  it('is read in the encoding chosen when it is ASCII, as in any of them', async () => {
    const ascii = encoder.encode('id,name\nc1,Zoe\n');
    expect(decodeFile(ascii, 'windows-1252')).toMatchObject({
      ok: true,
      text: 'id,name\nc1,Zoe\n',
    });
    expect(await refusalsOf(ascii, 'windows-1252')).toEqual({ cli: undefined, worker: undefined });
  });
});

describe('a file mixing Windows-1252 and UTF-8 letters whose second byte Windows-1252 leaves unassigned', () => {
  // Á Í Ï Ð Ý are C3 81, C3 8D, C3 8F, C3 90, C3 9D in UTF-8: read in Windows-1252, each holds a
  // byte that reads as a control character.
  it.each(['Á', 'Í', 'Ï', 'Ð', 'Ý'])(
    'is refused as mixed at the Windows-1252 line, whether "%s" is in the head or far past it',
    async (letter) => {
      for (const rows of [0, PAST_HEAD]) {
        const bytes = new Uint8Array([
          ...encoder.encode('id,name\nc1,Ren'),
          0xe9, // "é" in Windows-1252
          ...encoder.encode(`e\n${asciiRows(rows)}c2,${letter}lvaro\n`),
        ]);
        for (const encoding of ['utf-8', 'windows-1252'] as const) {
          const mixed = { reason: 'mixed_encoding', row: 2 };
          expect(await refusalsOf(bytes, encoding)).toEqual({ cli: mixed, worker: mixed });
        }
      }
    },
  );

  it('is refused as binary alike when a control character no encoding reads comes after', async () => {
    const bytes = new Uint8Array([
      ...encoder.encode('id,name\nc1,'),
      0x81, // a control in Windows-1252
      ...encoder.encode(`\n${asciiRows(PAST_HEAD)}c2,Ann`),
      0x01,
      0x0a,
    ]);
    const binary = { reason: 'binary_file', row: 2 };
    expect(await refusalsOf(bytes, 'windows-1252')).toEqual({ cli: binary, worker: binary });
  });
});

describe('UTF-16 that stops decoding far into the file', () => {
  it('is refused at that line alike, however the worker slices it', async () => {
    const rows = `id,name\n${asciiRows(PAST_HEAD)}c1,Zoë\n`;
    const utf16 = new Uint8Array(2 + rows.length * 2 + 4);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < rows.length; i++) utf16[2 + 2 * i] = rows.charCodeAt(i);
    utf16.set([0x00, 0xd8, 0x0a, 0x00], 2 + rows.length * 2); // a lone high surrogate, then "\n"
    const line = PAST_HEAD + 3;
    const cli = decodeFile(utf16);
    expect(cli).toMatchObject({ ok: false, rejection: { reason: 'undecodable_text', row: line } });
    for (const sliceBytes of [undefined, 4_095, 65_537]) {
      const { report } = await parseProfileFile(
        { file: new Blob([utf16]), kind: 'csv', mapping, encoding: 'utf-8' },
        () => undefined,
        undefined,
        sliceBytes,
      );
      expect(report.refused).toMatchObject({ reason: 'undecodable_text', row: line });
    }
  });
});
