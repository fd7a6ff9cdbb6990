import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { runClv } from '../../../src/domain/forecast/clv-report.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { createProfileRepo } from '../../../src/storage/profile-repo.ts';
import { CLV_CANCEL, hostClv } from '../../../src/workers/clv/clv-host.ts';
import { fitSetClv } from '../../../src/workers/clv/fit-set-clv.ts';
import { lastEventDay } from '../../../src/workers/clv/last-event-day.ts';
import type { WorkerScope } from '../../../src/workers/shared/worker-scope.ts';
import { abortedAfter } from '../../support/aborted-after.ts';

const NOW = Date.UTC(2025, 7, 1);
const profiles = generateProfiles({
  count: 2_000,
  seed: 8,
  start: Date.UTC(2024, 0, 1),
  end: Date.UTC(2025, 6, 1),
});
const EFFECTS = profiles.slice(0, 50).map((p) => ({ id: p.id, extraPurchases: 0.2 }));

async function storedSet() {
  const dbName = `clv-panel-cancel-${Math.random()}`;
  const db = openWayfinderDb(dbName);
  const repo = createProfileRepo(db);
  const created = await repo.createProfileSet({ name: 'Customers', source: 'generated' });
  const set = await repo.importIntoSet(created.id, profiles, { mode: 'replace' });
  return { db, dbName, setId: set.id };
}

describe('the business KPIs’ CLV fit of a stored set', () => {
  it('runs in steps that look at its signal, and stops at the step it was cancelled at', async () => {
    const { db, setId } = await storedSet();
    const request = { setId, horizonWeeks: 52, effects: EFFECTS };
    const whole = abortedAfter(Number.POSITIVE_INFINITY);
    const fit = await fitSetClv(db, request, () => NOW, whole.signal);
    const calibrationEnd = lastEventDay(profiles, () => NOW);
    expect(fit).toEqual({
      calibrationEnd,
      outcome: runClv({ profiles, calibrationEnd, horizonWeeks: 52, effects: EFFECTS }),
    });
    const steps = whole.counter.looks;
    expect(steps).toBeGreaterThan(100);
    const half = Math.floor(steps / 2);
    const cut = abortedAfter(half);
    await expect(fitSetClv(db, request, () => NOW, cut.signal)).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(cut.counter.looks).toBeLessThan(half + 5);
    await db.delete();
  });

  it('answers nothing once its worker is told to cancel, where without the cancel it answers', async () => {
    const { db, dbName, setId } = await storedSet();
    const serve = () => {
      const posted: unknown[] = [];
      const scope: WorkerScope = { onmessage: null, postMessage: (m) => posted.push(m) };
      hostClv(scope);
      const send = (data: unknown) => scope.onmessage?.({ data } as MessageEvent);
      return { posted, send };
    };
    const cancelled = serve();
    cancelled.send({ setId, horizonWeeks: 52, dbName });
    cancelled.send(CLV_CANCEL);
    const answered = serve();
    answered.send({ setId, horizonWeeks: 52, dbName });
    await vi.waitFor(() => expect(answered.posted).toHaveLength(1), { timeout: 15_000 });
    expect(cancelled.posted).toEqual([]);
    await db.delete();
  });
});
