import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openWayfinderDb, SCHEMA_V3 } from '../../../src/storage/db';
import { createJourneysRepo } from '../../../src/storage/journeys-repo';

describe('schema upgrade to version 4 (revisions)', () => {
  it('gives journeys and saved runs written under v3 revision 1, and the next write revision 2', async () => {
    const name = `upgrade-v4-${Math.random()}`;
    const v3 = new Dexie(name);
    v3.version(3).stores(SCHEMA_V3);
    await v3.table('journeys').add({
      id: 'j1',
      name: 'Welcome',
      lifecycleStage: 'none',
      updatedAt: 3,
      document: { steps: [] },
    });
    await v3.table('simulationRuns').add({ id: 'r1', journeyId: 'j1', createdAt: 4 });
    v3.close();

    const db = openWayfinderDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.journeys.get('j1')).toMatchObject({ name: 'Welcome', revision: 1 });
    expect(await db.simulationRuns.get('r1')).toMatchObject({ revision: 1 });
    const repo = createJourneysRepo(db);
    // A tab that read the journey before the upgrade (revision 1) may write once.
    const written = await repo.putIfRevision(
      { id: 'j1', name: 'Renamed', lifecycleStage: 'none', updatedAt: 5, document: {} },
      1,
    );
    expect(written).toEqual({ ok: true, revision: 2 });
    await db.delete();
  });
});
