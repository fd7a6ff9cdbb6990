// Runs in the bench page, in Chromium: stores bench profiles with the app's repository, then
// simulates them with the app's worker pool, reading the set in the workers as the app does.
import Dexie from 'dexie';
import type { Profile } from '../../../src/domain/profiles/profile.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { createProfileRepo } from '../../../src/storage/profile-repo.ts';
import { KeptWorkers } from '../../../src/workers/shared/kept-workers.ts';
import { runStoredSimulation } from '../../../src/workers/simulation/run-simulation.ts';
import type { WorkerLike } from '../../../src/workers/shared/worker-scope.ts';
import { benchProfiles } from '../simulate-floor.ts';
import { BENCH_OPTIONS, benchSpec } from '../simulate-spec.ts';
import { collectGarbage } from './profiles-layouts.ts';
import { epochNow, isPartTiming, type PartTiming } from './simulate-timing.ts';

Dexie.debug = false;
const DB = 'simulate-bench';
const BATCH = 50_000;
const spec = benchSpec();

/** Figures of one run. */
export interface SimulateRunFigures {
  /** From the call to the merged result: workers start, read, simulate; the page merges. */
  totalMs: number;
  /** When the call was made (epoch ms, as the timed workers' own times). */
  calledAt: number;
  /** Per worker, when the timed worker ran; empty for the app's own worker. */
  parts: PartTiming[];
  profiles: number;
  entered: number;
}

/** How a run gets its workers: new ones (nothing read yet), the kept ones, or timed one-offs. */
export type RunMode = 'cold' | 'kept' | 'timed';

function appWorker(): Worker {
  return new Worker(
    new URL('../../../src/workers/simulation/simulation.worker.ts', import.meta.url),
    {
      type: 'module',
    },
  );
}

/** Kept workers as the app has them, made once: runs after the first find the set in memory. */
const kept = new KeptWorkers(appWorker, { type: 'cancel' });

function* batches(profiles: readonly Profile[]): Generator<readonly Profile[]> {
  for (let from = 0; from < profiles.length; from += BATCH) {
    yield profiles.slice(from, from + BATCH);
  }
}

/** A worker running the timed entry that keeps its timing messages from the pool. */
function timedWorker(timings: PartTiming[]): WorkerLike {
  const worker = new Worker(new URL('./simulate-bench.worker.ts', import.meta.url), {
    type: 'module',
  });
  const like: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
  };
  worker.onmessage = (event: MessageEvent) => {
    if (isPartTiming(event.data)) timings.push(event.data);
    else like.onmessage?.(event);
  };
  worker.onerror = (event) => like.onerror?.(event);
  return like;
}

const bench = {
  /** Starts from an empty database. */
  async reset(): Promise<void> {
    await Dexie.delete(DB);
  },

  /** Stores `count` bench profiles as a new set. */
  async store(count: number): Promise<{ setId: string; ms: number }> {
    const repo = createProfileRepo(openWayfinderDb(DB));
    const started = performance.now();
    const set = await repo.createProfileSet({ name: `bench ${count}`, source: 'generated' });
    await repo.importIntoSet(set.id, batches(benchProfiles(count)), { mode: 'replace' });
    return { setId: set.id, ms: performance.now() - started };
  },

  /**
   * Simulates a stored set on `workers` workers: the app's worker, new (`cold`: started, and
   * the set read from IndexedDB, within the time) or kept from the runs before (`kept`: the set
   * already in their memory), or the timed one (the same host reading IndexedDB) that also
   * reports each worker's read and simulate time.
   */
  async run(
    setId: string,
    count: number,
    workers: number,
    mode: RunMode,
  ): Promise<SimulateRunFigures> {
    collectGarbage();
    const parts: PartTiming[] = [];
    const fresh = mode === 'cold' ? new KeptWorkers(appWorker, { type: 'cancel' }) : undefined;
    const started = performance.now();
    const calledAt = epochNow();
    const result = await runStoredSimulation({
      spec,
      set: { dbName: DB, setId },
      count,
      options: BENCH_OPTIONS,
      workers,
      ...(mode === 'timed' ? { createWorker: () => timedWorker(parts) } : { keep: fresh ?? kept }),
    });
    fresh?.close();
    return {
      totalMs: performance.now() - started,
      calledAt,
      parts: parts.sort((a, b) => a.partition - b.partition),
      profiles: result.profiles,
      entered: result.steps['t']?.entered ?? 0,
    };
  },
};

Object.assign(window, { simulateBench: bench });
document.body.dataset.ready = 'true';
