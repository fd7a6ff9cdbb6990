import { describe, expect, it } from 'vitest';
import { parseNumberCell } from '../../../src/domain/profiles/import/cells';
import { importCsv, previewCsv } from '../../../src/domain/profiles/import/csv';
import { suggestMapping } from '../../../src/domain/profiles/import/suggest-mapping';

// Excel in France, Germany, Spain… saves CSV with `;` between cells and a decimal comma.
const european = [
  'id;name;spend;orders',
  '1;Ann;1,5;3',
  '2;Bob;1.234,50;12',
  '3;Cy;12;1',
  '4;Dee;-0,75;2',
].join('\n');

describe('numbers written with a decimal comma', () => {
  it('are numbers, when the file writes them so', () => {
    const { headers, rows } = previewCsv(european);
    const mapping = suggestMapping(headers, rows);
    expect(mapping.decimalComma).toBe(true);
    expect(mapping.custom).toContainEqual({ column: 'spend', key: 'spend', type: 'number' });
    const { profiles, report } = importCsv(european, mapping);
    expect(report.rejected).toEqual([]);
    expect(profiles.map((p) => p.attributes.custom['spend'])).toEqual([1.5, 1234.5, 12, -0.75]);
  });

  it('leave files with a decimal point as they were', () => {
    const csv = 'id,spend\n1,1.5\n2,"1,234.50"\n3,12\n';
    const { headers, rows } = previewCsv(csv);
    const mapping = suggestMapping(headers, rows);
    expect(mapping.decimalComma).toBe(false);
    expect(importCsv(csv, mapping).profiles.map((p) => p.attributes.custom['spend'])).toEqual([
      1.5, 1234.5, 12,
    ]);
  });

  it('are not suggested by a text column, nor when a number column writes a decimal point', () => {
    // A size written `3,4` is text here; `0.125` and `1.500` are numbers with a point, which a
    // decimal comma would read as 125 and 1500.
    const csv = 'id,size,rate,fee\n1,"3,4",0.125,1.500\n2,"5,6",0.5,2.250\n3,"7,8",1,3.000\n';
    const { headers, rows } = previewCsv(csv);
    const mapping = suggestMapping(headers, rows);
    expect(mapping.decimalComma).toBe(false);
    expect(importCsv(csv, mapping).profiles.map((p) => p.attributes.custom['rate'])).toEqual([
      0.125, 0.5, 1,
    ]);
  });

  it('read each convention only when asked for', () => {
    expect(parseNumberCell('1,5')).toBeUndefined();
    expect(parseNumberCell('1,5', true)).toBe(1.5);
    expect(parseNumberCell('1.234,5', true)).toBe(1234.5);
    expect(parseNumberCell('1 234,5', true)).toBe(1234.5);
    expect(parseNumberCell('1,234', true)).toBe(1.234);
    expect(parseNumberCell('1,234')).toBe(1234);
    expect(parseNumberCell('€ 3,20', true)).toBe(3.2);
    expect(parseNumberCell('1,2,3', true)).toBeUndefined();
    expect(parseNumberCell('1e999', true)).toBeUndefined();
  });
});
