import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles';
import { PROFILE_SCHEMA_VERSION } from '../../../src/domain/profiles/profile';
import { openWayfinderDb, SCHEMA_V5, WayfinderDb } from '../../../src/storage/db';
import { PROFILE_CODEC_VERSION } from '../../../src/storage/profile-codec';
import { encodeProfilesV1, PROFILE_CODEC_V1 } from '../../../src/storage/profile-codec-v1';
import { createProfileRepo } from '../../../src/storage/profile-repo';

const DAY = 86_400_000;
const profiles = generateProfiles({ count: 25, seed: 9, start: 0, end: 120 * DAY });
const other = generateProfiles({ count: 4, seed: 10, start: 0, end: 30 * DAY });

const setRecord = (id: string, generations: string[], count: number) => ({
  id,
  name: id,
  source: 'generated',
  count,
  createdAt: 1,
  updatedAt: 1,
  generations,
  revision: 3,
});

/** A version-5 database holding two sets as sets were stored before codec 2. */
async function oldDatabase(): Promise<{ name: string; chunks: unknown[] }> {
  const name = `codec-upgrade-${Math.random()}`;
  const v5 = new Dexie(name);
  v5.version(5).stores(SCHEMA_V5);
  const key = (setId: string, gen: string, seq: number) => ({ setId, gen, seq, v: 1 });
  const v1 = (setId: string, gen: string, seq: number, slice: typeof profiles) => ({
    ...key(setId, gen, seq),
    codec: PROFILE_CODEC_V1,
    count: slice.length,
    columns: encodeProfilesV1(slice),
  });
  const broken = v1('broken', 'b', 0, other);
  const chunks = [
    v1('old', 'g1', 0, profiles.slice(0, 10)),
    { ...key('old', 'g1', 1), profiles: profiles.slice(10, 20) },
    v1('old', 'g2', 0, profiles.slice(20)),
    { ...broken, columns: { ...broken.columns, nums: broken.columns.nums.slice(1) } },
  ];
  await v5
    .table('profileSets')
    .bulkAdd([
      setRecord('old', ['g1', 'g2'], profiles.length),
      setRecord('broken', ['b'], other.length),
    ]);
  await v5.table('profileChunks').bulkAdd(chunks);
  v5.close();
  return { name, chunks };
}

/** The database's version and chunks (in key order), as found, without upgrading it. */
async function asFound(name: string): Promise<{ version: number; chunks: unknown[] }> {
  const raw = new Dexie(name);
  await raw.open();
  const found = { version: raw.verno, chunks: await raw.table('profileChunks').toArray() };
  raw.close();
  return found;
}

describe('schema upgrade to version 6 (profile chunks in codec 2)', () => {
  it('rewrites chunks of codec 1 and of objects in codec 2, and the set reads back the same', async () => {
    const { name } = await oldDatabase();
    const db = openWayfinderDb(name);
    await db.open();
    expect(db.verno).toBe(6);
    const chunks = await db.profileChunks.where('setId').equals('old').toArray();
    expect(chunks.map((c) => [c.gen, c.seq])).toEqual([
      ['g1', 0],
      ['g1', 1],
      ['g2', 0],
    ]);
    for (const chunk of chunks)
      expect(chunk).toMatchObject({ codec: PROFILE_CODEC_VERSION, v: PROFILE_SCHEMA_VERSION });
    const repo = createProfileRepo(db);
    expect(await repo.readProfileSet('old')).toStrictEqual(profiles);
    const ids: string[] = [];
    for await (const batch of repo.readProfileSetColumns('old'))
      for (let i = 0; i < batch.count; i++) ids.push(batch.profile(i).id);
    expect(ids).toEqual(profiles.map((p) => p.id));
    await db.delete();
  });

  it('leaves a damaged chunk as it was, still refused with its set named', async () => {
    const { name, chunks } = await oldDatabase();
    const db = openWayfinderDb(name);
    await db.open();
    expect(await db.profileChunks.get(['broken', 'b', 0])).toEqual(chunks[3]);
    await expect(createProfileRepo(db).readProfileSet('broken')).rejects.toThrow(
      'A stored chunk of profile set broken is damaged.',
    );
    await db.delete();
  });

  it('loses nothing when the upgrade stops part way: the database stays at version 5', async () => {
    const { name, chunks } = await oldDatabase();
    const interrupted = new WayfinderDb(name);
    let writes = 0;
    // The upgrade's first write of chunks goes through, then it fails, as a closed tab ends it.
    interrupted.use({
      stack: 'dbcore',
      name: 'interrupt',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          return {
            ...table,
            mutate: async (request) => {
              const written = await table.mutate(request);
              if (tableName === 'profileChunks' && ++writes === 1)
                throw new Error('the tab was closed');
              return written;
            },
          };
        },
      }),
    });
    await expect(interrupted.open()).rejects.toThrow();
    interrupted.close();
    expect(writes).toBe(1);
    // In key order: the set 'broken' sorts first.
    expect(await asFound(name)).toEqual({
      version: 5,
      chunks: [chunks[3], chunks[0], chunks[1], chunks[2]],
    });

    const db = openWayfinderDb(name);
    expect(await createProfileRepo(db).readProfileSet('old')).toStrictEqual(profiles);
    expect(db.verno).toBe(6);
    await db.delete();
  });
});
