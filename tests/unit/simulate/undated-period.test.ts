import { describe, expect, it } from 'vitest';
import {
  resolveSimulationWindow,
  simulate,
  undatedPeriod,
  type Profile,
} from '../../../src/domain/index.ts';
import { specOf } from './helpers.ts';

const NOW = Date.UTC(2026, 11, 7, 15, 30);
const TODAY = Date.UTC(2026, 11, 7);
const undated: Profile[] = [
  { id: 'a', attributes: { consent: {}, tags: [], custom: {} }, events: [] },
];

describe('the period of profiles without events', () => {
  it('starts at today’s UTC midnight and lasts 30 days, not at 1970', () => {
    expect(undatedPeriod(NOW)).toEqual({ start: TODAY, horizonDays: 30 });
    expect(resolveSimulationWindow({}, undated, NOW)).toEqual({
      start: TODAY,
      end: TODAY + 30 * 86_400_000,
      horizonDays: 30,
    });
  });

  it('keeps a given start and length', () => {
    const start = Date.UTC(2025, 0, 1);
    expect(resolveSimulationWindow({ start }, undated, NOW)).toMatchObject({
      start,
      horizonDays: 30,
    });
    expect(resolveSimulationWindow({ horizonDays: 7 }, undated, NOW)).toMatchObject({
      start: TODAY,
      horizonDays: 7,
    });
  });

  it('is what the domain’s simulation runs over', () => {
    const spec = specOf([['t', 'event', { event: 'visit', propertyFilters: [] }]], []);
    const result = simulate(spec, undated, {}, NOW);
    expect(result.start).toBe(TODAY);
    expect(result.horizonDays).toBe(30);
  });

  it('is refused without the time now rather than guessed', () => {
    expect(() => resolveSimulationWindow({}, undated)).toThrow(RangeError);
  });
});
