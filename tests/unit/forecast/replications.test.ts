import { describe, expect, it } from 'vitest';
import type { Spec } from '../../../src/domain/compile/spec-schema.ts';
import {
  compareKpis,
  extractKpis,
  kpiDefinitions,
  sendsPerDayBand,
  summariseKpis,
  totalSendsPerDay,
} from '../../../src/domain/forecast/replications.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { simulate } from '../../../src/domain/simulate/simulate.ts';
import { inProcessForecastWorker } from '../../../src/workers/forecast/in-process-forecast-worker.ts';
import {
  runForecast,
  TRACE_EVERY_UP_TO,
  type RunForecastRequest,
} from '../../../src/workers/forecast/run-forecast.ts';
import { specOfTemplate } from '../../support/template-spec.ts';

const NOW = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const profiles = generateProfiles({ count: 1_500, seed: 7, start: NOW - 365 * DAY, end: NOW });
const OPTIONS = { start: NOW - 120 * DAY, horizonDays: 120 };

const templateSpec = (id: string, journeyId = `j-${id}`): Spec =>
  specOfTemplate(id, NOW, journeyId);

function replicate(spec: Spec, n: number, seed0 = 1) {
  return Array.from({ length: n }, (_, r) =>
    extractKpis(simulate(spec, profiles, { ...OPTIONS, seed: seed0 + r })),
  );
}

describe('extractKpis', () => {
  const result = simulate(templateSpec('welcome-series'), profiles, { ...OPTIONS, seed: 3 });
  const kpis = extractKpis(result);

  it('reads conversion, revenue and cost off the result, and derives the ratios from them', () => {
    const goal = result.goal;
    expect(goal).not.toBeNull();
    expect(kpis['conversionRate']).toBe(goal?.rate);
    expect(kpis['revenue']).toBe(goal?.revenue);
    const cost = Object.values(result.channels).reduce((a, c) => a + c.cost, 0);
    expect(kpis['cost']).toBeCloseTo(cost, 9);
    expect(kpis['costPerConversion']).toBeCloseTo(cost / (goal?.conversions ?? 1), 9);
    expect(kpis['returnOnSpend']).toBeCloseTo((goal?.revenue ?? 0) / cost, 9);
    const sent = Object.values(result.channels).reduce((a, c) => a + c.sent, 0);
    expect(kpis['messages']).toBe(sent);
    expect(kpis['messagesPerProfilePerWeek']).toBeCloseTo(
      (sent / result.profilesEntered) * (7 / result.horizonDays),
      12,
    );
  });

  it('gives one cost per channel the journey sends on, adding up to the total', () => {
    const channelKeys = kpiDefinitions(result)
      .map((k) => k.key)
      .filter((k) => k.startsWith('cost.'));
    expect(channelKeys.length).toBeGreaterThan(0);
    const sum = channelKeys.reduce((a, k) => a + (kpis[k] ?? 0), 0);
    expect(sum).toBeCloseTo(kpis['cost'] ?? NaN, 9);
  });

  it('leaves out goal KPIs for a journey without a goal and reads simulated NPS from a survey journey', () => {
    const nps = simulate(templateSpec('post-purchase-nps'), profiles, { ...OPTIONS, seed: 3 });
    const keys = kpiDefinitions(nps).map((k) => k.key);
    expect(keys).not.toContain('conversionRate');
    expect(keys).toContain('npsSimulated');
    expect(extractKpis(nps)['npsSimulated']).toBe(nps.nps.score ?? NaN);
  });
});

