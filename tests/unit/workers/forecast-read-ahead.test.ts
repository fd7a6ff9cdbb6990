import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Spec } from '../../../src/domain/compile/spec-schema.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import type { SimulationResult } from '../../../src/domain/simulate/result-schema.ts';
import { PartitionRun, simulate } from '../../../src/domain/simulate/simulate.ts';
import { EventSpan, windowOfSpan } from '../../../src/domain/simulate/window.ts';
import { ChunkColumns } from '../../../src/storage/chunk-columns.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { createProfileRepo } from '../../../src/storage/profile-repo.ts';
import type {
  ForecastWorkerEvent,
  ForecastWorkerRequest,
} from '../../../src/workers/forecast/forecast-protocol.ts';
import { inProcessForecastWorker } from '../../../src/workers/forecast/in-process-forecast-worker.ts';
import { PreparedParts } from '../../../src/workers/forecast/prepared-parts.ts';
import type { WorkerLike } from '../../../src/workers/shared/worker-scope.ts';
import { specOfTemplate } from '../../support/template-spec.ts';

vi.spyOn(ChunkColumns.prototype, 'add');

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 1);

const templateSpec = (id: string): Spec => specOfTemplate(id, NOW);

/** Posts `request` to `worker` and collects its events until `done`, answering a span with `reply`. */
function runOn(
  worker: WorkerLike,
  request: ForecastWorkerRequest,
  reply: (span: Extract<ForecastWorkerEvent, { type: 'span' }>) => ForecastWorkerRequest | null,
): Promise<ForecastWorkerEvent[]> {
  return new Promise((resolve, reject) => {
    const events: ForecastWorkerEvent[] = [];
    worker.onmessage = (e: MessageEvent) => {
      const event = e.data as ForecastWorkerEvent;
      events.push(event);
      if (event.type === 'error') reject(new Error(event.message));
      if (event.type === 'span') {
        const answer = reply(event);
        if (answer !== null) worker.postMessage(answer);
      }
      if (event.type === 'done') resolve(events);
    };
    worker.postMessage(request);
  });
}

/** Stores `count` generated profiles, over the year to NOW, in a new set. */
async function storedSet(count: number, seed: number) {
  const profiles = generateProfiles({ count, seed, start: NOW - 365 * DAY, end: NOW });
  const dbName = `read-ahead-${Math.random()}`;
  const repo = createProfileRepo(openWayfinderDb(dbName));
  const stored = await repo.createProfileSet({ name: 'Read ahead', source: 'generated' });
  await repo.importIntoSet(stored.id, profiles, { mode: 'replace' });
  return { profiles, set: { dbName, setId: stored.id } };
}

type RunSetRequest = Extract<ForecastWorkerRequest, { type: 'run-set' }>;

/** A forecast over the whole of a stored set as one part, tracing nothing unless `run` says so. */
function runSetRequest(
  { profiles, set }: Awaited<ReturnType<typeof storedSet>>,
  run: Pick<RunSetRequest, 'variants' | 'seed0' | 'replications'> & Partial<RunSetRequest>,
): RunSetRequest {
  return {
    type: 'run-set',
    set,
    parts: 1,
    partition: 0,
    shareSize: profiles.length,
    tracing: { every: false, sample: 0, cap: { max: 3, periodDays: 7 } },
    ...run,
  };
}

const replicationsIn = (events: ForecastWorkerEvent[]) =>
  events.filter((e) => e.type === 'replication');
const resultsIn = (events: ForecastWorkerEvent[]) => replicationsIn(events).map((e) => e.result);

