import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { createProfileRepo } from '../../../src/storage/profile-repo.ts';
import { indexedDbSetLoader } from '../../../src/workers/simulation-set-loader.ts';

describe('indexedDbSetLoader', () => {
  it("reads a worker's share of a stored set by position, across chunk boundaries", async () => {
    const dbName = `loader-${Math.random()}`;
    const db = openWayfinderDb(dbName);
    const repo = createProfileRepo(db);
    const set = await repo.createProfileSet({ name: 'Loader', source: 'generated' });
    const profiles = generateProfiles({ count: 2_500, seed: 4, start: 0, end: 86_400_000 * 30 });
    await repo.importIntoSet(set.id, profiles, { mode: 'replace' });
    const ref = { dbName, setId: set.id };
    const ids = (list: { id: string }[]) => list.map((p) => p.id);
    expect(ids(await indexedDbSetLoader.read(ref, 900, 2_100))).toEqual(
      ids(profiles.slice(900, 2_100)),
    );
    expect(ids(await indexedDbSetLoader.read(ref, 2_000))).toEqual(ids(profiles.slice(2_000)));
    expect(await indexedDbSetLoader.read(ref, 2_500, 2_500)).toEqual([]);
    await db.delete();
  });
});
