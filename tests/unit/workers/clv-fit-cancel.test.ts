import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { clvReport } from '../../../src/domain/forecast/clv-fit-report.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { createClvFitCache } from '../../../src/storage/clv-fit-cache.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { createProfileRepo } from '../../../src/storage/profile-repo.ts';
import { CLV_REPORT_CANCEL, hostClvReport } from '../../../src/workers/clv/clv-report-host.ts';
import { fitStoredSet } from '../../../src/workers/clv/fit-stored-set.ts';
import type { WorkerScope } from '../../../src/workers/shared/worker-scope.ts';
import { abortedAfter } from '../../support/aborted-after.ts';

let n = 0;
/** A stored set of 2,000 customers, with the fit of an earlier version of it in the cache. */
async function storedSetFittedBefore() {
  const dbName = `clv-cancel-${n++}-${Math.random()}`;
  const db = openWayfinderDb(dbName);
  const repo = createProfileRepo(db);
  const created = await repo.createProfileSet({ name: 'Customers', source: 'generated' });
  const profiles = generateProfiles({
    count: 2_000,
    seed: 5,
    start: Date.UTC(2024, 0, 1),
    end: Date.UTC(2025, 6, 1),
  });
  const set = await repo.importIntoSet(created.id, profiles, { mode: 'replace' });
  const cache = createClvFitCache(db);
  const earlier = clvReport(profiles.slice(0, 1_000), 'all');
  await cache.put(set.id, 'earlier', 'all', earlier, 1);
  return { db, dbName, set, profiles, cache, earlier };
}

describe('a CLV fit of a stored set cancelled mid-fit', () => {
  it('stops at the step it was cancelled at and leaves the cache as it was', async () => {
    const { db, set, profiles, cache, earlier } = await storedSetFittedBefore();
    // A whole fit, counting the steps at which it looks at its signal.
    const whole = abortedAfter(Number.POSITIVE_INFINITY);
    const fit = await fitStoredSet(db, set.id, 'all', { signal: whole.signal });
    expect(fit.report).toEqual(clvReport(profiles, 'all'));
    const steps = whole.counter.looks;
    // Many steps: the models' optimiser and the loops over customers each look.
    expect(steps).toBeGreaterThan(100);
    // The cache as it was before that fit.
    await cache.clearSet(set.id);
    await cache.put(set.id, 'earlier', 'all', earlier, 1);

    const half = Math.floor(steps / 2);
    const cut = abortedAfter(half);
    await expect(fitStoredSet(db, set.id, 'all', { signal: cut.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    // Cancelled halfway through the fit's steps, it ended there (a few more looks, no more steps).
    expect(cut.counter.looks).toBeLessThan(half + 5);
    expect(await cache.has(set.id, String(set.updatedAt), 'all')).toBe(false);
    expect(await cache.get(set.id, 'earlier', 'all')).toEqual(earlier);
    await db.delete();
  });
});

describe('a CLV report worker told to cancel', () => {
  it('answers nothing and caches nothing, where without the cancel it answers and caches', async () => {
    const { db, dbName, set, cache, earlier } = await storedSetFittedBefore();
    const serve = () => {
      const posted: unknown[] = [];
      const scope: WorkerScope = { onmessage: null, postMessage: (m) => posted.push(m) };
      hostClvReport(scope);
      const send = (data: unknown) => scope.onmessage?.({ data } as MessageEvent);
      return { posted, send };
    };
    const cancelled = serve();
    cancelled.send({ setId: set.id, calibration: 'all', dbName });
    cancelled.send(CLV_REPORT_CANCEL);
    const answered = serve();
    answered.send({ setId: set.id, calibration: 'default', dbName });
    await vi.waitFor(() => expect(answered.posted).toHaveLength(1), { timeout: 15_000 });
    expect(await cache.has(set.id, String(set.updatedAt), 'default')).toBe(true);
    // The cancelled fit started first, on less work (no holdout check): it was stopped.
    expect(cancelled.posted).toEqual([]);
    expect(await cache.has(set.id, String(set.updatedAt), 'all')).toBe(false);
    // The earlier version's fit went when the answered one was stored (another version), as always.
    expect(await cache.get(set.id, 'earlier', 'all')).toBeUndefined();
    expect(earlier.ok).toBe(true);
    await db.delete();
  });
});
