import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { runClv } from '../../../src/domain/forecast/clv-report.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { createProfileRepo } from '../../../src/storage/profile-repo.ts';
import { hostClv } from '../../../src/workers/clv/clv-host.ts';
import type { SetClvFit } from '../../../src/workers/clv/fit-set-clv.ts';
import type { WorkerScope } from '../../../src/workers/shared/worker-scope.ts';

const LAST_DAY = Date.UTC(2025, 6, 1);
let n = 0;

async function storedSet() {
  const dbName = `clv-set-worker-${n++}`;
  const repo = createProfileRepo(openWayfinderDb(dbName));
  const set = await repo.createProfileSet({ name: 'Customers', source: 'generated' });
  const profiles = generateProfiles({
    count: 400,
    seed: 8,
    start: Date.UTC(2024, 0, 1),
    end: LAST_DAY,
  });
  await repo.importIntoSet(set.id, profiles, { mode: 'replace' });
  return { dbName, setId: set.id, profiles };
}

/** Runs the CLV worker's host in-process and sends it one request. */
async function ask(request: unknown): Promise<SetClvFit> {
  const posted: unknown[] = [];
  const scope: WorkerScope = { onmessage: null, postMessage: (m) => posted.push(m) };
  hostClv(scope);
  scope.onmessage?.({ data: request } as MessageEvent);
  // vi.waitFor's default second is too short on a loaded CI machine.
  await vi.waitFor(() => expect(posted).toHaveLength(1), { timeout: 15_000 });
  return posted[0] as SetClvFit;
}

describe('the CLV worker', () => {
  it('reads the set itself by id and fits it up to its last event day', async () => {
    const { dbName, setId, profiles } = await storedSet();
    const lastEvent = Math.max(...profiles.flatMap((p) => p.events.map((e) => e.at)));
    const calibrationEnd = new Date(lastEvent).toISOString().slice(0, 10);
    const fit = await ask({ setId, dbName, horizonWeeks: 52 });
    expect(fit.calibrationEnd).toBe(calibrationEnd);
    // The same fit as the profiles' own, sent to the worker as they once were.
    expect(fit.outcome).toEqual(runClv({ profiles, calibrationEnd, horizonWeeks: 52 }));
    expect(fit.outcome.ok).toBe(true);
  });

  it('says the set is gone when it was deleted', async () => {
    const { dbName, setId } = await storedSet();
    await createProfileRepo(openWayfinderDb(dbName)).deleteSet(setId);
    expect(await ask({ setId, dbName, horizonWeeks: 52 })).toEqual({
      calibrationEnd: null,
      outcome: { ok: false, message: 'the set is gone', failure: { code: 'setGone' } },
    });
  });

  it('refuses a request without a set id (profiles are no longer taken)', async () => {
    const fit = await ask({ profiles: [], calibrationEnd: '2025-01-01', horizonWeeks: 52 });
    expect(fit.calibrationEnd).toBeNull();
    expect(fit.outcome).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^invalid request/),
    });
  });
});
