import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateCell, parseTimestampCell } from '../../../src/domain/profiles/import/cells';
import { importCsv } from '../../../src/domain/profiles/import/csv';

describe('date cells', () => {
  it('keep the calendar day a date and time was written on, whatever its offset', () => {
    // Signed up at 01:00 in India is 8 March in UTC, but the customer signed up on 9 March.
    expect(parseDateCell('2024-03-09T01:00:00+05:30', 'mdy')).toBe('2024-03-09');
    expect(parseDateCell('2024-03-09 23:30:00-08:00', 'mdy')).toBe('2024-03-09');
    const { profiles } = importCsv('id,signed_up\nc1,2024-03-09T01:00:00+05:30\n', {
      id: 'id',
      signupDate: 'signed_up',
    });
    expect(profiles[0]?.attributes.signupDate).toBe('2024-03-09');
  });

  it('read any valid date and time, with or without an offset, as the day it names (seeded)', () => {
    const offset = fc.constantFrom('', 'Z', '+05:30', '-08:00', '+14:00', '-1200', ' ');
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(1950, 0, 1)),
          max: new Date(Date.UTC(2150, 0, 1)),
          noInvalidDate: true,
        }),
        offset,
        (when, zone) => {
          const written = when.toISOString().slice(0, 19);
          const cell = zone === ' ' ? written.replace('T', ' ') : `${written}${zone}`;
          expect(parseDateCell(cell, 'dmy')).toBe(written.slice(0, 10));
        },
      ),
      { numRuns: 500, seed: 20_261_209 },
    );
  });

  it('still refuse a time that does not exist, and still place event times at their instant', () => {
    expect(parseDateCell('2024-03-09T25:00', 'mdy')).toBeUndefined();
    expect(parseDateCell('2024-02-30T10:00Z', 'mdy')).toBeUndefined();
    expect(parseTimestampCell('2024-03-09T01:00:00+05:30', 'mdy')).toBe(
      Date.UTC(2024, 2, 8, 19, 30),
    );
  });
});
