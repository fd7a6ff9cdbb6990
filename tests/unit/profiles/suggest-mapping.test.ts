import { describe, expect, it } from 'vitest';
import { importCsv, previewCsv } from '../../../src/domain/profiles/import/csv';
import {
  type ColumnMappingInput,
  columnMappingSchema,
  findTypedKeyProblem,
} from '../../../src/domain/profiles/import/mapping';
import {
  inferValueType,
  suggestMapping,
} from '../../../src/domain/profiles/import/suggest-mapping';

describe('suggestMapping', () => {
  it('maps known profile columns, consent and typed custom columns', () => {
    const csv = [
      'Customer ID,E-mail,Mobile,Full Name,Time Zone,Country,Date of Birth,Email Opt-In,SMS consent,Tags,Lifetime Value,Is VIP,Favourite colour',
      'c1,a@x.com,+15551234567,Ann,America/New_York,US,31/01/1990,yes,no,"a,b",12.5,true,blue',
      'c2,b@x.com,,Bob,,FR,02/03/1985,no,yes,,7,false,red',
    ].join('\n');
    const { headers, rows } = previewCsv(csv);
    const mapping = suggestMapping(headers, rows);
    expect(mapping).toMatchObject({
      id: 'Customer ID',
      email: 'E-mail',
      phone: 'Mobile',
      name: 'Full Name',
      timeZone: 'Time Zone',
      country: 'Country',
      birthday: 'Date of Birth',
      consent: { email: 'Email Opt-In', sms: 'SMS consent' },
      tags: ['Tags'],
      dateOrder: 'dmy',
      custom: [
        { column: 'Lifetime Value', key: 'lifetimeValue', type: 'number' },
        { column: 'Is VIP', key: 'isVip', type: 'boolean' },
        { column: 'Favourite colour', key: 'favouriteColour', type: 'text' },
      ],
    });
    expect(mapping.events).toBeUndefined();
    const { profiles, report } = importCsv(csv, mapping);
    expect(report.rejected).toEqual([]);
    expect(profiles[0]?.attributes.birthday).toBe('1990-01-31');
  });

  it('gives every column its own safe key, so no value is lost or refused', () => {
    const csv = [
      'id,Loyalty Points,loyalty_points,constructor,prototype,__proto__',
      'c1,5,7,a,b,c',
      'c2,6,8,d,e,f',
    ].join('\n');
    const { headers, rows } = previewCsv(csv);
    const mapping = suggestMapping(headers, rows);
    const keys = mapping.custom.map((c) => c.key);
    expect(new Set(keys).size).toBe(5);
    for (const unsafe of ['__proto__', 'constructor', 'prototype'])
      expect(keys).not.toContain(unsafe);
    const { profiles, report } = importCsv(csv, mapping);
    expect(report.rejected).toEqual([]);
    expect(profiles.map((p) => Object.values(p.attributes.custom))).toEqual([
      [5, 7, 'a', 'b', 'c'],
      [6, 8, 'd', 'e', 'f'],
    ]);
  });

  it('refuses a mapping that would lose a column: two columns under one key, or an unsafe key', () => {
    const twice = columnMappingSchema.safeParse({
      id: 'id',
      custom: [
        { column: 'a', key: 'points', type: 'number' },
        { column: 'b', key: 'points', type: 'number' },
      ],
    });
    expect(twice.success).toBe(false);
    expect(findTypedKeyProblem(columnMappingSchema.parse({ id: 'id' }))).toBeUndefined();
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const mapping = {
        id: 'id',
        events: {
          name: { fixed: 'x' },
          timestamp: 'at',
          props: [{ column: 'a', key, type: 'text' }],
        },
      };
      expect(columnMappingSchema.safeParse(mapping).success).toBe(false);
      expect(() => importCsv('id,at,a\n1,2024-01-01,5\n', mapping as ColumnMappingInput)).toThrow();
    }
    expect(
      findTypedKeyProblem({
        custom: [
          { column: 'a', key: 'points', type: 'number' },
          { column: 'b', key: 'points', type: 'text' },
          { column: 'c', key: 'constructor', type: 'text' },
        ],
      }),
    ).toEqual({ code: 'duplicate_key', key: 'points', columns: ['a', 'b'] });
  });

  it('switches to rows-are-events for a transactions file', () => {
    const csv = [
      'user_id,order_date,amount,sku',
      'u1,2024-01-02,10,A',
      'u1,2024-02-03,12,B',
      'u2,2024-01-05,3,C',
    ].join('\n');
    const { headers, rows } = previewCsv(csv);
    const mapping = suggestMapping(headers, rows);
    expect(mapping.id).toBe('user_id');
    expect(mapping.events).toEqual({
      name: { fixed: 'order_placed' },
      timestamp: 'order_date',
      props: [
        { column: 'amount', key: 'amount', type: 'number' },
        { column: 'sku', key: 'sku', type: 'text' },
      ],
    });
    const { profiles } = importCsv(csv, mapping);
    expect(profiles.map((p) => p.events.length)).toEqual([2, 1]);
  });

  it('infers value types from samples', () => {
    expect(inferValueType(['1', '2.5', '1,200'])).toBe('number');
    expect(inferValueType(['yes', 'No'])).toBe('boolean');
    expect(inferValueType(['2024-01-01', '20240102'])).toBe('date');
    expect(inferValueType(['2024-01-01', 'soon'])).toBe('text');
    expect(inferValueType([])).toBe('text');
  });
});
