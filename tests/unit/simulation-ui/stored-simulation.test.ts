import { describe, expect, it } from 'vitest';
import { compile, simulate } from '../../../src/domain/index.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import {
  readStoredSetSpan,
  runStoredSimulation,
  type WorkerLike,
} from '../../../src/workers/run-simulation.ts';
import { hostSimulation } from '../../../src/workers/simulation-host.ts';
import type { SetLoader } from '../../../src/workers/simulation-set-loader.ts';
import { welcomeSeries } from './helpers.tsx';

const DAY = 86_400_000;
const profiles = generateProfiles({
  count: 3_001,
  seed: 11,
  start: Date.UTC(2025, 0, 1),
  end: Date.UTC(2025, 6, 1),
});

/** A loader over an in-memory "set" that records which positions each worker asked for. */
function memoryLoader(reads: [number, number | undefined][]): SetLoader {
  return {
    read: async (_set, from, to) => {
      reads.push([from, to]);
      return profiles.slice(from, to);
    },
  };
}

function fakeWorker(loader: SetLoader): WorkerLike {
  const scope = {
    onmessage: null as ((event: MessageEvent) => void) | null,
    postMessage: (message: unknown) =>
      setTimeout(() => worker.onmessage?.({ data: structuredClone(message) } as MessageEvent)),
  };
  hostSimulation(scope, loader);
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (message) =>
      setTimeout(() => scope.onmessage?.({ data: structuredClone(message) } as MessageEvent)),
    terminate: () => undefined,
  };
  return worker;
}

describe('runs over a stored set', () => {
  const set = { dbName: 'test', setId: 'set-1' };
  const { spec } = compile(welcomeSeries());
  if (!spec) throw new Error('template does not compile');

  it('splits the set by position between workers and equals a one-thread run', async () => {
    const reads: [number, number | undefined][] = [];
    const loader = memoryLoader(reads);
    const options = { start: Date.UTC(2025, 0, 1), horizonDays: 60, seed: 3, traceSample: 20 };
    const seen: number[] = [];
    const result = await runStoredSimulation({
      spec,
      set,
      count: profiles.length,
      options,
      workers: 3,
      createWorker: () => fakeWorker(loader),
      onProgress: (p) => seen.push(p.done),
    });
    expect(reads.sort((a, b) => a[0] - b[0])).toEqual([
      [0, 1001],
      [1001, 2001],
      [2001, 3001],
    ]);
    expect(seen.at(-1)).toBe(profiles.length);
    const single = simulate(spec, profiles, options);
    expect(result.entries).toBe(single.entries);
    expect(result.steps).toEqual(single.steps);
    expect(result.goal).toEqual(single.goal);
    expect(result.traces.map((t) => t.profileId)).toEqual(single.traces.map((t) => t.profileId));
  });

  it('cancels: rejects with an AbortError', async () => {
    const controller = new AbortController();
    const run = runStoredSimulation({
      spec,
      set,
      count: profiles.length,
      options: { start: Date.UTC(2025, 0, 1), horizonDays: 60 },
      workers: 2,
      signal: controller.signal,
      createWorker: () => fakeWorker(memoryLoader([])),
    });
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  it("works out a set's default period from its events", async () => {
    const span = await readStoredSetSpan({
      set,
      createWorker: () => fakeWorker(memoryLoader([])),
    });
    const first = Math.min(...profiles.flatMap((p) => p.events.map((e) => e.at)));
    const last = Math.max(...profiles.flatMap((p) => p.events.map((e) => e.at)));
    expect(span).toEqual({
      start: first,
      horizonDays: Math.max(1, Math.ceil((last + 1 - first) / DAY)),
      profiles: profiles.length,
    });
  });

  it('reports a loader failure as an error', async () => {
    const failing: SetLoader = {
      read: () => Promise.reject(new Error('There is no profile set set-1.')),
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
});
