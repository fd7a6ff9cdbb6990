import { describe, expect, it } from 'vitest';
import { decodeFile } from '../../../src/domain/profiles/import/decode-file';
import type { ChoosableEncoding } from '../../../src/domain/profiles/import/text-encoding';
import { sniffFile } from '../../../src/features/profiles/import/sniff-file';
import { parseProfileFile } from '../../../src/workers/profiles/import-job';
import { encodeText } from '../../support/encode-text';

/** What reading a file's bytes came to: refused at a line, or read with encodings offered. */
type Verdict = { refused: string } | { offered: ChoosableEncoding[] };

/** The verdict of the app's import dialog on the file it was picked. */
async function appVerdict(bytes: Uint8Array<ArrayBuffer>): Promise<Verdict> {
  const sniffed = await sniffFile(new Blob([bytes]));
  if (sniffed.kind === 'refused')
    return { refused: `${sniffed.refusal.reason}@${sniffed.refusal.row}` };
  return { offered: sniffed.kind === 'csv' ? (sniffed.choice?.encodings ?? []) : [] };
}

/** The verdict of the CLI, which reads a whole file and suggests the encodings it offers. */
function cliVerdict(bytes: Uint8Array): Verdict {
  const decoded = decodeFile(bytes);
  if (decoded.ok) return { offered: [] };
  const { rejection, encodings } = decoded;
  return encodings.length > 0
    ? { offered: encodings }
    : { refused: `${rejection.reason}@${rejection.row}` };
}

/** `lines` lines of ASCII CSV (past 64 KB from line 2 500), with `bytes` put at the start of lines. */
function csvWith(lines: number, bytes: Record<number, number[]>): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  const rows = [
    'id,name',
    ...Array.from({ length: lines - 1 }, (_, i) => `c${i},Customer number ${i}`),
  ];
  return new Uint8Array(
    rows.flatMap((row, i) => [...(bytes[i + 1] ?? []), ...encoder.encode(`${row}\n`)]),
  );
}

const ALL_SINGLE_BYTE: ChoosableEncoding[] = [
  'windows-1252',
  'iso-8859-15',
  'windows-1250',
  'macintosh',
];

describe('the app’s import and the CLI read a file by one rule', () => {
  const cases: Array<[string, Uint8Array<ArrayBuffer>, Verdict]> = [
    [
      'a PNG image',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      { refused: 'binary_file@1' },
    ],
    [
      'a ZIP archive',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]),
      { refused: 'binary_file@1' },
    ],
    [
      'UTF-16 with its byte-order mark',
      encodeText('id,name\nc1,Zoë\n', 'utf-16le'),
      { offered: [] },
    ],
    [
      'a NUL in row 3 000 (past the import’s 64 KB head)',
      csvWith(4_000, { 3_000: [0x00] }),
      { refused: 'binary_file@3000' },
    ],
    [
      'Windows-1252 from row 3 000',
      csvWith(4_000, { 3_000: [0xe9] }),
      { offered: ALL_SINGLE_BYTE },
    ],
    [
      'Windows-1252 at row 2 and a control character no encoding reads at row 3 000',
      csvWith(4_000, { 2: [0xe9], 3_000: [0x01] }),
      { refused: 'binary_file@3000' },
    ],
    [
      'a file marked UTF-8 with a Latin-1 letter on line 3',
      csvWith(4, { 1: [0xef, 0xbb, 0xbf], 3: [0xfc] }),
      { refused: 'not_utf8@3' },
    ],
  ];

  it.each(cases)('%s', async (_, bytes, verdict) => {
    expect(await appVerdict(bytes)).toEqual(verdict);
    expect(cliVerdict(bytes)).toEqual(verdict);
  });

  it('refuses JSON that is not UTF-8 at its line in the app and its import (JSON is UTF-8 by its standard)', async () => {
    const encoder = new TextEncoder();
    const json = new Uint8Array([...encoder.encode('[\n{"id":"'), 0xe9, ...encoder.encode('"}]')]);
    expect(await appVerdict(json)).toEqual({ refused: 'not_utf8@2' });
    const imported = await parseProfileFile(
      { file: new Blob([json]), kind: 'json' },
      () => undefined,
    );
    expect(imported.report.refused).toMatchObject({ reason: 'not_utf8', row: 2 });
  });
});
