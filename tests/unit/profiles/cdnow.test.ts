import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectCdnowFormat, importCdnow } from '../../../src/domain/profiles/import/cdnow';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dataDir = path.resolve(repoRoot, 'public/data/cdnow');
const master = readFileSync(path.join(dataDir, 'CDNOW_master.txt'), 'utf8');
const sample = readFileSync(path.join(dataDir, 'CDNOW_sample.txt'), 'utf8');

describe('detectCdnowFormat', () => {
  it('recognises both files from their first lines, with or without a header', () => {
    expect(detectCdnowFormat(master.slice(0, 300))).toBe('master');
    expect(detectCdnowFormat(master.split('\n').slice(1, 4))).toBe('master');
    expect(detectCdnowFormat(sample.slice(0, 300))).toBe('sample');
    expect(detectCdnowFormat('id,date,amount\n1,2024-01-01,3')).toBeUndefined();
    expect(detectCdnowFormat('')).toBeUndefined();
  });
});

describe('importCdnow', () => {
  it('reads the master file: 23,570 customers, 69,659 orders', () => {
    const { profiles, report } = importCdnow(master);
    expect(profiles).toHaveLength(23_570);
    expect(profiles.reduce((n, p) => n + p.events.length, 0)).toBe(69_659);
    expect(report).toMatchObject({ imported: 23_570, rows: 69_659, rejected: [] });
    expect(profiles[0]).toEqual({
      id: '00001',
      attributes: {
        signupDate: '1997-01-01',
        consent: {},
        tags: [],
        custom: { orders: 1, ltv: 11.77 },
      },
      events: [
        {
          name: 'order_placed',
          at: Date.UTC(1997, 0, 1),
          props: { cds: 1, quantity: 1, amount: 11.77, orderId: '00001-1' },
        },
      ],
    });
  });

  it('reads the sample file: 2,357 customers, 6,919 orders, keeping the sample number', () => {
    const { profiles, report } = importCdnow(sample);
    expect(profiles).toHaveLength(2_357);
    expect(profiles.reduce((n, p) => n + p.events.length, 0)).toBe(6_919);
    expect(report.rejected).toEqual([]);
    const first = profiles[0];
    expect(first?.id).toBe('00004');
    expect(first?.attributes.custom.sampleId).toBe(1);
    expect(first?.events.slice(0, 2).map((e) => [e.at, e.props?.cds, e.props?.amount])).toEqual([
      [Date.UTC(1997, 0, 1), 2, 29.33],
      [Date.UTC(1997, 0, 18), 2, 29.73],
    ]);
    // Every customer's first purchase is in the first quarter of 1997.
    for (const p of profiles)
      expect(p.attributes.signupDate && p.attributes.signupDate < '1997-04-01').toBe(true);
  });

  it('rejects malformed lines and unknown formats', () => {
    const text =
      ' 00001 19970101  1   11.77\r\n 00002 19971340  1   1.00\r\n 00003 19970101  x   1.00\r\n 00004 19970101  1\r\n';
    const { profiles, report } = importCdnow(text, 'master');
    expect(profiles.map((p) => p.id)).toEqual(['00001']);
    expect(report.rejected.map((r) => [r.row, r.reason])).toEqual([
      [2, 'invalid_date'],
      [3, 'invalid_number'],
      [4, 'malformed_row'],
    ]);
    expect(importCdnow('hello world').report.rejected[0]?.reason).toBe('unrecognised_format');
  });
});