describe('a forecast worker kept between runs', () => {
  it('reads its part of the set once, ahead of the runs, for every run that follows', async () => {
    const stored = await storedSet(3_500, 4);
    const { profiles, set } = stored;
    const spec = templateSpec('welcome-series');
    vi.mocked(ChunkColumns.prototype.add).mockClear();
    const worker = inProcessForecastWorker();
    worker.postMessage({ type: 'read-ahead', set, parts: 1, partition: 0 });
    // The first run does not know its period: the worker reports its part's span first.
    let period = { start: 0, horizonDays: 1 };
    const first = await runOn(
      worker,
      runSetRequest(stored, {
        awaitPeriod: true,
        variants: [{ spec, options: { start: 0, horizonDays: 1 } }],
        seed0: 3,
        replications: 2,
      }),
      (span) => {
        const events = new EventSpan();
        events.add(span.first ?? 0, span.last ?? 0);
        const window = windowOfSpan({}, events);
        period = { start: window.start, horizonDays: window.horizonDays };
        return { type: 'period', ...period };
      },
    );
    const second = await runOn(
      worker,
      runSetRequest(stored, {
        variants: [{ spec, options: { start: NOW - 90 * DAY, horizonDays: 90 } }],
        seed0: 7,
        replications: 1,
      }),
      () => null,
    );
    worker.terminate();
    // 4 chunks of 1,000, decoded once for the three runs (the read ahead and two forecasts).
    const read = vi.mocked(ChunkColumns.prototype.add).mock.calls.map(([chunk]) => chunk.seq);
    expect(read.sort((a, b) => a - b)).toEqual([0, 1, 2, 3]);
    const plain = (seed: number, options: { start: number; horizonDays: number }) => {
      const result: SimulationResult = simulate(spec, profiles, { ...options, seed });
      return { ...result, partition: 0 };
    };
    expect(resultsIn(first)).toEqual([plain(3, period), plain(4, period)]);
    expect(resultsIn(second)).toEqual([plain(7, { start: NOW - 90 * DAY, horizonDays: 90 })]);
  });

  it('rehearses the journeys it prepared, traced and not, posting nothing, and the run after gives the same results', async () => {
    const stored = await storedSet(2_500, 6);
    const { profiles, set } = stored;
    const specs = [templateSpec('welcome-series'), templateSpec('abandoned-cart')];
    const advance = vi.spyOn(PartitionRun.prototype, 'advance');
    const result = vi.spyOn(PartitionRun.prototype, 'result');
    const plan = vi.spyOn(PreparedParts.prototype, 'plan');
    const worker = inProcessForecastWorker();
    const posted: unknown[] = [];
    worker.onmessage = (e: MessageEvent) => posted.push(e.data);
    const period = { start: NOW - 365 * DAY, horizonDays: 366 };
    worker.postMessage({ type: 'prepare', set, parts: 1, partition: 0, specs, ...period });
    // Both journeys simulated on the part once prepared (the traced runs' results read for their
    // tallies), and nothing posted.
    await vi.waitFor(() => expect(result).toHaveBeenCalledTimes(2), { timeout: 15_000 });
    expect(advance).toHaveBeenCalled();
    expect(posted).toEqual([]);
    // Each journey compiled to its plan once: the rehearsal runs the plans it was prepared with.
    expect(plan.mock.calls.map(([spec]) => spec)).toEqual(specs);
    advance.mockRestore();
    result.mockRestore();
    plan.mockRestore();
    const options = { start: NOW - 90 * DAY, horizonDays: 90 };
    const events = await runOn(
      worker,
      runSetRequest(stored, {
        variants: specs.map((spec) => ({ spec, options })),
        seed0: 5,
        replications: 1,
      }),
      () => null,
    );
    worker.terminate();
    expect(resultsIn(events)).toEqual(
      specs.map((spec) => ({ ...simulate(spec, profiles, { ...options, seed: 5 }), partition: 0 })),
    );
  });

  it('decodes no profile again for the next forecast over the set, with the same results', async () => {
    const stored = await storedSet(2_500, 8);
    const specs = [templateSpec('welcome-series'), templateSpec('abandoned-cart')];
    const options = { start: NOW - 90 * DAY, horizonDays: 90 };
    const request = runSetRequest(stored, {
      variants: specs.map((spec) => ({ spec, options })),
      seed0: 2,
      replications: 2,
      tracing: { every: false, sample: 100, cap: { max: 3, periodDays: 7 } },
    });
    const decode = vi.spyOn(ChunkColumns.prototype, 'profile');
    const worker = inProcessForecastWorker();
    const first = await runOn(worker, request, () => null);
    expect(decode).toHaveBeenCalled();
    decode.mockClear();
    const second = await runOn(worker, request, () => null);
    expect(decode).not.toHaveBeenCalled();
    decode.mockRestore();
    worker.terminate();
    expect(replicationsIn(second)).toEqual(replicationsIn(first));
    expect(replicationsIn(first)).toHaveLength(4);
  });
});

