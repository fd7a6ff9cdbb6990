import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openWayfinderDb, SCHEMA_V2 } from '../../../src/storage/db';

describe('schema upgrade to version 3 (published versions)', () => {
  it('keeps v2 data and adds an empty publishedVersions table keyed by journey and version', async () => {
    const name = `upgrade-v3-${Math.random()}`;
    const v2 = new Dexie(name);
    v2.version(2).stores(SCHEMA_V2);
    await v2.table('journeys').add({
      id: 'j1',
      name: 'Welcome',
      lifecycleStage: 'none',
      updatedAt: 3,
      document: { steps: [] },
    });
    v2.close();

    const db = openWayfinderDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.journeys.get('j1')).toMatchObject({ name: 'Welcome', updatedAt: 3 });
    expect(await db.publishedVersions.count()).toBe(0);

    const version = (journeyId: string, n: number) => ({
      journeyId,
      version: n,
      specHash: `h${n}`,
      publishedAt: '2025-03-01T10:00:00.000Z',
      spec: {},
    });
    await db.publishedVersions.bulkPut([version('j1', 1), version('j1', 2), version('j2', 1)]);
    // Putting the same journey and version again replaces it: versions are never duplicated.
    await db.publishedVersions.put({ ...version('j1', 2), specHash: 'again' });
    expect(await db.publishedVersions.count()).toBe(3);
    const j1 = await db.publishedVersions.where('journeyId').equals('j1').toArray();
    expect(j1.map((v) => [v.version, v.specHash])).toEqual([
      [1, 'h1'],
      [2, 'again'],
    ]);
    await db.delete();
  });
});