describe('replication summaries and comparisons', () => {
  it('identical journeys (even under different ids) compare to exactly zero difference', () => {
    const a = replicate(templateSpec('welcome-series', 'first'), 6);
    const b = replicate(templateSpec('welcome-series', 'second'), 6);
    const keys = ['conversionRate', 'revenue', 'cost', 'messagesPerProfilePerWeek'];
    const comparison = compareKpis(a, b, keys);
    for (const key of keys) {
      expect(comparison[key]?.meanDiff).toBe(0);
      expect(comparison[key]?.ci).toEqual({ low: 0, high: 0 });
      expect(comparison[key]?.distinguishable).toBe(false);
    }
  });

  it('more replications give a tighter interval of the mean', () => {
    const spec = templateSpec('welcome-series');
    const few = summariseKpis(replicate(spec, 5), ['conversionRate'])['conversionRate'];
    const many = summariseKpis(replicate(spec, 40, 100), ['conversionRate'])['conversionRate'];
    expect(few?.n).toBe(5);
    expect(many?.n).toBe(40);
    expect(many?.standardError ?? Infinity).toBeLessThan(few?.standardError ?? 0);
  });

  it('tells two different journeys apart', () => {
    const a = replicate(templateSpec('welcome-series'), 8);
    const b = replicate(templateSpec('abandoned-cart'), 8);
    const c = compareKpis(a, b, ['messages'])['messages'];
    expect(c?.distinguishable).toBe(true);
  });

  it('builds the sends-per-day band with P10 ≤ P50 ≤ P90 on every day', () => {
    const spec = templateSpec('welcome-series');
    const days = Array.from({ length: 6 }, (_, r) =>
      totalSendsPerDay(simulate(spec, profiles, { ...OPTIONS, seed: r + 1 })),
    );
    const band = sendsPerDayBand(days);
    expect(band).toHaveLength(120);
    for (const d of band) {
      expect(d.p10).toBeLessThanOrEqual(d.p50);
      expect(d.p50).toBeLessThanOrEqual(d.p90);
    }
    const total = band.reduce((a, d) => a + d.mean, 0);
    expect(total).toBeGreaterThan(0);
  });
});

// Heavy (seconds here, several times that on a loaded CI machine): a generous limit of its own.
describe('runForecast (in-process workers)', { timeout: 120_000 }, () => {
  const spec = templateSpec('welcome-series');
  const forecastOf = (request: Partial<RunForecastRequest>) =>
    runForecast({
      variants: [{ spec, options: OPTIONS }],
      profiles,
      replications: 50,
      createWorker: inProcessForecastWorker,
      ...request,
    });

  it('merges partitions per replication into exactly the single-run results, with common seeds', async () => {
    const run = await forecastOf({ replications: 3, seed0: 5, workers: 3 });
    expect(run.replications.map((r) => r.index)).toEqual([0, 1, 2]);
    for (const r of run.replications) {
      const whole = simulate(spec, profiles, { ...OPTIONS, seed: 5 + r.index });
      expect(r.results[0]).toEqual(whole);
    }
    const tallies = run.replications[0]?.tallies[0];
    expect(tallies?.traced).toBe(run.replications[0]?.results[0]?.profilesEntered);
    const converters = Object.values(tallies?.converters ?? {}).reduce(
      (a, c) => a + c.conversions,
      0,
    );
    expect(converters).toBe(run.replications[0]?.results[0]?.goal?.conversions);
  });

  it('stops early when told, and rejects with an AbortError on cancel', async () => {
    const early = await forecastOf({ workers: 2, shouldStop: (done) => done.length >= 4 });
    expect(early.stoppedEarly).toBe(true);
    expect(early.replications).toHaveLength(4);
    const abort = new AbortController();
    const pending = forecastOf({ signal: abort.signal, onReplication: () => abort.abort() });
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('runs every variant of a large set with common seeds, each replication equal to a plain run', async () => {
    const many = generateProfiles({
      count: TRACE_EVERY_UP_TO + 1_000,
      seed: 8,
      start: NOW - 365 * DAY,
      end: NOW,
    });
    const other = templateSpec('abandoned-cart');
    const run = await runForecast({
      variants: [
        { spec, options: OPTIONS },
        { spec: other, options: { ...OPTIONS, seed: 'ignored' } },
      ],
      profiles: many,
      replications: 2,
      seed0: 40,
      workers: 2,
      createWorker: inProcessForecastWorker,
    });
    for (const r of run.replications) {
      [spec, other].forEach((s, v) => {
        expect(r.results[v]).toEqual(simulate(s, many, { ...OPTIONS, seed: 40 + r.index }));
      });
    }
    expect(run.replications[0]?.tallies.every((t) => t !== null && t.traced > 0)).toBe(true);
    expect(run.replications[1]?.tallies).toEqual([null, null]);
  });
});
