import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/domain/compile/compile.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { simulate } from '../../../src/domain/simulate/simulate.ts';
import { mergeResults } from '../../../src/domain/simulate/merge.ts';
import { TEMPLATES } from '../../../src/domain/templates/templates.ts';
import { summariseVersionForecast } from '../../../src/domain/live/version-forecast.ts';
import { totalSendsPerDay } from '../../../src/domain/forecast/replications.ts';

const NOW = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const profiles = generateProfiles({ count: 600, seed: 11, start: NOW - 90 * DAY, end: NOW });
const template = TEMPLATES.find((t) => t.id === 'welcome-series');
const spec = template === undefined ? null : compile(template.build(NOW, () => 'j-welcome')).spec;
const OPTIONS = { start: NOW - 60 * DAY, horizonDays: 60 };

describe('per-day figures of a simulation', () => {
  it('adds up to the run’s entries, conversions and sends, and survives a merge', () => {
    if (spec === null) throw new Error('the welcome series does not compile');
    const whole = simulate(spec, profiles, { ...OPTIONS, seed: 3 });
    const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
    expect(whole.entries).toBeGreaterThan(0);
    expect(sum(whole.entriesPerDay)).toBe(whole.entries - whole.controlEntries);
    expect(sum(whole.conversionsPerDay)).toBeLessThanOrEqual(whole.goal?.conversions ?? 0);
    expect(whole.entriesPerDay).toHaveLength(60);
    const halves = [profiles.slice(0, 300), profiles.slice(300)].map((part) =>
      simulate(spec, part, { ...OPTIONS, seed: 3 }),
    );
    const merged = mergeResults(halves);
    expect(merged.entriesPerDay).toEqual(whole.entriesPerDay);
    expect(merged.conversionsPerDay).toEqual(whole.conversionsPerDay);
  });
});

describe('summariseVersionForecast', () => {
  it('gives each step a share band that holds its median and days keyed by UTC date', () => {
    if (spec === null) throw new Error('the welcome series does not compile');
    const results = [1, 2, 3, 4, 5].map((seed) => simulate(spec, profiles, { ...OPTIONS, seed }));
    const forecast = summariseVersionForecast(results, {
      journeyId: 'j-welcome',
      version: 2,
      specHash: spec.journey.version,
      profileSetName: 'Test',
      profiles: profiles.length,
      ranAt: NOW,
    });
    expect(forecast.replications).toBe(5);
    const trigger = forecast.steps['signed-up'];
    // Everyone who enters enters by the trigger: its share is exactly 1 in every replication.
    expect(trigger?.share).toEqual({ p10: 1, p50: 1, p90: 1 });
    for (const step of Object.values(forecast.steps)) {
      expect(step.share.p10).toBeLessThanOrEqual(step.share.p50);
      expect(step.share.p50).toBeLessThanOrEqual(step.share.p90);
    }
    expect(forecast.daily[0]?.day).toBe('2025-11-02');
    expect(forecast.daily).toHaveLength(60);
    const sends = totalSendsPerDay(results[0] as (typeof results)[0]);
    const busiest = sends.indexOf(Math.max(...sends));
    expect(forecast.daily[busiest]?.sends.p90).toBeGreaterThan(0);
    expect(forecast.edges['signed-up->next']).toBe(forecast.steps['welcome-email']?.entered.p50);
  });

  it('refuses an empty forecast rather than inventing figures', () => {
    expect(() =>
      summariseVersionForecast([], {
        journeyId: 'j',
        version: 1,
        specHash: 'h',
        profileSetName: '',
        profiles: 0,
        ranAt: 0,
      }),
    ).toThrow(RangeError);
  });
});
