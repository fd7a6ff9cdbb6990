import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importCsv, previewCsv } from '../../../src/domain/profiles/import/csv';
import type { ColumnMappingInput } from '../../../src/domain/profiles/import/mapping';
import { suggestMapping } from '../../../src/domain/profiles/import/suggest-mapping';
import type { TextEncoding } from '../../../src/domain/profiles/import/text-encoding';
import { sniffFile } from '../../../src/features/profiles/import/sniff-file';
import { parseProfileFile } from '../../../src/workers/profiles/import-job';
import { encodeText } from '../../support/encode-text';

const mapping: ColumnMappingInput = {
  id: 'customer_id',
  email: 'email',
  phone: 'phone',
  name: 'name',
  timeZone: 'tz',
  birthday: 'dob',
  consent: { email: 'email_opt_in' },
  tags: ['tags'],
  custom: [
    { column: 'ltv', key: 'ltv', type: 'number' },
    { column: 'vip', key: 'vip', type: 'boolean' },
    { column: 'renewal', key: 'renewalDate', type: 'date' },
  ],
};
const header = 'customer_id,email,phone,name,tz,dob,email_opt_in,tags,ltv,vip,renewal';

describe('importCsv (profiles)', () => {
  it('reads typed columns into profiles', () => {
    const csv = `${header}\r\nc1, Ann@Example.com ,+44 20 7946 0958,Ann,Europe/London,1990-02-03,yes,"a, b",1234.5,true,2025-01-31\r\n`;
    const { profiles, report } = importCsv(csv, mapping);
    expect(report).toMatchObject({ imported: 1, rows: 1, rejected: [], merged: [] });
    expect(profiles[0]).toEqual({
      id: 'c1',
      attributes: {
        email: 'Ann@Example.com',
        phone: '+44 20 7946 0958',
        name: 'Ann',
        timeZone: 'Europe/London',
        birthday: '1990-02-03',
        consent: { email: true },
        tags: ['a', 'b'],
        custom: { ltv: 1234.5, vip: true, renewalDate: '2025-01-31' },
      },
      events: [],
    });
  });

  it('rejects rows with a stable reason and their line in the file', () => {
    const csv = [
      header,
      ',a@x.com,,,,,,,,,', // 2 missing_id
      'c2,not-an-email,,,,,,,,,', // 3 invalid_email
      'c3,,12,,,,,,,,', // 4 invalid_phone
      'c4,,,,Mars/Olympus,,,,,,', // 5 invalid_time_zone
      'c5,,,,,1990-02-30,,,,,', // 6 invalid_date
      'c6,,,,,,maybe,,,,', // 7 invalid_boolean
      'c7,,,,,,,,lots,,', // 8 invalid_number
      'c8,,,"multi', // 9-10: a quoted cell over two lines
      'line",,,,,,,', // (still row 9)
      'c9,,,', // 11 malformed_row (too few cells)
      'c10,,,,,,,,,,2024-13-01', // 12 invalid_date in a custom date column
      'c11,,,,,,,,,,', // 13 fine
    ].join('\n');
    const { report, profiles } = importCsv(csv, mapping);
    expect(report.rejected.map((r) => [r.row, r.reason])).toEqual([
      [2, 'missing_id'],
      [3, 'invalid_email'],
      [4, 'invalid_phone'],
      [5, 'invalid_time_zone'],
      [6, 'invalid_date'],
      [7, 'invalid_boolean'],
      [8, 'invalid_number'],
      [11, 'malformed_row'],
      [12, 'invalid_date'],
    ]);
    expect(profiles.map((p) => p.id)).toEqual(['c8', 'c11']);
    expect(profiles[0]?.attributes.name).toBe('multi\nline');
    for (const r of report.rejected) expect(r.message.length).toBeGreaterThan(10);
    expect(report.rejected[1]?.column).toBe('email');
  });

  it('rejects a mapping that names a missing column, and an empty file', () => {
    const unknown = importCsv(`${header}\nc1,,,,,,,,,,`, { ...mapping, plan: 'tier' });
    expect(unknown.report.rejected).toEqual([
      expect.objectContaining({ row: 1, reason: 'unknown_column', column: 'tier' }),
    ]);
    expect(unknown.profiles).toEqual([]);
    expect(importCsv('', mapping).report.rejected[0]?.reason).toBe('empty_file');
  });

  it('gives the same result fed in small chunks, and detects ; as delimiter', () => {
    const rows = Array.from(
      { length: 50 },
      (_, i) => `c${i};"Name ""${i}""\nsecond line";${i * 1.5}`,
    );
    const csv = ['id;name;score', ...rows].join('\r\n');
    const m: ColumnMappingInput = {
      id: 'id',
      name: 'name',
      custom: [{ column: 'score', key: 'score', type: 'number' }],
    };
    const whole = importCsv(csv, m);
    const chunks = csv.match(/[\s\S]{1,7}/g) ?? [];
    expect(importCsv(chunks, m)).toEqual(whole);
    expect(whole.profiles).toHaveLength(50);
    expect(whole.profiles[3]?.attributes).toMatchObject({
      name: 'Name "3"\nsecond line',
      custom: { score: 4.5 },
    });
    const broken = importCsv(`${csv}\r\nc99;x;oops`, m);
    expect(broken.report.rejected).toEqual([
      expect.objectContaining({ row: 102, reason: 'invalid_number' }),
    ]);
  });

  it.each([
    ['semicolons, one row', 'id;name\n1;Ann\n'],
    ['pipes, a comma in a cell', 'id|name\n1|Ann\n2|Bob, Jr\n'],
    ['semicolons and decimal commas', 'id;name;spend\n1;Ann;1,5\n'],
    ['semicolons after blank lines', '\r\n  \nid;name\r\n1;Ann\r\n'],
  ])('previews with the delimiter the import reads with (%s)', (_, csv) => {
    const { headers, rows } = previewCsv(csv);
    expect(headers).toEqual(['id', 'name', 'spend'].slice(0, headers.length));
    expect(headers.length).toBeGreaterThan(1);
    const { report } = importCsv(csv, suggestMapping(headers, rows));
    expect(report.rejected.filter((r) => r.reason === 'unknown_column')).toEqual([]);
    expect(report.imported).toBe(csv.trim().split('\n').length - 1);
  });

  it('reads a quote inside an unquoted cell as text, also before a quoted cell over two lines', () => {
    // Papa (and Excel) read `5" screen` as text: a quote opens a quoted cell only at its start.
    const csv = [
      'id,name,note',
      '1,"Ann",5" screen',
      '2,Bob,"line one',
      'line two"',
      '3,Cy,x',
    ].join('\n');
    const m: ColumnMappingInput = {
      id: 'id',
      name: 'name',
      custom: [{ column: 'note', key: 'note', type: 'text' }],
    };
    const whole = importCsv(csv, m);
    expect(whole.report).toMatchObject({ imported: 3, rows: 3, rejected: [] });
    expect(whole.profiles.map((p) => p.attributes.custom['note'])).toEqual([
      '5" screen',
      'line one\nline two',
      'x',
    ]);
    for (const size of [1, 2, 3, 5, 8, 13]) {
      const chunks = csv.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [];
      expect(importCsv(chunks, m)).toEqual(whole);
    }
  });

  it('reads any well-formed file alike whole and in chunks of any size (seeded)', () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[a-z "\n,;]{0,6}$/),
      fc.constantFrom('5" screen', 'say ""hi""', '"', '\r\n', ''),
    );
    // Quoted only when it must be: quotes inside a bare cell stay as they are.
    const quote = (text: string): string =>
      /[,\r\n]/.test(text) || text.startsWith('"') ? `"${text.replaceAll('"', '""')}"` : text;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 40 }),
        (rows, size) => {
          const csv = ['id,note', ...rows.map(([, note], i) => `c${i},${quote(note)}`)].join('\n');
          const m: ColumnMappingInput = {
            id: 'id',
            custom: [{ column: 'note', key: 'note', type: 'text' }],
          };
          const whole = importCsv(csv, m);
          expect(whole.report.refused).toBeUndefined();
          expect(whole.profiles.map((p) => p.attributes.custom['note'] ?? '')).toEqual(
            rows.map(([, note]) => note.trim()),
          );
          const chunks = csv.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [];
          expect(importCsv(chunks, m)).toEqual(whole);
        },
      ),
      { numRuns: 300, seed: 20_261_208 },
    );
  });

  it('reads a file alike as the preview shows it and streamed in byte slices of any size, in each encoding it may be saved in (seeded)', async () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[a-zé "\n,;]{0,6}$/),
      fc.constantFrom('Zoé', 'Œdipe’s', 'Müller', 'façade €5', '"', '\r\n', ''),
    );
    const quote = (text: string): string =>
      /[,\r\n]/.test(text) || text.startsWith('"') ? `"${text.replaceAll('"', '""')}"` : text;
    const saved = fc.constantFrom<[TextEncoding, boolean]>(
      ['utf-8', false],
      ['utf-8', true],
      ['utf-16le', true],
      ['utf-16be', true],
      ['windows-1252', false],
    );
    const m: ColumnMappingInput = {
      id: 'id',
      custom: [{ column: 'note', key: 'note', type: 'text' }],
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(cell, { minLength: 1, maxLength: 12 }),
        saved,
        fc.integer({ min: 1, max: 40 }),
        async (notes, [encoding, bom], sliceBytes) => {
          const csv = ['id,note', ...notes.map((note, i) => `c${i},${quote(note)}`)].join('\n');
          const file = new Blob([encodeText(csv, encoding, bom)]);
          const preview = await sniffFile(file);
          if (preview.kind !== 'csv') throw new Error(`previewed as ${preview.kind}`);
          // Text of ASCII alone is UTF-8 too, and read as such.
          const ascii = /^\p{ASCII}*$/u.test(csv);
          expect(preview.encoding).toBe(ascii && encoding === 'windows-1252' ? 'utf-8' : encoding);
          expect(preview.choice?.encoding ?? null).toBe(
            encoding === 'windows-1252' && !ascii ? 'windows-1252' : null,
          );
          expect(preview.rows.map((row) => row[1] ?? '')).toEqual(notes);
          const streamed = await parseProfileFile(
            { file, kind: 'csv', mapping: m, encoding: preview.encoding },
            () => undefined,
            undefined,
            sliceBytes,
          );
          expect(streamed).toEqual(importCsv(csv, m));
          expect(streamed.profiles.map((p) => p.attributes.custom['note'] ?? '')).toEqual(
            notes.map((note) => note.trim()),
          );
        },
      ),
      { numRuns: 200, seed: 20_261_207 },
    );
  });

  it('merges repeated customers and reports them', () => {
    const csv = [
      header,
      'c1,ann@gmail.com,,Ann,,,no,a,,,',
      'c2,A.N.N+shop@gmail.com,,,,,yes,b,,,',
      'c1,,,Annie,,,,,,,',
    ].join('\n');
    const { profiles, report } = importCsv(csv, mapping);
    expect(profiles).toHaveLength(1);
    expect(profiles[0]?.attributes).toMatchObject({
      name: 'Annie',
      consent: { email: true },
      tags: ['a', 'b'],
    });
    expect(report.merged).toEqual([
      { id: 'c1', mergedIds: ['c2', 'c1'], records: 3, matchedBy: ['email', 'id'] },
    ]);
  });
});

