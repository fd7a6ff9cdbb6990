import { describe, expect, it } from 'vitest';
import { decodeFile } from '../../../src/domain/profiles/import/decode-file';
import { textDecoder } from '../../../src/domain/profiles/import/text-encoding';
import { encodeText } from '../../support/encode-text';
import { importCdnow } from '../../../src/domain/profiles/import/cdnow';
import { importCsv, previewCsv } from '../../../src/domain/profiles/import/csv';
import { importJson } from '../../../src/domain/profiles/import/json';
import type { ColumnMappingInput } from '../../../src/domain/profiles/import/mapping';
import { suggestMapping } from '../../../src/domain/profiles/import/suggest-mapping';

const mapping: ColumnMappingInput = {
  id: 'id',
  email: 'email',
  birthday: 'dob',
  custom: [{ column: 'ltv', key: 'ltv', type: 'number' }],
};
const header = 'id,email,dob,ltv';
const rows = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => `c${i + from},c${i + from}@example.com,1990-01-02,${i}`);
const at = (report: { rejected: { row: number; reason: string; column?: string }[] }) =>
  report.rejected.map((r) => [r.row, r.reason, r.column]);

describe('CSV imports are exact or refused', () => {
  it('refuses a 300-row file with a stray quote on line 6, naming the line, importing nothing', () => {
    const lines = [header, ...rows(300)];
    lines[5] = 'c5,"c5@example.com,1990-01-02,4';
    const { profiles, report } = importCsv(lines.join('\n'), mapping);
    expect(profiles).toEqual([]);
    expect(report.imported).toBe(0);
    expect(report.refused).toMatchObject({ row: 6, reason: 'unbalanced_quote' });
  });

  it('skips a row with the wrong number of cells, names it, and keeps every other row', () => {
    const lines = [header, ...rows(300)];
    lines[5] = 'c5,c5@example.com,1990-01-02';
    lines[9] = 'c9,c9@example.com,1990-01-02,8,extra';
    const { profiles, report } = importCsv(lines.join('\n'), mapping);
    expect(report.rows).toBe(300);
    expect(profiles).toHaveLength(298);
    expect(at(report)).toEqual([
      [6, 'malformed_row', undefined],
      [10, 'malformed_row', undefined],
    ]);
    expect(report.refused).toBeUndefined();
  });

  it('refuses a file that is not a table (notes, Markdown) instead of importing its lines as customers', () => {
    const notes = [
      '# Customers to call',
      '',
      'Ann, who asked about the spring range, and Bob.',
      '- Cy',
      '- Dee: call back Tuesday, after 3 pm, on the mobile',
      'Ask about the order, the refund, and the card.',
      'Nothing else.',
    ].join('\n');
    const { headers, rows: sample } = previewCsv(notes);
    const { profiles, report } = importCsv(notes, suggestMapping(headers, sample));
    expect(profiles).toEqual([]);
    expect(report.refused).toMatchObject({ row: 1, reason: 'unrecognised_format' });
    expect(report.refused?.message).toContain('3 of 5 rows');
  });

  it('still imports a file where fewer than half the rows are malformed, naming each', () => {
    const lines = [header, ...rows(4)];
    lines[1] = 'c1,c1@example.com';
    lines[3] = 'c3';
    const { profiles, report } = importCsv(lines.join('\n'), mapping);
    expect(report.refused).toBeUndefined();
    expect(profiles.map((p) => p.id)).toEqual(['c2', 'c4']);
    expect(at(report)).toEqual([
      [2, 'malformed_row', undefined],
      [4, 'malformed_row', undefined],
    ]);
  });

  it.each([
    ['NaN', 'invalid_number'],
    ['Infinity', 'invalid_number'],
    ['-Infinity', 'invalid_number'],
    ['1e999', 'invalid_number'],
    ['12abc', 'invalid_number'],
  ])('rejects %s in a number column by row and column', (cell, reason) => {
    const lines = [header, ...rows(3)];
    lines[2] = `c2,c2@example.com,1990-01-02,${cell}`;
    const { profiles, report } = importCsv(lines.join('\n'), mapping);
    expect(at(report)).toEqual([[3, reason, 'ltv']]);
    expect(profiles.map((p) => p.id)).toEqual(['c1', 'c3']);
  });

  it.each(['1990-13-45', '2023-02-29', '0000-00-00'])('rejects the impossible date %s', (date) => {
    const lines = [header, ...rows(2)];
    lines[1] = `c1,c1@example.com,${date},1`;
    const { report } = importCsv(lines.join('\n'), mapping);
    expect(at(report)).toEqual([[2, 'invalid_date', 'dob']]);
  });

  it('infers a number column despite a stray NaN, then rejects the NaN row', () => {
    const lines = [header, ...rows(60)];
    lines[3] = 'c3,c3@example.com,1990-01-02,NaN';
    const table = lines.slice(1).map((l) => l.split(','));
    const suggested = suggestMapping(header.split(','), table);
    expect(suggested.custom.find((c) => c.column === 'ltv')?.type).toBe('number');
    const { report } = importCsv(lines.join('\n'), suggested);
    expect(at(report)).toEqual([[4, 'invalid_number', 'ltv']]);
  });

  it('keeps events on when one timestamp early in an events CSV is bad, and rejects that row', () => {
    const events = ['customer_id,event,timestamp,amount'];
    for (let i = 0; i < 200; i++)
      events.push(`c${i % 20},order,2024-01-${String((i % 28) + 1).padStart(2, '0')},${i}`);
    events[3] = 'c2,order,2024-13-45,2';
    const table = events.slice(1).map((l) => l.split(','));
    const suggested = suggestMapping(events[0]!.split(','), table);
    expect(suggested.events?.timestamp).toBe('timestamp');
    const { profiles, report } = importCsv(events.join('\n'), suggested);
    expect(at(report)).toEqual([[4, 'invalid_timestamp', 'timestamp']]);
    expect(profiles.reduce((n, p) => n + p.events.length, 0)).toBe(199);
  });

  it('rejects event times outside 1900–2199 by the timestamp column', () => {
    const csv = 'customer_id,event,timestamp\nc1,order,2024-01-01\nc1,order,9999999999999\n';
    const { report } = importCsv(csv, {
      id: 'customer_id',
      events: { name: { column: 'event' }, timestamp: 'timestamp' },
    });
    expect(at(report)).toEqual([[3, 'invalid_timestamp', 'timestamp']]);
  });
});

