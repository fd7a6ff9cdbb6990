import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Spec } from '../../../src/domain/compile/spec-schema.ts';
import type { SimulationPlan } from '../../../src/domain/simulate/plan.ts';
import type {
  ForecastWorkerEvent,
  ForecastWorkerRequest,
} from '../../../src/workers/forecast/forecast-protocol.ts';
import { inProcessForecastWorker } from '../../../src/workers/forecast/in-process-forecast-worker.ts';
import { PreparedParts } from '../../../src/workers/forecast/prepared-parts.ts';
import { readForecastSetAhead, runForecast } from '../../../src/workers/forecast/run-forecast.ts';
import { specOfTemplate } from '../../support/template-spec.ts';
import { keptForecastWorkersInProcess } from '../../support/in-process-forecast-workers.ts';
import { storeGeneratedSet } from '../../support/stored-generated-set.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 1);
const PERIOD = { start: NOW - 365 * DAY, horizonDays: 366 };
const SETTLED = { timeout: 20_000 };
const templateSpec = (id: string): Spec => specOfTemplate(id, NOW);

// The page's kept forecast workers, made as in a browser (in-process here): two of them.
keptForecastWorkersInProcess(2);
afterEach(() => vi.restoreAllMocks());

function storedSet(count: number, seed: number) {
  return storeGeneratedSet({ count, seed, start: NOW - 365 * DAY, end: NOW });
}

/** The journeys whose plans were joined into a prepared share, call by call. */
const joinedJourneys = (join: { mock: { calls: unknown[][] } }): string[][] =>
  join.mock.calls.map((call) => (call[1] as SimulationPlan[]).map((plan) => plan.journeyId));

describe('a forecast worker asked to prepare while a run has it', () => {
  it('prepares only the latest journeys asked for, once the run is over', async () => {
    const { profiles, set } = await storedSet(3_000, 41);
    const join = vi.spyOn(PreparedParts.prototype, 'whole');
    const worker = inProcessForecastWorker();
    const events: ForecastWorkerEvent[] = [];
    worker.onmessage = (e: MessageEvent) => events.push(e.data as ForecastWorkerEvent);
    const prepare = (id: string): ForecastWorkerRequest => ({
      type: 'prepare',
      set,
      parts: 1,
      partition: 0,
      specs: [templateSpec(id)],
      ...PERIOD,
    });
    // A run long enough for both requests to arrive while it goes.
    worker.postMessage({
      type: 'run-set',
      set,
      parts: 1,
      shareSize: profiles.length,
      variants: [{ spec: templateSpec('welcome-series'), options: PERIOD }],
      partition: 0,
      seed0: 1,
      replications: 12,
      tracing: { every: false, sample: 0, cap: { max: 3, periodDays: 7 } },
    });
    worker.postMessage(prepare('abandoned-cart'));
    worker.postMessage(prepare('win-back'));
    await vi.waitFor(() => expect(events.map((e) => e.type)).toContain('done'), SETTLED);
    // The run joined its share for its own replications; then, once the worker was free, the
    // latest request was prepared, and only it (the one before was dropped).
    await vi.waitFor(() => expect(join).toHaveBeenCalledTimes(2), SETTLED);
    expect(joinedJourneys(join)).toEqual([['j-welcome-series'], ['j-win-back']]);
    worker.terminate();
  });
});

describe('the page asking its kept workers to prepare journeys during a forecast', () => {
  it('has them prepared once the forecast is over', async () => {
    const { profiles, set } = await storedSet(4_500, 42);
    const join = vi.spyOn(PreparedParts.prototype, 'whole');
    const running = runForecast({
      variants: [{ spec: templateSpec('welcome-series') }],
      set,
      count: profiles.length,
      replications: 1,
      traces: false,
    });
    // The workers reply with their parts' spans while the forecast has them.
    readForecastSetAhead(set, profiles.length, [templateSpec('abandoned-cart')]);
    await running;
    // Each of the two workers prepares the journey for its part once the run is over.
    await vi.waitFor(() => expect(join).toHaveBeenCalledTimes(2), SETTLED);
    expect(joinedJourneys(join)).toEqual([['j-abandoned-cart'], ['j-abandoned-cart']]);
  });
});