describe('a forecast worker told the journeys and the period ahead of a run', () => {
  /** Reads ahead with journeys to prepare; resolves with the period of the part's span. */
  function readAheadOn(
    worker: WorkerLike,
    request: ForecastWorkerRequest,
  ): Promise<{ start: number; horizonDays: number }> {
    return new Promise((resolve) => {
      worker.onmessage = (e: MessageEvent) => {
        const event = e.data as ForecastWorkerEvent;
        if (event.type !== 'part-span') return;
        const span = new EventSpan();
        span.add(event.first ?? 0, event.last ?? 0);
        const { start, horizonDays } = windowOfSpan({}, span);
        resolve({ start, horizonDays });
      };
      worker.postMessage(request);
    });
  }

  /**
   * A worker that has read its part ahead, been told the journeys and the period of the part's
   * span, and prepared them (its batches joined for the journeys).
   */
  async function preparedWorker(
    set: { dbName: string; setId: string },
    specs: Spec[],
    ahead: number,
  ): Promise<{ worker: WorkerLike; period: { start: number; horizonDays: number } }> {
    const worker = inProcessForecastWorker();
    const period = await readAheadOn(worker, {
      type: 'read-ahead',
      set,
      parts: 1,
      partition: 0,
      ahead,
    });
    const whole = vi.spyOn(PreparedParts.prototype, 'whole');
    worker.postMessage({ type: 'prepare', set, parts: 1, partition: 0, specs, ...period });
    await vi.waitFor(() => expect(whole).toHaveBeenCalled(), { timeout: 15_000 });
    whole.mockRestore();
    return { worker, period };
  }

  it('says its part’s span, prepares the journeys for the period, and the run after decodes no profile, with the same results', async () => {
    const stored = await storedSet(3_500, 12);
    const { profiles, set } = stored;
    const specs = [templateSpec('welcome-series'), templateSpec('abandoned-cart')];
    const { worker, period } = await preparedWorker(set, specs, 3);
    const decode = vi.spyOn(ChunkColumns.prototype, 'profile');
    const events = await runOn(
      worker,
      runSetRequest(stored, {
        awaitPeriod: true,
        variants: specs.map((spec) => ({ spec, options: { start: 0, horizonDays: 1 } })),
        seed0: 4,
        replications: 2,
      }),
      () => ({ type: 'period', ...period }),
    );
    expect(decode).not.toHaveBeenCalled();
    decode.mockRestore();
    worker.terminate();
    expect(resultsIn(events)).toEqual(
      [4, 5].flatMap((seed) =>
        specs.map((spec) => ({ ...simulate(spec, profiles, { ...period, seed }), partition: 0 })),
      ),
    );
  });

  it('posts the same replications and trace tallies as a worker that prepared nothing', async () => {
    const stored = await storedSet(6_500, 13);
    const specs = [templateSpec('welcome-series'), templateSpec('abandoned-cart')];
    const request = (period: { start: number; horizonDays: number }) =>
      runSetRequest(stored, {
        variants: specs.map((spec) => ({ spec, options: period })),
        seed0: 8,
        replications: 2,
        // A sample of the share traced in replication 0, as over a large set.
        tracing: { every: false, sample: 400, cap: { max: 3, periodDays: 7 } },
      });
    const { worker: prepared, period } = await preparedWorker(stored.set, specs, 1);
    const fromPrepared = await runOn(prepared, request(period), () => null);
    prepared.terminate();
    const plain = inProcessForecastWorker();
    const fromPlain = await runOn(plain, request(period), () => null);
    plain.terminate();
    expect(replicationsIn(fromPrepared)).toEqual(replicationsIn(fromPlain));
    expect(replicationsIn(fromPrepared)).toHaveLength(4);
    const tallies = replicationsIn(fromPrepared).map((e) => e.tallies);
    expect(tallies[0]?.traced).toBeGreaterThan(0);
  });
});
