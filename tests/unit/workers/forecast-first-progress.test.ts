import { describe, expect, it } from 'vitest';
import type { Spec } from '../../../src/domain/compile/spec-schema.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { simulate } from '../../../src/domain/simulate/simulate.ts';
import { inProcessForecastWorker } from '../../../src/workers/forecast/in-process-forecast-worker.ts';
import { runForecast, type ForecastProgress } from '../../../src/workers/forecast/run-forecast.ts';
import { specOfTemplate } from '../../support/template-spec.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 1);
const OPTIONS = { start: NOW - 120 * DAY, horizonDays: 120 };

const templateSpec = (id: string): Spec => specOfTemplate(id, NOW);

describe("a forecast's first progress", () => {
  it('comes after a first slice of the first batch, counts only profiles simulated, and the results are unchanged', async () => {
    // One batch of 5,000 profiles per worker: progress used to wait for the whole batch in
    // every variant.
    const profiles = generateProfiles({ count: 5_000, seed: 4, start: NOW - 365 * DAY, end: NOW });
    const specs = [templateSpec('welcome-series'), templateSpec('abandoned-cart')];
    const seen: { progress: ForecastProgress; replicationsDone: number }[] = [];
    let replicationsDone = 0;
    const run = await runForecast({
      variants: specs.map((spec) => ({ spec, options: OPTIONS })),
      profiles,
      replications: 2,
      seed0: 7,
      workers: 1,
      createWorker: inProcessForecastWorker,
      onProgress: (progress) => seen.push({ progress, replicationsDone }),
      onReplication: (_r, done) => (replicationsDone = done.length),
    });
    const first = seen[0];
    expect(first?.replicationsDone).toBe(0);
    // Some profiles were simulated (progress is real work), and fewer than a tenth of the batch
    // in both variants: the first slice of variant A.
    expect(first?.progress.replications).toBeGreaterThan(0);
    expect(first?.progress.replications).toBeLessThan(0.1);
    const values = seen.map((s) => s.progress.replications);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values.at(-1)).toBe(2);
    for (const r of run.replications)
      specs.forEach((spec, v) =>
        expect(r.results[v]).toEqual(simulate(spec, profiles, { ...OPTIONS, seed: 7 + r.index })),
      );
  });
});
