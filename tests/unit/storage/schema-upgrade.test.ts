import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openWayfinderDb, SCHEMA_V1 } from '../../../src/storage/db';
import { createJourneysRepo } from '../../../src/storage/journeys-repo';
import { createProfileRepo } from '../../../src/storage/profile-repo';

const profile = (id: string) => ({
  id,
  attributes: { consent: {}, tags: [], custom: {} },
  events: [{ name: 'order_placed', at: 5 }],
});

describe('schema upgrade from version 1', () => {
  it('keeps profiles and journeys written under v1 and backfills the new fields', async () => {
    const name = `upgrade-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('profileSets').bulkAdd([
      { id: 's1', name: 'Old', source: 'csv', createdAt: 1, updatedAt: 2, generations: ['g1'] },
      { id: 's2', name: 'Empty', source: 'generated', createdAt: 1, updatedAt: 1, generations: [] },
    ]);
    await v1.table('profileChunks').bulkAdd([
      { setId: 's1', gen: 'g1', seq: 0, v: 1, profiles: [profile('a'), profile('b')] },
      { setId: 's1', gen: 'g1', seq: 1, v: 1, profiles: [profile('c')] },
      { setId: 's1', gen: 'abandoned', seq: 0, v: 1, profiles: [profile('x')] },
    ]);
    await v1
      .table('journeys')
      .add({ id: 'j1', name: 'Welcome', updatedAt: 3, document: { nodes: [] } });
    await v1
      .table('simulationRuns')
      .add({ id: 'r1', journeyId: 'j1', createdAt: 4, result: { entered: 3 } });
    v1.close();

    const db = openWayfinderDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    const repo = createProfileRepo(db);
    expect(await repo.listProfileSets()).toEqual([
      { id: 's1', name: 'Old', source: 'csv', count: 3, createdAt: 1, updatedAt: 2 },
      { id: 's2', name: 'Empty', source: 'generated', count: 0, createdAt: 1, updatedAt: 1 },
    ]);
    expect((await repo.readProfileSet('s1')).map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(await createJourneysRepo(db).get('j1')).toEqual({
      id: 'j1',
      name: 'Welcome',
      lifecycleStage: 'none',
      updatedAt: 3,
      revision: 1,
      document: { nodes: [] },
    });
    // The v2 index on runs works on data written under v1.
    const runs = await db.simulationRuns
      .where('[journeyId+createdAt]')
      .between(['j1', 0], ['j1', 10])
      .toArray();
    expect(runs).toEqual([
      { id: 'r1', journeyId: 'j1', createdAt: 4, revision: 1, result: { entered: 3 } },
    ]);
    expect(await db.journeys.where('lifecycleStage').equals('none').count()).toBe(1);
    await db.delete();
  });

  it('reads chunks written by an older profile schema through zod, and refuses newer ones', async () => {
    const db = openWayfinderDb(`old-chunk-${Math.random()}`);
    await db.profileSets.add({
      id: 's',
      name: 'S',
      source: 'json',
      count: 1,
      createdAt: 1,
      updatedAt: 1,
      generations: ['g'],
      revision: 1,
    });
    await db.profileChunks.add({
      setId: 's',
      gen: 'g',
      seq: 0,
      v: 0,
      profiles: [{ id: 'a', attributes: {} } as never],
    });
    expect(await createProfileRepo(db).readProfileSet('s')).toEqual([
      { id: 'a', attributes: { consent: {}, tags: [], custom: {} }, events: [] },
    ]);
    await db.profileChunks.put({ setId: 's', gen: 'g', seq: 0, v: 99, profiles: [] });
    await expect(createProfileRepo(db).readProfileSet('s')).rejects.toThrow(/newer version/);
    await db.delete();
  });
});