describe('JSON and CDNOW imports run the full validator', () => {
  it('rejects 1e999, impossible dates and prototype keys by line and field', () => {
    const json = [
      '[',
      '{"id":"a","attributes":{"custom":{"ltv":1e999}}},',
      '{"id":"b","attributes":{"birthday":"1990-13-45"}},',
      '{"id":"c","attributes":{"custom":{"constructor":1}}},',
      '{"id":"d","events":[{"name":"x","at":"not a time"}]},',
      '{"id":"e"}',
      ']',
    ].join('\n');
    const { profiles, report } = importJson(json);
    expect(profiles.map((p) => p.id)).toEqual(['e']);
    expect(at(report)).toEqual([
      [2, 'invalid_profile', 'attributes.custom.ltv'], // zod refuses Infinity itself
      [3, 'invalid_date', 'attributes.birthday'],
      [4, 'invalid_value', 'attributes.custom.constructor'],
      [5, 'invalid_profile', 'events.0.at'],
    ]);
  });

  it('rejects CDNOW amounts too large to store and years out of range', () => {
    const text = [
      '00001 19970101 1 11.77',
      `00002 19970101 1 ${'9'.repeat(400)}`,
      '00003 18000101 1 1.00',
    ].join('\n');
    const { profiles, report } = importCdnow(text, 'master');
    expect(profiles.map((p) => p.id)).toEqual(['00001']);
    expect(at(report)).toEqual([
      [2, 'invalid_number', 'dollar_value'],
      [3, 'invalid_date', 'date'],
    ]);
  });
});

