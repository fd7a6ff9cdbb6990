import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Spec } from '../../../src/domain/compile/spec-schema.ts';
import { npsFromEvents } from '../../../src/domain/forecast/nps.ts';
import { simulate } from '../../../src/domain/simulate/simulate.ts';
import { resolveSimulationWindow } from '../../../src/domain/simulate/window.ts';
import { ChunkColumns } from '../../../src/storage/chunk-columns.ts';
import { inProcessForecastWorker } from '../../../src/workers/forecast/in-process-forecast-worker.ts';
import { PreparedParts } from '../../../src/workers/forecast/prepared-parts.ts';
import { readForecastSetAhead, runForecast } from '../../../src/workers/forecast/run-forecast.ts';
import { specOfTemplate } from '../../support/template-spec.ts';
import { keptForecastWorkersInProcess } from '../../support/in-process-forecast-workers.ts';
import { storeGeneratedSet } from '../../support/stored-generated-set.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 1);
const templateSpec = (id: string): Spec => specOfTemplate(id, NOW);

// The page's kept forecast workers, made as in a browser (in-process here): two of them.
keptForecastWorkersInProcess(2);

describe('reading a set ahead for the journeys chosen on the forecast page', () => {
  it('prepares the kept workers for the period of the whole set, so the forecast after decodes no profile, with the same results', async () => {
    const { profiles, set, db } = await storeGeneratedSet({
      count: 4_500,
      seed: 21,
      start: NOW - 300 * DAY,
      end: NOW,
    });
    const specs = [templateSpec('welcome-series'), templateSpec('abandoned-cart')];
    const whole = vi.spyOn(PreparedParts.prototype, 'whole');
    readForecastSetAhead(set, profiles.length, specs);
    // Each of the two workers joins its prepared part once it has worked out its entries.
    await vi.waitFor(() => expect(whole).toHaveBeenCalledTimes(2), { timeout: 20_000 });
    const decode = vi.spyOn(ChunkColumns.prototype, 'profile');
    const run = await runForecast({
      variants: specs.map((spec) => ({ spec })),
      set,
      count: profiles.length,
      replications: 2,
      seed0: 6,
      traces: false,
      historicalNps: true,
    });
    expect(decode).not.toHaveBeenCalled();
    // The survey answers summed by the workers (prepared ahead too): the NPS of the whole set.
    expect(run.historicalNps).toEqual(npsFromEvents(profiles));
    expect(run.historicalNps?.responses).toBeGreaterThan(0);
    const window = resolveSimulationWindow({}, profiles);
    const period = { start: window.start, horizonDays: window.horizonDays };
    expect(run.period).toEqual(period);
    expect(run.replications.map((r) => r.results)).toEqual(
      [6, 7].map((seed) => specs.map((spec) => simulate(spec, profiles, { ...period, seed }))),
    );
    await db.delete();
  });
});

describe('a forecast asked for the set’s historical NPS', () => {
  it('has each worker sum the answers of its share, for the NPS of the whole set', async () => {
    const { profiles, set, db } = await storeGeneratedSet({
      count: 3_500,
      seed: 22,
      start: NOW - 300 * DAY,
      end: NOW,
    });
    const spec = templateSpec('welcome-series');
    const over = { variants: [{ spec }], replications: 1, workers: 2 };
    const fromSet = await runForecast({
      ...over,
      set,
      count: profiles.length,
      historicalNps: true,
      createWorker: inProcessForecastWorker,
    });
    const sent = await runForecast({
      ...over,
      profiles,
      historicalNps: true,
      createWorker: inProcessForecastWorker,
    });
    const unasked = await runForecast({ ...over, profiles, createWorker: inProcessForecastWorker });
    expect(fromSet.historicalNps).toEqual(npsFromEvents(profiles));
    expect(sent.historicalNps).toEqual(npsFromEvents(profiles));
    expect(unasked.historicalNps).toBeNull();
    await db.delete();
  });
});
