import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { compile, simulate, TEMPLATES } from '../../../src/domain/index.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { profileColumns } from '../../../src/domain/simulate/profile-columns.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import type { ChunkPart } from '../../../src/storage/profile-chunk-reader.ts';
import { ChunkColumns } from '../../../src/storage/chunk-columns.ts';
import { createProfileRepo } from '../../../src/storage/profile-repo.ts';
import {
  readStoredSetSpan,
  runStoredSimulation,
} from '../../../src/workers/simulation/run-simulation.ts';
import { indexedDbSetLoader, type SetLoader } from '../../../src/workers/simulation/set-loader.ts';
import { hostSimulation } from '../../../src/workers/simulation/simulation-host.ts';
import { cloningSimulationWorker } from '../../support/cloning-simulation-worker.ts';

vi.spyOn(ChunkColumns.prototype, 'add');

const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 1);
const profiles = generateProfiles({
  count: 3_001,
  seed: 11,
  start: START,
  end: Date.UTC(2025, 6, 1),
});

/** A loader over an in-memory "set" of one chunk that records which part each worker asked for. */
function memoryLoader(reads: (ChunkPart | undefined)[]): SetLoader {
  return {
    columns(_set, part) {
      reads.push(part);
      return (async function* () {
        yield await Promise.resolve(profileColumns(profiles));
      })();
    },
  };
}

const fakeWorker = cloningSimulationWorker;

describe('runs over a stored set', () => {
  const set = { dbName: 'test', setId: 'set-1' };
  const template = TEMPLATES.find((t) => t.id === 'welcome-series');
  if (!template) throw new Error('no welcome-series template');
  const { spec } = compile(template.build(START));
  if (!spec) throw new Error('template does not compile');
  const options = { start: START, horizonDays: 60, seed: 3, traceSample: 20 };

  it('gives each worker whole chunks of its own, and merges to a one-thread run', async () => {
    const dbName = `stored-${Math.random()}`;
    const db = openWayfinderDb(dbName);
    const repo = createProfileRepo(db);
    const stored = await repo.createProfileSet({ name: 'Stored', source: 'generated' });
    await repo.importIntoSet(stored.id, profiles, { mode: 'replace' });
    const single = simulate(spec, profiles, options);
    for (const workers of [1, 2, 3]) {
      const reads: (ChunkPart | undefined)[] = [];
      const recording: SetLoader = {
        columns: (ref, part) => {
          reads.push(part);
          return indexedDbSetLoader.columns(ref, part);
        },
      };
      vi.mocked(ChunkColumns.prototype.add).mockClear();
      const seen: number[] = [];
      const result = await runStoredSimulation({
        spec,
        set: { dbName, setId: stored.id },
        count: profiles.length,
        options,
        workers,
        createWorker: () => fakeWorker(recording),
        onProgress: (p) => seen.push(p.done),
      });
      expect(reads.map((p) => p?.index).sort()).toEqual([...Array(workers).keys()]);
      expect(reads.every((p) => p?.of === workers)).toBe(true);
      // 3,001 profiles are four chunks: across all workers each is read exactly once.
      const decoded = vi.mocked(ChunkColumns.prototype.add).mock.calls.map(([chunk]) => chunk.seq);
      expect(decoded.sort()).toEqual([0, 1, 2, 3]);
      expect(seen.at(-1)).toBe(profiles.length);
      expect(result.profiles).toBe(single.profiles);
      expect(result.entries).toBe(single.entries);
      expect(result.steps).toEqual(single.steps);
      expect(result.goal).toEqual(single.goal);
      expect(result.traces.map((t) => t.profileId)).toEqual(single.traces.map((t) => t.profileId));
    }
    await db.delete();
  });

  it('traces over a part of many batches exactly as one thread does, run after run', async () => {
    // Batches of 400 profiles, the same objects at every read (as a worker's kept set gives them).
    const batches = Array.from({ length: Math.ceil(profiles.length / 400) }, (_, b) =>
      profileColumns(profiles.slice(b * 400, (b + 1) * 400)),
    );
    const batched: SetLoader = {
      columns: () =>
        (async function* () {
          for (const batch of batches) yield await Promise.resolve(batch);
        })(),
    };
    const worker = fakeWorker(batched);
    for (const runOptions of [options, { ...options, seed: 4 }, { ...options, traceSample: 0 }]) {
      const result = await runStoredSimulation({
        spec,
        set,
        count: profiles.length,
        options: runOptions,
        workers: 1,
        createWorker: () => worker,
      });
      const { partition: _p, ...single } = simulate(spec, profiles, runOptions);
      const { partition: _q, ...merged } = result;
      expect(merged).toEqual(single);
    }
  });

  it('never starts more workers than the set has chunks', async () => {
    const reads: (ChunkPart | undefined)[] = [];
    await runStoredSimulation({
      spec,
      set,
      count: 1_500,
      options,
      workers: 4,
      createWorker: () => fakeWorker(memoryLoader(reads)),
    });
    expect(reads).toHaveLength(2);
    expect(reads.every((p) => p?.of === 2)).toBe(true);
  });

  it('cancels: rejects with an AbortError', async () => {
    const controller = new AbortController();
    const run = runStoredSimulation({
      spec,
      set,
      count: profiles.length,
      options: { start: START, horizonDays: 60 },
      workers: 2,
      signal: controller.signal,
      createWorker: () => fakeWorker(memoryLoader([])),
    });
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  it("works out a set's default period from all its events", async () => {
    const reads: (ChunkPart | undefined)[] = [];
    const span = await readStoredSetSpan({
      set,
      createWorker: () => fakeWorker(memoryLoader(reads)),
    });
    const first = Math.min(...profiles.flatMap((p) => p.events.map((e) => e.at)));
    const last = Math.max(...profiles.flatMap((p) => p.events.map((e) => e.at)));
    expect(reads).toEqual([undefined]);
    expect(span).toEqual({
      start: first,
      horizonDays: Math.max(1, Math.ceil((last + 1 - first) / DAY)),
      profiles: profiles.length,
    });
  });

  it('reports a loader failure as an error', async () => {
    const failing: SetLoader = {
      columns: () => ({
        [Symbol.asyncIterator]: () => ({
          next: () => Promise.reject(new Error('There is no profile set set-1.')),
        }),
      }),
    };
    await expect(
      runStoredSimulation({
        spec,
        set,
        count: 10,
        options: { start: 0, horizonDays: 1 },
        workers: 1,
        createWorker: () => fakeWorker(failing),
      }),
    ).rejects.toThrow('There is no profile set set-1.');
  });

  it('refuses a part that is not one of the parts', async () => {
    const events: unknown[] = [];
    const scope = {
      onmessage: null as ((event: MessageEvent) => void) | null,
      postMessage: (message: unknown) => events.push(message),
    };
    hostSimulation(scope, memoryLoader([]));
    scope.onmessage?.({
      data: { type: 'run-set', spec, set, parts: 2, partition: 2, options },
    } as MessageEvent);
    expect(events).toEqual([
      { type: 'error', partition: -1, message: expect.stringMatching(/^invalid request/) },
    ]);
  });
});
