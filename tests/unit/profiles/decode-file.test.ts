import { describe, expect, it } from 'vitest';
import { decodeFile } from '../../../src/domain/profiles/import/decode-file.ts';
import { encodeText } from '../../support/encode-text.ts';

const csv = 'id,name\np1,Zoë\np2,Søren\n';

/** `text` as UTF-8 with `bytes` put in place of the marker `#`. */
function utf8With(text: string, bytes: number[]): Uint8Array {
  const [before = '', after = ''] = text.split('#');
  const encoder = new TextEncoder();
  return new Uint8Array([...encoder.encode(before), ...bytes, ...encoder.encode(after)]);
}

describe('decodeFile', () => {
  it('reads UTF-8, and UTF-16 by its byte-order mark whatever was chosen', () => {
    expect(decodeFile(encodeText(csv, 'utf-8'))).toEqual({
      ok: true,
      text: csv,
      encoding: 'utf-8',
    });
    expect(decodeFile(encodeText(csv, 'utf-8', true))).toMatchObject({ ok: true, text: csv });
    expect(decodeFile(encodeText(csv, 'utf-16le'), 'windows-1252')).toEqual({
      ok: true,
      text: csv,
      encoding: 'utf-16le',
    });
    expect(decodeFile(encodeText(csv, 'utf-16be'))).toMatchObject({ ok: true, text: csv });
  });

  it('reads UTF-16 without a byte-order mark when it is chosen, and still refuses a NUL in it', () => {
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const bomless = encodeText(csv, encoding).subarray(2);
      expect(decodeFile(bomless, encoding)).toEqual({ ok: true, text: csv, encoding });
      const nul = encodeText('id\np1\np\u0000\n', encoding).subarray(2);
      expect(decodeFile(nul, encoding)).toMatchObject({
        ok: false,
        rejection: { row: 3, reason: 'binary_file' },
      });
    }
  });

  it('reads a chosen single-byte encoding', () => {
    const bytes = encodeText(csv, 'windows-1252');
    expect(decodeFile(bytes, 'windows-1252')).toEqual({
      ok: true,
      text: csv,
      encoding: 'windows-1252',
    });
  });

  it('refuses bytes that are not UTF-8 at their line, with the encodings that read them', () => {
    const refused = decodeFile(encodeText(csv, 'windows-1252'));
    expect(refused).toMatchObject({ ok: false, rejection: { row: 2, reason: 'not_utf8' } });
    expect(refused.ok ? [] : refused.encodings).toContain('windows-1252');
  });

  it('finds the line of a bad byte far past the head, and of a character cut at the end', () => {
    const far = `id\n${'p\n'.repeat(40_000)}#\n`;
    expect(decodeFile(utf8With(far, [0xc3, 0x28]))).toMatchObject({
      ok: false,
      rejection: { row: 40_002, reason: 'not_utf8' },
    });
    expect(decodeFile(utf8With('id\np1\n#', [0xe2, 0x82]))).toMatchObject({
      ok: false,
      rejection: { row: 3, reason: 'not_utf8' },
    });
  });

  it('refuses UTF-16 with a lone surrogate at its line', () => {
    const bytes = encodeText('id\np1\np\ud800x\n', 'utf-16le');
    expect(decodeFile(bytes)).toMatchObject({
      ok: false,
      rejection: { row: 3, reason: 'undecodable_text' },
    });
  });

  it('refuses control characters in a chosen single-byte encoding, and NUL in any, at their line', () => {
    const controls = utf8With('id\np1\n#\n', [0x01]);
    expect(decodeFile(controls, 'windows-1252')).toMatchObject({
      ok: false,
      rejection: { row: 3, reason: 'undecodable_text' },
    });
    const far = utf8With(`id\n${'p\n'.repeat(40_000)}#\n`, [0x00]);
    expect(decodeFile(far)).toMatchObject({
      ok: false,
      rejection: { row: 40_002, reason: 'binary_file' },
    });
  });

  it('refuses a binary file by its signature', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(decodeFile(zip)).toMatchObject({ ok: false, rejection: { reason: 'binary_file' } });
    expect(decodeFile(zip, 'utf-16le')).toMatchObject({
      ok: false,
      rejection: { reason: 'binary_file' },
    });
  });
});
