import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { gatherEntryEvidence } from '../../../src/domain/diagnose/entry-evidence.ts';
import { diagnoseNoEntries } from '../../../src/domain/diagnose/no-entry-diagnosis.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { profileColumns } from '../../../src/domain/simulate/profile-columns.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { createProfileRepo } from '../../../src/storage/profile-repo.ts';
import type { WorkerLike } from '../../../src/workers/shared/worker-scope.ts';
import { diagnoseStoredRun } from '../../../src/workers/simulation/diagnose-stored-run.ts';
import { runStoredSimulation } from '../../../src/workers/simulation/run-simulation.ts';
import { hostSimulation } from '../../../src/workers/simulation/simulation-host.ts';
import { indexedDbSetLoader } from '../../../src/workers/simulation/set-loader.ts';
import { specOfTemplate } from '../../support/template-spec.ts';

const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 1);
const profiles = generateProfiles({ count: 2_500, seed: 5, start: START, end: START + 180 * DAY });

function fakeWorker(): WorkerLike {
  const scope = {
    onmessage: null as ((event: MessageEvent) => void) | null,
    postMessage: (message: unknown) =>
      setTimeout(() => worker.onmessage?.({ data: structuredClone(message) } as MessageEvent)),
  };
  hostSimulation(scope, indexedDbSetLoader);
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (message) =>
      setTimeout(() => scope.onmessage?.({ data: structuredClone(message) } as MessageEvent)),
    terminate: () => undefined,
  };
  return worker;
}

describe('why a run over a stored set started nobody', () => {
  it('is counted by the workers, part by part, as over the whole set at once', async () => {
    const dbName = `diagnose-${Math.random()}`;
    const db = openWayfinderDb(dbName);
    const repo = createProfileRepo(db);
    const stored = await repo.createProfileSet({ name: 'Stored', source: 'generated' });
    await repo.importIntoSet(stored.id, profiles, { mode: 'replace' });
    // A period a year after the set's history: nobody can enter.
    const spec = specOfTemplate('abandoned-cart', START);
    const options = { start: START + 365 * DAY, horizonDays: 30, seed: 1, traceSample: 0 };
    const set = { dbName, setId: stored.id };
    for (const workers of [1, 3]) {
      const request = { spec, set, count: profiles.length, options, workers };
      const result = await runStoredSimulation({ ...request, createWorker: fakeWorker });
      expect(result.profilesEntered).toBe(0);
      const evidence = await diagnoseStoredRun({ ...request, createWorker: fakeWorker });
      const period = { start: options.start, end: options.start + 30 * DAY };
      expect(evidence).toEqual(gatherEntryEvidence(spec, period, profileColumns(profiles)));
      expect(diagnoseNoEntries(spec, result, evidence)?.[0]).toEqual({
        code: 'period_misses_events',
        profiles: evidence.withEvents,
      });
    }
    await db.delete();
  });
});