describe('importCsv (rows are events)', () => {
  const events: ColumnMappingInput = {
    id: 'user',
    email: 'email',
    events: {
      name: { column: 'event' },
      timestamp: 'time',
      props: [
        { column: 'amount', key: 'amount', type: 'number' },
        { column: 'sku', key: 'sku', type: 'text' },
      ],
    },
  };

  it('groups rows into profiles with sorted events', () => {
    const csv = [
      'user,email,event,time,amount,sku',
      'u1,u1@x.com,order_placed,2024-03-02T10:00:00Z,20.5,A',
      'u2,,signed_up,1709251200,,',
      'u1,,order_placed,2024-03-01,$1,200.00,B',
    ].join('\n');
    const result = importCsv(csv, events);
    expect(result.report.rejected.map((r) => r.reason)).toEqual(['malformed_row']);
    const fixed = importCsv(csv.replace('$1,200.00', '"$1,200.00"'), events);
    expect(fixed.report.rejected).toEqual([]);
    const [u1, u2] = fixed.profiles;
    expect(u1?.attributes.email).toBe('u1@x.com');
    expect(u1?.events).toEqual([
      { name: 'order_placed', at: Date.UTC(2024, 2, 1), props: { amount: 1200, sku: 'B' } },
      { name: 'order_placed', at: Date.UTC(2024, 2, 2, 10), props: { amount: 20.5, sku: 'A' } },
    ]);
    expect(u2?.events).toEqual([{ name: 'signed_up', at: 1709251200000 }]);
    expect(fixed.report.merged).toEqual([]);
  });

  it('rejects rows without an event name or a readable time; a fixed name needs no column', () => {
    const csv = [
      'user,email,event,time,amount,sku',
      'u1,,,2024-01-01,,',
      'u1,,x,yesterday,,',
      'u1,,x,2024-01-01,1,',
    ].join('\n');
    expect(importCsv(csv, events).report.rejected.map((r) => [r.row, r.reason])).toEqual([
      [2, 'missing_event_name'],
      [3, 'invalid_timestamp'],
    ]);
    const fixed = importCsv(csv, {
      ...events,
      events: { name: { fixed: 'purchase' }, timestamp: 'time', props: [] },
    });
    expect(fixed.profiles[0]?.events.map((e) => e.name)).toEqual(['purchase', 'purchase']);
  });

  it('previews the header and first rows', () => {
    expect(previewCsv('\uFEFFa, b\n1,2\n\n3,4\n5,6', 2)).toEqual({
      headers: ['a', 'b'],
      rows: [
        ['1', '2'],
        ['3', '4'],
      ],
    });
  });
});

describe('line breaks', () => {
  it('reads rows appended with LF to a file whose header ends in CRLF', () => {
    const csv = 'id,name\r\nc1,Ann\r\nc2,Bob\nc3,Cy\nc4,Dee\n';
    const { profiles, report } = importCsv(csv, { id: 'id', name: 'name', custom: [] });
    expect(report.rejected).toEqual([]);
    expect(profiles.map((p) => p.id)).toEqual(['c1', 'c2', 'c3', 'c4']);
  });
});
