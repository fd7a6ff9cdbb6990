import { describe, expect, it } from 'vitest';
import type { Spec } from '../../../src/domain/compile/spec-schema.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { simulate } from '../../../src/domain/simulate/simulate.ts';
import { scaledAssumption } from '../../../src/features/forecast/sensitivity-model.ts';
import { inProcessForecastWorker } from '../../../src/workers/forecast/in-process-forecast-worker.ts';
import { runForecast } from '../../../src/workers/forecast/run-forecast.ts';
import { specOfTemplate } from '../../support/template-spec.ts';

const NOW = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const profiles = generateProfiles({ count: 1_200, seed: 11, start: NOW - 365 * DAY, end: NOW });
const PERIOD = { start: NOW - 120 * DAY, horizonDays: 120 };

const templateSpec = (id: string): Spec => specOfTemplate(id, NOW);

describe('a forecast whose variants differ only in the price of a message', () => {
  it('gives each variant, traces and tallies included, what running it alone gives', async () => {
    const spec = templateSpec('welcome-series');
    const variants = [
      { spec, options: PERIOD },
      { spec, options: { ...scaledAssumption('costPerSend', 0.5), ...PERIOD } },
      { spec, options: { ...scaledAssumption('openRate', 1.5), ...PERIOD } },
      { spec, options: { ...scaledAssumption('costPerSend', 1.5), ...PERIOD } },
    ];
    const forecast = (vs: typeof variants) =>
      runForecast({
        variants: vs,
        profiles,
        replications: 2,
        seed0: 5,
        workers: 2,
        createWorker: inProcessForecastWorker,
      });
    const together = await forecast(variants);
    for (const [v, variant] of variants.entries()) {
      const alone = await forecast([variant]);
      for (const r of together.replications) {
        const own = alone.replications[r.index];
        expect(r.results[v]).toEqual(own?.results[0]);
        expect(r.tallies[v]).not.toBeNull();
        expect(r.tallies[v]).toEqual(own?.tallies[0]);
        expect(r.results[v]).toEqual(
          simulate(spec, profiles, { ...variant.options, seed: 5 + r.index }),
        );
      }
    }
    // The prices did change the cost: the twins are not copies of the base.
    const cost = (v: number) =>
      Object.values(together.replications[0]?.results[v]?.channels ?? {}).reduce(
        (a, c) => a + c.cost,
        0,
      );
    expect(cost(1)).toBeLessThan(cost(0));
    expect(cost(3)).toBeGreaterThan(cost(0));
  });
});

describe('a forecast that reads only the KPIs', () => {
  it('traces nobody (no tallies) and gives the same results', async () => {
    const spec = templateSpec('welcome-series');
    const forecast = (traces: boolean) =>
      runForecast({
        variants: [{ spec, options: PERIOD }],
        profiles,
        replications: 2,
        traces,
        workers: 2,
        createWorker: inProcessForecastWorker,
      });
    const [plain, untraced] = [await forecast(true), await forecast(false)];
    expect(plain.replications.map((r) => r.tallies)).not.toContainEqual([null]);
    expect(untraced.replications.map((r) => r.tallies)).toEqual([[null], [null]]);
    expect(untraced.replications.map((r) => r.results)).toEqual(
      plain.replications.map((r) => r.results),
    );
  });
});
