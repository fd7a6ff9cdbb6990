import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { createClvFitCache } from '../../../src/storage/clv-fit-cache.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { createProfileRepo } from '../../../src/storage/profile-repo.ts';
import { hostClvReport } from '../../../src/workers/clv/clv-report-host.ts';
import { fitStoredSet, type StoredSetFit } from '../../../src/workers/clv/fit-stored-set.ts';
import type { WorkerScope } from '../../../src/workers/shared/worker-scope.ts';

let n = 0;
async function storedSet() {
  const db = openWayfinderDb(`clv-stored-set-${n++}`);
  const repo = createProfileRepo(db);
  const set = await repo.createProfileSet({ name: 'Customers', source: 'generated' });
  const profiles = generateProfiles({
    count: 300,
    seed: 3,
    start: Date.UTC(2024, 0, 1),
    end: Date.UTC(2025, 6, 1),
  });
  return { db, set: await repo.importIntoSet(set.id, profiles, { mode: 'replace' }) };
}

describe('fitting a stored set', () => {
  it('reads the set itself, fits it and caches the report under the version it read', async () => {
    const { db, set } = await storedSet();
    const fit = await fitStoredSet(db, set.id, 'all', { now: () => 5 });
    expect(fit.setVersion).toBe(String(set.updatedAt));
    expect(fit.report.ok).toBe(true);
    expect(await createClvFitCache(db).get(set.id, String(set.updatedAt), 'all')).toEqual(
      fit.report,
    );
  });

  it('says so when the set is gone, and caches nothing', async () => {
    const { db, set } = await storedSet();
    await createProfileRepo(db).deleteSet(set.id);
    const fit = await fitStoredSet(db, set.id, 'all');
    expect(fit).toEqual({
      setVersion: null,
      report: { ok: false, message: 'the set is gone', calibrationEnd: null, warnings: [] },
    });
    expect(await db.clvFits.count()).toBe(0);
  });

  it('answers a request the worker cannot read with a failed fit, never silence', async () => {
    const posted: unknown[] = [];
    const scope: WorkerScope = { onmessage: null, postMessage: (m) => posted.push(m) };
    hostClvReport(scope);
    scope.onmessage?.({ data: { setId: '', calibration: 'all' } } as MessageEvent);
    // vi.waitFor's default second is too short on a loaded CI machine.
    await vi.waitFor(() => expect(posted).toHaveLength(1), { timeout: 15_000 });
    const [answer] = posted as StoredSetFit[];
    expect(answer?.setVersion).toBeNull();
    expect(answer?.report).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^invalid request/),
    });
  });
});