describe('binary files are refused up front', () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  /** Why bytes read with no encoding chosen are refused; undefined when they are read. */
  const refusalOf = (file: Uint8Array, final = true) => {
    const decoded = decodeFile(file, undefined, final);
    return decoded.ok ? undefined : decoded.rejection;
  };
  it.each([
    ['an xlsx workbook', bytes(0x50, 0x4b, 0x03, 0x04, 1, 2, 3)],
    ['a PNG image', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a)],
    ['a PDF', new TextEncoder().encode('%PDF-1.7\nid,name\n')],
  ])('refuses %s by its signature', (_, file) => {
    expect(refusalOf(file)).toMatchObject({ row: 1, reason: 'binary_file' });
  });

  it('refuses NUL bytes, naming their line', () => {
    const nul = new TextEncoder().encode('id,name\nc1,Ann\nc2,B\u0000b\n');
    expect(refusalOf(nul)).toMatchObject({ row: 3, reason: 'binary_file' });
  });

  it('refuses text in another encoding as text that is not UTF-8 when no encoding is chosen', () => {
    expect(refusalOf(bytes(0x69, 0x64, 0x0a, 0xc3, 0x28))).toMatchObject({
      reason: 'not_utf8',
    });
    // Latin-1 (or Windows-1252): "é" is the single byte 0xE9.
    const latin1 = new Uint8Array([...new TextEncoder().encode('id,name\nc1,Zo'), 0xe9, 0x0a]);
    expect(refusalOf(latin1)).toMatchObject({ row: 2, reason: 'not_utf8' });
  });

  it('reads UTF-16 by its byte-order mark, little- or big-endian, as Excel saves "Unicode text"', () => {
    const text = 'id,name\nc1,Zoé\n';
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      expect(decodeFile(encodeText(text, encoding))).toEqual({ ok: true, text, encoding });
      expect(refusalOf(encodeText(text, encoding))).toBeUndefined();
    }
    // A lone surrogate is no text: UTF-16 that does not decode is refused, naming the encoding.
    const broken = new Uint8Array([0xff, 0xfe, 0x69, 0x00, 0x00, 0xd8, 0x0a, 0x00]);
    expect(decodeFile(broken)).toMatchObject({
      ok: false,
      rejection: { reason: 'undecodable_text', message: expect.stringContaining('UTF-16') },
    });
    // A NUL character in UTF-16 text is still binary, on its line.
    expect(decodeFile(encodeText('id\nc1\u0000\n', 'utf-16le'))).toMatchObject({
      ok: false,
      rejection: { row: 2, reason: 'binary_file' },
    });
  });

  it('offers the single-byte encodings that read a file that is not UTF-8, Windows-1252 first', () => {
    // "€" (0x80) and "’" (0x92) are letters in Windows-1252 but controls in ISO-8859-15.
    const excel = encodeText('id,name,note\nc1,Zoé,5 € l’unité\n', 'windows-1252');
    expect(decodeFile(excel)).toMatchObject({
      ok: false,
      rejection: { reason: 'not_utf8', row: 2 },
      encodings: ['windows-1252', 'windows-1250', 'macintosh'],
    });
    const euroLatin9 = new Uint8Array([...new TextEncoder().encode('id\nc1,'), 0xa4, 0x0a]);
    expect(decodeFile(euroLatin9)).toMatchObject({
      ok: false,
      encodings: ['windows-1252', 'iso-8859-15', 'windows-1250', 'macintosh'],
    });
  });

  it('refuses a file marked UTF-8 whose bytes are not, rather than offer an encoding the mark overrules', () => {
    // Excel's "CSV UTF-8" with a row added in Windows-1252 ("Müller", ü as the byte 0xFC): the
    // mark says UTF-8 and wins at import, so the preview must not offer another encoding.
    const marked = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('id,name\nc1,M'),
      0xfc,
      ...new TextEncoder().encode('ller\n'),
    ]);
    expect(decodeFile(marked)).toEqual({
      ok: false,
      rejection: expect.objectContaining({ reason: 'not_utf8', row: 2 }),
      encoding: 'utf-8',
      encodings: [],
    });
  });

  it('decodes Windows-1252 as the standard has it, whatever Node’s TextDecoder does', () => {
    const decoded = textDecoder('windows-1252').decode(bytes(0x80, 0x92, 0x8c, 0x9f, 0xe9, 0x81));
    expect(decoded).toBe('€’ŒŸé\u0081');
  });

  it('refuses bytes that are text in no encoding: controls other than tab and line ends', () => {
    const noise = new Uint8Array([...new TextEncoder().encode('id\nc1\n'), 0xe9, 0x01, 0x02]);
    expect(decodeFile(noise)).toMatchObject({
      ok: false,
      rejection: { row: 3, reason: 'binary_file' },
    });
  });

  it('accepts UTF-8 text, and a multi-byte character cut at the end of a head', () => {
    const text = new TextEncoder().encode('id,name\nc1,Zoë\n');
    expect(refusalOf(text)).toBeUndefined();
    const cut = new TextEncoder().encode('id,name\nc1,Zoë').slice(0, -1);
    expect(refusalOf(cut, false)).toBeUndefined();
    expect(refusalOf(cut, true)).toMatchObject({ reason: 'not_utf8' });
  });
});
