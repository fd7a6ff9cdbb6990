import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compile, simulate, TEMPLATES } from '../../../src/domain/index.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { ChunkColumns } from '../../../src/storage/chunk-columns.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { createProfileRepo } from '../../../src/storage/profile-repo.ts';
import { inProcessWorker } from '../../../src/workers/shared/in-process-worker.ts';
import { KeptWorkers } from '../../../src/workers/shared/kept-workers.ts';
import type { WorkerScope } from '../../../src/workers/shared/worker-scope.ts';
import { SetCache } from '../../../src/workers/simulation/set-cache.ts';
import { indexedDbSetSource } from '../../../src/workers/simulation/set-loader.ts';
import { hostSimulation } from '../../../src/workers/simulation/simulation-host.ts';
import {
  readStoredSetSpan,
  runStoredSimulation,
  prepareStoredRun,
  type RunStoredSimulationRequest,
  warmStoredSet,
} from '../../../src/workers/simulation/run-simulation.ts';

vi.spyOn(ChunkColumns.prototype, 'add');
const chunksDecoded = () => vi.mocked(ChunkColumns.prototype.add).mock.calls.length;

const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 1);
const template = TEMPLATES.find((t) => t.id === 'welcome-series');
if (!template) throw new Error('no welcome-series template');
const compiled = compile(template.build(START)).spec;
if (!compiled) throw new Error('template does not compile');
const spec = compiled;
const options = { start: START, horizonDays: 60, seed: 3, traceSample: 20 };

/** Kept in-process workers, each with a cache of its own as a real worker has; counts the starts. */
function keptWorkers() {
  const log = { started: 0, posted: [] as unknown[] };
  const keep = new KeptWorkers(
    () => {
      log.started++;
      const cache = new SetCache(indexedDbSetSource);
      return inProcessWorker(
        (scope) => {
          // Every message the worker posts, whether or not a run listens.
          const logged: WorkerScope = {
            get onmessage() {
              return scope.onmessage;
            },
            set onmessage(handler) {
              scope.onmessage = handler;
            },
            postMessage: (message) => {
              log.posted.push(message);
              scope.postMessage(message);
            },
          };
          hostSimulation(logged, { columns: (set, part) => cache.columns(set, part) });
        },
        { type: 'cancel' },
      );
    },
    { type: 'cancel' },
  );
  return { keep, log };
}

async function storedSet(count: number, seed: number) {
  const dbName = `kept-${Math.random()}`;
  const db = openWayfinderDb(dbName);
  const repo = createProfileRepo(db);
  const set = await repo.createProfileSet({ name: 'Kept', source: 'generated' });
  const profiles = generateProfiles({ count, seed, start: START, end: START + 60 * DAY });
  await repo.importIntoSet(set.id, profiles, { mode: 'replace' });
  return { db, repo, ref: { dbName, setId: set.id }, profiles };
}

const closing: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

/**
 * A stored set with kept workers over it, both closed after the test: `set` is how a span, a
 * warm-up or a run finds the set on those workers, and `run` simulates it with the test's spec.
 */
async function keptWorkersOverStoredSet(count: number, seed: number) {
  const stored = await storedSet(count, seed);
  const { keep, log } = keptWorkers();
  closing.push(
    () => keep.close(),
    () => stored.db.delete(),
  );
  const set = { set: stored.ref, count, workers: 2, keep };
  const run = (change: Partial<RunStoredSimulationRequest> = {}) =>
    runStoredSimulation({ spec, ...set, options, ...change });
  return { ...stored, keep, log, set, run };
}

