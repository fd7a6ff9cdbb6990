import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Spec } from '../../../src/domain/compile/spec-schema.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { simulate } from '../../../src/domain/simulate/simulate.ts';
import { ChunkColumns } from '../../../src/storage/chunk-columns.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { createProfileRepo } from '../../../src/storage/profile-repo.ts';
import { inProcessForecastWorker } from '../../../src/workers/forecast/in-process-forecast-worker.ts';
import {
  runForecast,
  type ForecastProgress,
  type ForecastReplication,
} from '../../../src/workers/forecast/run-forecast.ts';
import { specOfTemplate } from '../../support/template-spec.ts';

vi.spyOn(ChunkColumns.prototype, 'add');

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 1);
const OPTIONS = { start: NOW - 120 * DAY, horizonDays: 120 };

const templateSpec = (id: string): Spec => specOfTemplate(id, NOW);

describe('a forecast over a stored set', () => {
  it('reads each chunk once for every replication and variant, reports progress from the first batch, and equals plain runs', async () => {
    const profiles = generateProfiles({
      count: 4_500,
      seed: 9,
      start: NOW - 365 * DAY,
      end: NOW,
    });
    const dbName = `forecast-${Math.random()}`;
    const db = openWayfinderDb(dbName);
    const repo = createProfileRepo(db);
    const set = await repo.createProfileSet({ name: 'Stored', source: 'generated' });
    await repo.importIntoSet(set.id, profiles, { mode: 'replace' });
    const specs = [templateSpec('welcome-series'), templateSpec('abandoned-cart')];
    vi.mocked(ChunkColumns.prototype.add).mockClear();
    const seen: { progress: ForecastProgress; replications: number }[] = [];
    let finished: readonly ForecastReplication[] = [];
    const run = await runForecast({
      variants: specs.map((spec) => ({ spec, options: OPTIONS })),
      set: { dbName, setId: set.id },
      count: profiles.length,
      replications: 3,
      seed0: 11,
      workers: 2,
      createWorker: inProcessForecastWorker,
      onProgress: (progress) => seen.push({ progress, replications: finished.length }),
      onReplication: (_r, done) => {
        finished = done;
      },
    });
    // 5 chunks, split between the two workers: each read once, not once per replication.
    const read = vi.mocked(ChunkColumns.prototype.add).mock.calls.map(([chunk]) => chunk.seq);
    expect(read.sort((a, b) => a - b)).toEqual([...Array(5).keys()]);
    // Progress came before the first replication was done, and only ever went up.
    expect(seen[0]?.replications).toBe(0);
    expect(seen[0]?.progress.replications).toBeGreaterThan(0);
    expect(seen[0]?.progress.replications).toBeLessThan(1);
    const values = seen.map((s) => s.progress.replications);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values.at(-1)).toBe(3);
    expect(run.replications.map((r) => r.index)).toEqual([0, 1, 2]);
    for (const r of run.replications) {
      specs.forEach((spec, v) => {
        expect(r.results[v]).toEqual(simulate(spec, profiles, { ...OPTIONS, seed: 11 + r.index }));
      });
    }
    // A set this small is traced whole, in every replication.
    for (const r of run.replications)
      r.tallies.forEach((t, v) => expect(t?.traced).toBe(r.results[v]?.profilesEntered));
    await db.delete();
  });

  it("works out the period from the set's events while reading the set once", async () => {
    const profiles = generateProfiles({ count: 2_500, seed: 3, start: NOW - 200 * DAY, end: NOW });
    const dbName = `forecast-${Math.random()}`;
    const db = openWayfinderDb(dbName);
    const repo = createProfileRepo(db);
    const set = await repo.createProfileSet({ name: 'Stored', source: 'generated' });
    await repo.importIntoSet(set.id, profiles, { mode: 'replace' });
    const spec = templateSpec('welcome-series');
    vi.mocked(ChunkColumns.prototype.add).mockClear();
    const run = await runForecast({
      variants: [{ spec }],
      set: { dbName, setId: set.id },
      count: profiles.length,
      replications: 2,
      workers: 2,
      createWorker: inProcessForecastWorker,
    });
    expect(vi.mocked(ChunkColumns.prototype.add).mock.calls).toHaveLength(3);
    const whole = simulate(spec, profiles, { seed: 1 });
    expect(run.period).toEqual({ start: whole.start, horizonDays: whole.horizonDays });
    expect(run.replications[0]?.results[0]).toEqual(whole);
    await db.delete();
  });
});
