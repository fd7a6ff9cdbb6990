import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importJson } from '../../../src/domain/profiles/import/json';

describe('importJson', () => {
  it('reads an array of profiles, filling defaults and accepting ISO times and numeric ids', () => {
    const text = JSON.stringify([
      {
        id: 'a',
        attributes: { email: 'a@x.com' },
        events: [
          { name: 'b', at: 20 },
          { name: 'a', at: '1970-01-01T00:00:00.010Z' },
        ],
      },
      { id: 7 },
    ]);
    const { profiles, report } = importJson(text);
    expect(report).toMatchObject({ imported: 2, rows: 2, rejected: [] });
    expect(profiles[0]).toEqual({
      id: 'a',
      attributes: { email: 'a@x.com', consent: {}, tags: [], custom: {} },
      events: [
        { name: 'a', at: 10 },
        { name: 'b', at: 20 },
      ],
    });
    expect(profiles[1]?.id).toBe('7');
  });

  it('rejects records by the line they start on', () => {
    const text = [
      '[',
      '  { "id": "ok" },',
      '  { "attributes": {} },',
      '  { "id": "b", "attributes": { "email": "nope" } },',
      '  { "id": "c", "attributes": { "timeZone": "Nowhere/Land" } },',
      '  { "id": "d", "events": [{ "name": "x", "at": "soon" }] },',
      '  42',
      ']',
    ].join('\n');
    const { profiles, report } = importJson(text);
    expect(profiles.map((p) => p.id)).toEqual(['ok']);
    expect(report.rejected.map((r) => [r.row, r.reason])).toEqual([
      [3, 'missing_id'],
      [4, 'invalid_email'],
      [5, 'invalid_time_zone'],
      [6, 'invalid_profile'],
      [7, 'invalid_profile'],
    ]);
    expect(report.rejected[3]?.message).toContain('events.0.at');
  });

  it('reports bad JSON with its line and column', () => {
    const { report } = importJson('[\n  { "id": "a" },\n  { "id": "b", }\n]');
    expect(report.rejected).toEqual([
      expect.objectContaining({
        row: 3,
        reason: 'bad_json',
        message: expect.stringContaining('line 3, column 16'),
      }),
    ]);
    expect(importJson('   ').report.rejected[0]?.reason).toBe('empty_file');
    expect(importJson('"just text"').report.rejected[0]?.reason).toBe('unrecognised_format');
  });

  it('reads NDJSON line by line, rejecting bad lines only', () => {
    const text = '{"id":"a"}\n\n{"id":"b",}\n{"id":"c","attributes":{"tags":["x"]}}\n';
    const { profiles, report } = importJson(text);
    expect(profiles.map((p) => p.id)).toEqual(['a', 'c']);
    expect(report.rejected).toEqual([
      expect.objectContaining({
        row: 3,
        reason: 'bad_json',
        message: expect.stringContaining('column 11'),
      }),
    ]);
    expect(report.rows).toBe(3);
  });

  it('reads an exported set and a single profile, merging duplicates', () => {
    const exported = JSON.stringify(
      {
        format: 'wayfinder.profiles',
        profiles: [{ id: 'a' }, { id: 'a', attributes: { name: 'A' } }],
      },
      null,
      2,
    );
    const { profiles, report } = importJson(exported);
    expect(profiles).toEqual([
      { id: 'a', attributes: { name: 'A', consent: {}, tags: [], custom: {} }, events: [] },
    ]);
    expect(report.merged).toEqual([{ id: 'a', mergedIds: ['a'], records: 2, matchedBy: ['id'] }]);
    const bad = importJson(JSON.stringify({ profiles: [{ id: 'a' }, { id: '' }] }, null, 2));
    expect(bad.report.rejected).toEqual([
      expect.objectContaining({ row: 6, reason: 'missing_id' }),
    ]);
    expect(importJson('{"id":"solo"}').profiles.map((p) => p.id)).toEqual(['solo']);
  });

  it('places rejected records of an exported set at their lines, whatever arrays come before them', () => {
    const text = `{
  "meta": [1, [2], {"profiles": [3]}, "],["],
  "empty": [],
  "profiles": [{ "id": "stale" }, { "id": "" }],
  "pro\\u0066iles": [
    { "id": "ok" },
    { "id": "" }
  ],
  "tags": ["a", "b"]
}`;
    const { profiles, report } = importJson(text);
    // The last member of a name is the one JSON keeps: the escaped "profiles".
    expect(profiles.map((p) => p.id)).toEqual(['ok']);
    expect(report.rejected).toEqual([expect.objectContaining({ row: 7, reason: 'missing_id' })]);
  });

  it('places each rejected record of an exported set at its line beside any other members (seeded)', () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    const member = fc.tuple(fc.string({ maxLength: 6 }), json);
    const record = fc.oneof(
      fc.constant({ id: 'ok' }),
      fc.constant({ id: '' }),
      fc.constant({ attributes: { email: 'nope' } }),
    );
    fc.assert(
      fc.property(
        fc.array(member, { maxLength: 5 }),
        fc.array(record, { maxLength: 6 }),
        (members, records) => {
          // One member and one record a line, so a record's line is known without the importer.
          const others = members.filter(([name]) => name !== 'profiles');
          const lines = [
            '{',
            ...others.map(([name, value]) => `${JSON.stringify(name)}: ${JSON.stringify(value)},`),
            '"profiles": [',
            ...records.map((r, i) => `${JSON.stringify(r)}${i < records.length - 1 ? ',' : ''}`),
            ']',
            '}',
          ];
          const firstRecordLine = others.length + 3;
          const expected = records.flatMap((r, i) =>
            'id' in r && r.id === 'ok' ? [] : [firstRecordLine + i],
          );
          expect(importJson(lines.join('\n')).report.rejected.map((r) => r.row)).toEqual(expected);
        },
      ),
      { numRuns: 300, seed: 20_261_207 },
    );
  });

  it('refuses JSON nested past 256 levels as bad JSON where it goes too deep, not a stack overflow', () => {
    const result = importJson('['.repeat(1_000_000));
    expect(result.profiles).toEqual([]);
    expect(result.report.refused).toMatchObject({ row: 1, reason: 'bad_json' });
  });

  it('places a rejected record after one nested past 256 levels at its own line', () => {
    const deep = '['.repeat(300) + ']'.repeat(300);
    const text = `[\n${deep},\n{"id": ""}\n]`;
    expect(importJson(text).report.rejected.map((r) => r.row)).toEqual([2, 3]);
    const wrapped = `{"profiles": [\n${deep},\n{"id": ""}\n]}`;
    expect(importJson(wrapped).report.rejected.map((r) => r.row)).toEqual([2, 3]);
    const brackets = JSON.stringify({ id: 'x', attributes: { custom: { note: '],\\"[{,' } } });
    const inStrings = `[\n${brackets},\n{"id": ""}\n]`;
    expect(importJson(inStrings).report.rejected.map((r) => r.row)).toEqual([3]);
  });
});