describe('kept simulation workers', () => {
  it('run a second time over a set from memory: same workers, no chunk read again, same result', async () => {
    const { profiles, log, run } = await keptWorkersOverStoredSet(3_001, 21);
    const runWithSeed = (seed: number) => run({ options: { ...options, seed } });
    vi.mocked(ChunkColumns.prototype.add).mockClear();
    const first = await runWithSeed(3);
    expect(chunksDecoded()).toBe(4);
    const second = await runWithSeed(3);
    const reseeded = await runWithSeed(4);
    expect(chunksDecoded()).toBe(4);
    expect(log.started).toBe(2);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    const single = simulate(spec, profiles, options);
    expect(second.steps).toEqual(single.steps);
    expect(second.traces.map((t) => t.profileId)).toEqual(single.traces.map((t) => t.profileId));
    expect(reseeded.steps).toEqual(simulate(spec, profiles, { ...options, seed: 4 }).steps);
  });

  it('read a set again once an import changed it, and simulate the new profiles', async () => {
    const { repo, ref, run } = await keptWorkersOverStoredSet(2_000, 22);
    await run();
    const replaced = generateProfiles({
      count: 2_500,
      seed: 23,
      start: START,
      end: START + 60 * DAY,
    });
    await repo.importIntoSet(ref.setId, replaced, { mode: 'replace' });
    const after = await run({ count: replaced.length });
    expect(after.profiles).toBe(2_500);
    expect(after.steps).toEqual(simulate(spec, replaced, options).steps);
  });

  it('end the workers of an aborted run; the next run starts new ones and gives the same result', async () => {
    const { profiles, log, run } = await keptWorkersOverStoredSet(3_001, 24);
    const controller = new AbortController();
    const aborted = run({ signal: controller.signal });
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    const next = await run();
    expect(log.started).toBe(4);
    expect(next.steps).toEqual(simulate(spec, profiles, options).steps);
  });

  it('read a set ahead (span, warm-up) so that the run reads no chunk', async () => {
    const { profiles, set, run } = await keptWorkersOverStoredSet(3_001, 25);
    vi.mocked(ChunkColumns.prototype.add).mockClear();
    const span = await readStoredSetSpan(set);
    const first = Math.min(...profiles.flatMap((p) => p.events.map((e) => e.at)));
    expect(span.start).toBe(first);
    expect(span.profiles).toBe(profiles.length);
    expect(chunksDecoded()).toBe(4);
    await run();
    expect(chunksDecoded()).toBe(4);

    const other = await storedSet(1_500, 26);
    closing.push(() => other.db.delete());
    vi.mocked(ChunkColumns.prototype.add).mockClear();
    const otherSet = { ...set, set: other.ref, count: 1_500 };
    warmStoredSet(otherSet);
    await vi.waitFor(() => expect(chunksDecoded()).toBe(2), { timeout: 15_000 });
    const otherRun = await run(otherSet);
    expect(otherRun.profiles).toBe(1_500);
    expect(chunksDecoded()).toBe(2);
  });
});

describe('a rehearsed run (prepare)', () => {
  it('reads the set ahead, answers nothing, and leaves the run it rehearsed unchanged', async () => {
    const { profiles, log, set, run } = await keptWorkersOverStoredSet(3_001, 27);
    vi.mocked(ChunkColumns.prototype.add).mockClear();
    prepareStoredRun({ spec, ...set, options });
    await vi.waitFor(() => expect(chunksDecoded()).toBe(4), { timeout: 15_000 });
    expect(log.started).toBe(2);
    expect(log.posted).toEqual([]);
    const rehearsed = await run();
    expect(chunksDecoded()).toBe(4);
    expect(log.started).toBe(2);
    // The workers' only answers are the run's: the rehearsal's result was dropped.
    const types = log.posted.map((m) => (m as { type: string }).type);
    expect(types.filter((t) => t !== 'progress')).toEqual(['result', 'result']);
    const { partition: _p, ...single } = simulate(spec, profiles, options);
    const { partition: _q, ...merged } = rehearsed;
    expect(merged).toEqual(single);
  });
});

describe('KeptWorkers', () => {
  function fake() {
    const made: { terminated: boolean; sent: unknown[] }[] = [];
    const keep = new KeptWorkers(() => {
      const record = { terminated: false, sent: [] as unknown[] };
      made.push(record);
      return {
        onmessage: null,
        onerror: null,
        postMessage: (message: unknown) => record.sent.push(message),
        terminate: () => (record.terminated = true),
      };
    }, 'cancel');
    return { keep, made };
  }

  it('gives slot i the same worker run after run, and lends a stranger when it is busy', () => {
    const { keep, made } = fake();
    const a = keep.lease();
    const w0 = a.take(0);
    const w1 = a.take(1);
    const b = keep.lease();
    const stranger = b.take(0); // slot 0 is busy with run a
    expect(stranger).not.toBe(w0);
    b.release(stranger);
    expect(made[2]?.terminated).toBe(true);
    a.release(w0);
    a.release(w1);
    const c = keep.lease();
    expect(c.take(0)).toBe(w0);
    expect(c.take(1)).toBe(w1);
    expect(made).toHaveLength(3);
  });

  it('ends a discarded worker and fills its slot with a new one', () => {
    const { keep, made } = fake();
    const a = keep.lease();
    const w0 = a.take(0);
    a.discard(w0);
    expect(made[0]).toMatchObject({ terminated: true, sent: ['cancel'] });
    const b = keep.lease();
    expect(b.take(0)).not.toBe(w0);
    expect(made).toHaveLength(2);
  });

  it('drops an idle worker that fails', () => {
    const { keep, made } = fake();
    const a = keep.lease();
    const w0 = a.take(0);
    a.release(w0);
    w0.onerror?.({ message: 'crashed' } as ErrorEvent);
    expect(made[0]?.terminated).toBe(true);
    expect(keep.lease().take(0)).not.toBe(w0);
  });
});
