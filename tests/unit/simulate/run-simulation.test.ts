import { describe, expect, it } from 'vitest';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { simulate } from '../../../src/domain/simulate/simulate.ts';
import {
  runSimulation,
  type SimulationProgress,
} from '../../../src/workers/simulation/run-simulation.ts';
import { splitProfiles, workerCount } from '../../../src/workers/shared/pool.ts';
import type { WorkerLike } from '../../../src/workers/shared/worker-scope.ts';
import { hostSimulation } from '../../../src/workers/simulation/simulation-host.ts';
import { at, email, event, specOf } from './helpers.ts';

/** An in-process worker: the real host on one side, message passing through structured clones. */
function fakeWorker(log: { terminated: number }): WorkerLike {
  let alive = true;
  const scope = {
    onmessage: null as ((event: MessageEvent) => void) | null,
    postMessage: (message: unknown) =>
      setTimeout(() => {
        if (alive) worker.onmessage?.({ data: structuredClone(message) } as MessageEvent);
      }),
  };
  hostSimulation(scope);
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (message) =>
      setTimeout(() => scope.onmessage?.({ data: structuredClone(message) } as MessageEvent)),
    terminate: () => {
      if (alive) log.terminated++;
      alive = false;
    },
  };
  return worker;
}

const spec = specOf(
  [
    ['t', 'event', event('order_placed')],
    ['m', 'email', email()],
    ['d', 'delay', { amount: 2, unit: 'days' }],
    ['n', 'email', email('again')],
  ],
  [
    ['t', 'next', 'm'],
    ['m', 'next', 'd'],
    ['d', 'next', 'n'],
  ],
  { goal: { event: 'order_placed', propertyFilters: [], windowDays: 14, endsJourney: false } },
);
const profiles = generateProfiles({
  count: 12_000,
  seed: 5,
  start: at('2023-01-01T00:00:00Z'),
  end: at('2024-06-01T00:00:00Z'),
});

describe('runSimulation: the worker pool', () => {
  it('splits profiles into near-equal contiguous slices and clamps the worker count', () => {
    expect(splitProfiles([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([
      [1, 2, 3],
      [4, 5],
      [6, 7],
    ]);
    expect(workerCount(8, 100)).toBe(4);
    expect(workerCount(0, 100)).toBe(1);
    expect(workerCount(3, 2)).toBe(2);
  });

  it('merges the workers into exactly the single-thread result, with progress to the end', async () => {
    const log = { terminated: 0 };
    const progress: SimulationProgress[] = [];
    const options = { seed: 9, traceSample: 4 };
    const result = await runSimulation({
      spec,
      profiles,
      options,
      workers: 3,
      createWorker: () => fakeWorker(log),
      onProgress: (p) => progress.push(p),
    });
    expect(JSON.stringify(result)).toBe(JSON.stringify(simulate(spec, profiles, options)));
    expect(progress.at(-1)).toMatchObject({
      done: profiles.length,
      total: profiles.length,
      etaMs: 0,
    });
    expect(progress.some((p) => p.done < p.total && p.etaMs !== null)).toBe(true);
    expect(log.terminated).toBe(3);
  });

  it('cancels on abort: every worker is terminated and the run rejects with an AbortError', async () => {
    const log = { terminated: 0 };
    const controller = new AbortController();
    const run = runSimulation({
      spec,
      profiles,
      workers: 2,
      signal: controller.signal,
      createWorker: () => fakeWorker(log),
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(log.terminated).toBe(2);
  });

  it('rejects at once when the signal was already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      runSimulation({
        spec,
        profiles,
        signal: controller.signal,
        createWorker: () => fakeWorker({ terminated: 0 }),
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reports a worker error as a failed run', async () => {
    const broken = { ...spec, specVersion: '9.9' } as unknown as typeof spec;
    await expect(
      runSimulation({
        spec: broken,
        profiles,
        workers: 1,
        createWorker: () => fakeWorker({ terminated: 0 }),
      }),
    ).rejects.toThrow(/invalid request/);
  });
});
