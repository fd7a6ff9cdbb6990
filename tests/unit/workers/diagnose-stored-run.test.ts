import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { gatherEntryEvidence } from '../../../src/domain/diagnose/entry-evidence.ts';
import { diagnoseNoEntries } from '../../../src/domain/diagnose/no-entry-diagnosis.ts';
import { profileColumns } from '../../../src/domain/simulate/profile-columns.ts';
import { diagnoseStoredRun } from '../../../src/workers/simulation/diagnose-stored-run.ts';
import { runStoredSimulation } from '../../../src/workers/simulation/run-simulation.ts';
import { indexedDbSetLoader } from '../../../src/workers/simulation/set-loader.ts';
import { cloningSimulationWorker } from '../../support/cloning-simulation-worker.ts';
import { storeGeneratedSet } from '../../support/stored-generated-set.ts';
import { specOfTemplate } from '../../support/template-spec.ts';

const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 1);

const fakeWorker = () => cloningSimulationWorker(indexedDbSetLoader);

describe('why a run over a stored set started nobody', () => {
  it('is counted by the workers, part by part, as over the whole set at once', async () => {
    const { profiles, set, db } = await storeGeneratedSet({
      count: 2_500,
      seed: 5,
      start: START,
      end: START + 180 * DAY,
    });
    // A period a year after the set's history: nobody can enter.
    const spec = specOfTemplate('abandoned-cart', START);
    const options = { start: START + 365 * DAY, horizonDays: 30, seed: 1, traceSample: 0 };
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
