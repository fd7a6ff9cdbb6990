import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles';
import type { Profile } from '../../../src/domain/profiles/profile';
import { openWayfinderDb, type WayfinderDb } from '../../../src/storage/db';
import { ProfileSetChangedError } from '../../../src/storage/profile-chunk-reader';
import { PROFILE_CODEC_VERSION } from '../../../src/storage/profile-codec';
import { createProfileRepo, type ProfileRepoOptions } from '../../../src/storage/profile-repo';

let db: WayfinderDb | undefined;
let dbCount = 0;
function setup() {
  db = openWayfinderDb(`profile-codec-repo-${dbCount++}-${Math.random()}`);
  let ids = 0;
  const options: ProfileRepoOptions = { newId: () => `id${ids++}`, chunkSize: 7 };
  return {
    db,
    /** A repo as a fresh page would have it: nothing in memory. */
    repo: (extra: Partial<ProfileRepoOptions> = {}) =>
      createProfileRepo(db as WayfinderDb, { ...options, ...extra }),
  };
}
afterEach(async () => {
  await db?.delete();
});

const profiles = generateProfiles({
  count: 40,
  seed: 3,
  start: Date.UTC(2023, 0, 1),
  end: Date.UTC(2025, 0, 1),
});

async function collect(chunks: AsyncIterable<Profile[]>): Promise<Profile[][]> {
  const out: Profile[][] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

describe('profile repo with the columnar codec', () => {
  it('writes columnar chunks and reads the profiles back deep-equal', async () => {
    const { db, repo } = setup();
    const set = await repo().createProfileSet({ name: 'S', source: 'generated' });
    await repo().importIntoSet(set.id, profiles, { mode: 'replace' });
    const chunks = await db.profileChunks.toArray();
    expect(chunks).toHaveLength(6);
    for (const chunk of chunks) {
      expect(chunk).toMatchObject({ codec: PROFILE_CODEC_VERSION, v: 1 });
      expect('profiles' in chunk).toBe(false);
    }
    expect(await repo().readProfileSet(set.id)).toStrictEqual(profiles);
  });

  it('keeps reading sets written as object chunks, also with columnar chunks appended', async () => {
    const { db, repo } = setup();
    const old = repo({ chunkFormat: 'objects' });
    const set = await old.createProfileSet({ name: 'Old', source: 'generated' });
    await old.importIntoSet(set.id, profiles.slice(0, 20), { mode: 'replace' });
    expect((await db.profileChunks.toArray()).every((c) => 'profiles' in c)).toBe(true);

    expect(await repo().readProfileSet(set.id)).toStrictEqual(profiles.slice(0, 20));
    await repo().importIntoSet(set.id, profiles.slice(20), { mode: 'append' });
    const kinds = (await db.profileChunks.toArray()).map((c) => ('columns' in c ? 'c' : 'o'));
    expect(kinds.filter((k) => k === 'o')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'c')).toHaveLength(3);
    expect(await repo().readProfileSet(set.id)).toStrictEqual(profiles);
  });

  it('hands out a set chunk by chunk, whole or in parts that make the whole', async () => {
    const { repo } = setup();
    const writer = repo();
    const set = await writer.createProfileSet({ name: 'S', source: 'generated' });
    await writer.importIntoSet(set.id, profiles.slice(0, 30), { mode: 'replace' });
    await writer.importIntoSet(set.id, profiles.slice(30), { mode: 'append' });

    const whole = await collect(repo().readProfileSetChunks(set.id));
    expect(whole.map((c) => c.length)).toEqual([7, 7, 7, 7, 2, 7, 3]);
    expect(whole.flat()).toStrictEqual(profiles);
    const parts = [];
    for (let index = 0; index < 3; index++) {
      parts.push(await collect(repo().readProfileSetChunks(set.id, { part: { index, of: 3 } })));
    }
    expect(parts.map((p) => p.length)).toEqual([2, 2, 3]);
    expect(parts.flat(2)).toStrictEqual(profiles);
    await expect(
      collect(repo().readProfileSetChunks(set.id, { part: { index: 3, of: 3 } })),
    ).rejects.toThrow(RangeError);
    await expect(collect(repo().readProfileSetChunks('nope'))).rejects.toThrow(/no profile set/);
  });

  it('says so when a set is replaced while its chunks are read', async () => {
    const { repo } = setup();
    // Small chunks, so most are still to be fetched when the set is replaced.
    const writer = repo({ chunkSize: 2 });
    const set = await writer.createProfileSet({ name: 'S', source: 'generated' });
    await writer.importIntoSet(set.id, profiles, { mode: 'replace' });
    const chunks = repo().readProfileSetChunks(set.id);
    expect((await chunks.next()).value).toStrictEqual(profiles.slice(0, 2));
    await writer.importIntoSet(set.id, profiles.slice(0, 3), { mode: 'replace' });
    await expect(collect(chunks)).rejects.toThrow(ProfileSetChangedError);
    expect(await repo().readProfileSet(set.id)).toStrictEqual(profiles.slice(0, 3));
  });

  it('refuses damaged chunks and chunks of a newer codec', async () => {
    const { db, repo } = setup();
    const set = await repo().createProfileSet({ name: 'S', source: 'generated' });
    await repo().importIntoSet(set.id, profiles.slice(0, 7), { mode: 'replace' });
    const [chunk] = await db.profileChunks.toArray();
    if (!chunk || !('columns' in chunk)) throw new Error('expected a columnar chunk');

    await db.profileChunks.put({ ...chunk, codec: PROFILE_CODEC_VERSION + 1 });
    await expect(repo().readProfileSet(set.id)).rejects.toThrow(RangeError);
    await db.profileChunks.put({ ...chunk, count: 8 });
    await expect(repo().readProfileSet(set.id)).rejects.toThrow(/damaged/);
    const ints = chunk.columns.ints.slice(0, -1);
    await db.profileChunks.put({ ...chunk, columns: { ...chunk.columns, ints } });
    await expect(repo().readProfileSet(set.id)).rejects.toThrow(/damaged/);
  });
});
