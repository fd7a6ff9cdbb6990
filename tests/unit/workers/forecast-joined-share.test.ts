import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Spec } from '../../../src/domain/compile/spec-schema.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { simulate } from '../../../src/domain/simulate/simulate.ts';
import { inProcessForecastWorker } from '../../../src/workers/forecast/in-process-forecast-worker.ts';
import { PreparedParts } from '../../../src/workers/forecast/prepared-parts.ts';
import { runForecast } from '../../../src/workers/forecast/run-forecast.ts';
import { specOfTemplate } from '../../support/template-spec.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 1);
const PERIOD = { start: NOW - 120 * DAY, horizonDays: 120 };
const templateSpec = (id: string): Spec => specOfTemplate(id, NOW);

afterEach(() => vi.restoreAllMocks());

/** A forecast of two journeys over sent profiles (12,000: three batches in each of two workers). */
async function forecastOfSent(replications: number) {
  const profiles = generateProfiles({ count: 12_000, seed: 31, start: NOW - 365 * DAY, end: NOW });
  const specs = [templateSpec('welcome-series'), templateSpec('abandoned-cart')];
  const run = await runForecast({
    variants: specs.map((spec) => ({ spec, options: PERIOD })),
    profiles,
    replications,
    seed0: 4,
    workers: 2,
    createWorker: inProcessForecastWorker,
  });
  const plain = Array.from({ length: replications }, (_, r) =>
    specs.map((spec) => simulate(spec, profiles, { ...PERIOD, seed: 4 + r })),
  );
  return { run, plain };
}

describe('a forecast over sent profiles', () => {
  it('runs a single replication batch by batch without joining the batches, with the same results', async () => {
    const join = vi.spyOn(PreparedParts.prototype, 'whole');
    const { run, plain } = await forecastOfSent(1);
    expect(join).not.toHaveBeenCalled();
    expect(run.replications.map((r) => r.results)).toEqual(plain);
  });

  it('joins each worker’s batches once when replications follow the first', async () => {
    const join = vi.spyOn(PreparedParts.prototype, 'whole');
    const { run, plain } = await forecastOfSent(2);
    expect(join).toHaveBeenCalledTimes(2);
    expect(run.replications.map((r) => r.results)).toEqual(plain);
  });
});
