import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/domain/profiles/profile.ts';
import { simulate } from '../../../src/domain/simulate/simulate.ts';
import { at, brokenCounts, email, event, specOf } from './helpers.ts';

const N = 100_000;
const visitAt = at('2024-05-01T10:00:00Z');
const options = { seed: 7, start: at('2024-05-01T00:00:00Z'), horizonDays: 10 };

function crowd(n: number): Profile[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    attributes: { email: `p${i}@example.com`, consent: { email: true }, tags: [], custom: {} },
    events: [{ name: 'visit', at: visitAt }],
  }));
}

/** |observed − n·p| within three standard deviations of a binomial count. */
function withinThreeSd(observed: number, n: number, p: number): boolean {
  return Math.abs(observed - n * p) <= 3 * Math.sqrt(n * p * (1 - p));
}

describe('simulate: statistics with fixed seeds', () => {
  const profiles = crowd(N);

  it('splits 50/30/20 within three standard deviations of each share', () => {
    const linked = specOf(
      [
        ['t', 'event', event('visit')],
        [
          's',
          'random_split',
          {
            variants: [
              { key: 'a', label: 'A', percent: 50 },
              { key: 'b', label: 'B', percent: 30 },
              { key: 'c', label: 'C', percent: 20 },
            ],
          },
        ],
        ['x', 'exit', { reason: 'a' }],
        ['y', 'exit', { reason: 'b' }],
        ['z', 'exit', { reason: 'c' }],
      ],
      [
        ['t', 'next', 's'],
        ['s', 'a', 'x'],
        ['s', 'b', 'y'],
        ['s', 'c', 'z'],
      ],
    );
    const split = simulate(linked, profiles, options).steps['s']?.byBranch ?? {};
    expect(withinThreeSd(split['a'] ?? 0, N, 0.5)).toBe(true);
    expect(withinThreeSd(split['b'] ?? 0, N, 0.3)).toBe(true);
    expect(withinThreeSd(split['c'] ?? 0, N, 0.2)).toBe(true);
  });

  it('converges on the assumed delivery, open and click rates', () => {
    const spec = specOf(
      [
        ['t', 'event', event('visit')],
        ['m', 'email', email()],
      ],
      [['t', 'next', 'm']],
    );
    const behaviour = {
      email: {
        deliveredRate: 0.9,
        openRate: 0.25,
        clickRate: 0.1,
        unsubscribeRate: 0.01,
        openDelayMinutes: 60,
      },
    };
    const e = simulate(spec, profiles, { ...options, behaviour }).channels.email;
    expect(e?.sent).toBe(N);
    expect(withinThreeSd(e?.delivered ?? 0, N, 0.9)).toBe(true);
    expect(withinThreeSd(e?.opened ?? 0, e?.delivered ?? 0, 0.25)).toBe(true);
    expect(withinThreeSd(e?.clicked ?? 0, e?.opened ?? 0, 0.1)).toBe(true);
    expect(withinThreeSd(e?.unsubscribed ?? 0, e?.delivered ?? 0, 0.01)).toBe(true);
  });

  it('holds out the control group share by hash and sends it nothing', () => {
    const spec = specOf(
      [
        ['t', 'event', event('visit')],
        ['m', 'email', email()],
      ],
      [['t', 'next', 'm']],
      {
        controlGroupPercent: 10,
        goal: { event: 'order_placed', propertyFilters: [], windowDays: 7, endsJourney: false },
      },
    );
    const r = simulate(spec, profiles, options);
    expect(withinThreeSd(r.controlEntries, N, 0.1)).toBe(true);
    expect(r.steps['t']?.exitedBy.control_group).toBe(r.controlEntries);
    expect(r.steps['m']?.entered).toBe(N - r.controlEntries);
    expect(r.channels.email?.sent).toBe(N - r.controlEntries);
    expect(r.goal?.control.entered).toBe(r.controlEntries);
    expect(r.goal?.control.conversions).toBe(0);
    expect(r.goal?.conversions).toBeGreaterThan(0);
    expect(r.goal?.uplift).toBeCloseTo(r.goal?.rate ?? 0, 12);
    expect(brokenCounts(r)).toEqual([]);
  });
});
