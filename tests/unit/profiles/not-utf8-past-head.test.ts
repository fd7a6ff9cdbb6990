import { describe, expect, it } from 'vitest';
import { textDecoder } from '../../../src/domain/profiles/import/text-encoding';
import { parseProfileFile } from '../../../src/workers/profiles/import-job';

const mapping = { id: 'id', name: 'name', tags: [], custom: [] };
/** ASCII rows past every head the app reads (the preview's 1 MB, the import's 64 KB). */
const ASCII_ROWS = 40_000;

/** ASCII rows, then one name saved in Windows-1252 ("é" as the byte 0xE9), then ASCII again. */
function lateWindows1252Csv(): { file: Blob; badLine: number } {
  const rows = ['id,name'];
  for (let i = 0; i < ASCII_ROWS; i++) rows.push(`c${i},Customer number ${i}`);
  const head = new TextEncoder().encode(`${rows.join('\n')}\nc-late,Ren`);
  const tail = new TextEncoder().encode('e\nc-after,Zoe\n');
  const late = new Uint8Array([0xe9]);
  return { file: new Blob([head, late, tail]), badLine: rows.length + 1 };
}

describe('a CSV file that stops being UTF-8 past the head', () => {
  it('is refused naming the line that is not, with the encodings that read it to choose from', async () => {
    const { file, badLine } = lateWindows1252Csv();
    expect(file.size).toBeGreaterThan(1024 * 1024);
    const { profiles, report } = await parseProfileFile(
      { file, kind: 'csv', mapping, encoding: 'utf-8' },
      () => undefined,
    );
    expect(profiles).toEqual([]);
    expect(report.refused).toMatchObject({ reason: 'not_utf8', row: badLine });
    expect(report.encodingChoice?.line).toBe(badLine);
    expect(report.encodingChoice?.encodings[0]).toBe('windows-1252');
    const bytes = report.encodingChoice?.bytes ?? new Uint8Array(0);
    expect(textDecoder('windows-1252').decode(bytes)).toBe('c-late,Renée');
  });

  it('is imported whole once that encoding is chosen', async () => {
    const { file } = lateWindows1252Csv();
    const { report } = await parseProfileFile(
      { file, kind: 'csv', mapping, encoding: 'windows-1252' },
      () => undefined,
    );
    expect(report.refused).toBeUndefined();
    expect(report.imported).toBe(ASCII_ROWS + 2);
  });

  /** How the import refuses `file` read `sliceBytes` at a time as UTF-8 CSV. */
  const refusalSliced = async (file: Blob, sliceBytes: number) => {
    const { report } = await parseProfileFile(
      { file, kind: 'csv', mapping, encoding: 'utf-8' },
      () => undefined,
      undefined,
      sliceBytes,
    );
    return { ...report.refused, choice: report.encodingChoice };
  };

  it('finds the line however the file is sliced, a UTF-8 character cut across slices not taken for it', async () => {
    const file = new Blob([
      new TextEncoder().encode('id,name\nc1,Zoe\nc2,Lukasz\n'),
      new Uint8Array([0x63, 0x33, 0x2c, 0xe9, 0x0d, 0x0a]), // "c3,é\r\n" in Windows-1252
      new TextEncoder().encode('c4,Ann\n'),
    ]);
    for (let slice = 1; slice <= 12; slice++) {
      const refused = await refusalSliced(file, slice);
      expect(refused).toMatchObject({ reason: 'not_utf8', row: 4, choice: { line: 4 } });
      expect([...(refused.choice?.bytes ?? [])]).toEqual([0x63, 0x33, 0x2c, 0xe9]);
    }
    const utf8 = new Blob(['id,name\nc1,Zo\u00eb\nc2,\u0141ukasz\n']);
    for (let slice = 1; slice <= 4; slice++)
      expect((await refusalSliced(utf8, slice)).reason).toBeUndefined();
  });

  it('finds UTF-8 letters before or after the line that is not, however the file is sliced', async () => {
    const before = new Blob([
      new TextEncoder().encode('id,name\nc1,Zo\u00eb\n'),
      new Uint8Array([0x63, 0x33, 0x2c, 0xe9, 0x0a]), // "c3,é\n" in Windows-1252
    ]);
    const after = new Blob([
      new Uint8Array([0x69, 0x64, 0x0a, 0x63, 0x31, 0x2c, 0xe9, 0x0a]), // "id\nc1,é\n" in Windows-1252
      new TextEncoder().encode('c2,Ann\nc3,Zo\u00eb\n'),
    ]);
    for (let slice = 1; slice <= 12; slice++) {
      expect(await refusalSliced(before, slice)).toMatchObject({
        reason: 'mixed_encoding',
        row: 3,
      });
      expect(await refusalSliced(after, slice)).toMatchObject({ reason: 'mixed_encoding', row: 2 });
    }
  });

  it('finds the line in a file of one 5 MB line, read in small slices', async () => {
    const bytes = new Uint8Array(5 << 20).fill(0x61); // "aaa…"
    bytes[bytes.length - 10] = 0xe9; // "é" in Windows-1252
    const refused = await refusalSliced(new Blob([bytes]), 2048);
    expect(refused).toMatchObject({ reason: 'not_utf8', row: 1, choice: { line: 1 } });
    const latin = textDecoder('windows-1252');
    expect(latin.decode(refused.choice?.bytes)).toBe(latin.decode(bytes));
  });

  it('is refused as mixed, with no encoding to choose, when its header has UTF-8 letters', async () => {
    const rows = ['customer_id,prénom'];
    for (let i = 0; i < 60_000; i++) rows.push(`c${i},Customer ${i}`);
    const file = new Blob([
      new TextEncoder().encode(`${rows.join('\n')}\nc-late,Ren`),
      new Uint8Array([0xe9]), // "é" in Windows-1252
      new TextEncoder().encode('e\n'),
    ]);
    const badLine = rows.length + 1;
    const { profiles, report } = await parseProfileFile(
      {
        file,
        kind: 'csv',
        mapping: { id: 'customer_id', name: 'prénom', tags: [], custom: [] },
        encoding: 'utf-8',
      },
      () => undefined,
    );
    expect(profiles).toEqual([]);
    expect(report.refused).toMatchObject({ reason: 'mixed_encoding', row: badLine });
    expect(report.encodingChoice).toBeUndefined();
  });

  it('is refused as mixed, with no encoding to choose, when a UTF-8 name comes before a Latin-1 one', async () => {
    const rows = ['id,name', 'a1,Zoé'];
    for (let i = 0; i < ASCII_ROWS; i++) rows.push(`c${i},Customer number ${i}`);
    const file = new Blob([
      new TextEncoder().encode(`${rows.join('\n')}\nc-late,M`),
      new Uint8Array([0xfc]), // "ü" in Latin-1
      new TextEncoder().encode('ller\n'),
    ]);
    const { profiles, report } = await parseProfileFile(
      { file, kind: 'csv', mapping, encoding: 'utf-8' },
      () => undefined,
    );
    expect(profiles).toEqual([]);
    expect(report.refused).toMatchObject({ reason: 'mixed_encoding', row: rows.length + 1 });
    expect(report.encodingChoice).toBeUndefined();
  });

  it('reports progress while it looks for the line, and stops there when the import is cancelled', async () => {
    const { file } = lateWindows1252Csv();
    const controller = new AbortController();
    let last = 0;
    let rescanning = false;
    const onProgress = ({ done }: { done: number }) => {
      // The search for the line reads the file again from its start.
      if (done < last && !rescanning) {
        rescanning = true;
        controller.abort();
      }
      last = done;
    };
    const parsed = parseProfileFile(
      { file, kind: 'csv', mapping, encoding: 'utf-8' },
      onProgress,
      controller.signal,
      64 * 1024,
    );
    await expect(parsed).rejects.toMatchObject({ name: 'AbortError' });
    expect(rescanning).toBe(true);
  });
});
