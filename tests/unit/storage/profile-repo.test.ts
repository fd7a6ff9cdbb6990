import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles';
import type { Profile } from '../../../src/domain/profiles/profile';
import { importJson } from '../../../src/domain/profiles/import/json';
import { openWayfinderDb, type WayfinderDb } from '../../../src/storage/db';
import { createProfileRepo, ProfileSetNotFoundError } from '../../../src/storage/profile-repo';

let db: WayfinderDb | undefined;
let dbCount = 0;
function setup() {
  db = openWayfinderDb(`profile-repo-${dbCount++}-${Math.random()}`);
  let clock = 1_000;
  let ids = 0;
  const repo = createProfileRepo(db, {
    now: () => clock++,
    newId: () => `id${ids++}`,
    chunkSize: 7,
  });
  return { db, repo };
}
afterEach(async () => {
  await db?.delete();
});

const generated = generateProfiles({
  count: 60,
  seed: 5,
  start: Date.UTC(2023, 0, 1),
  end: Date.UTC(2024, 0, 1),
});
const simple = (id: string, name?: string): Profile => ({
  id,
  attributes: { ...(name ? { name } : {}), consent: {}, tags: [], custom: {} },
  events: [],
});

async function* batches(
  items: Profile[],
  size: number,
  failAfter?: number,
): AsyncGenerator<Profile[]> {
  for (let i = 0; i < items.length; i += size) {
    if (failAfter !== undefined && i >= failAfter) throw new Error('parse failed');
    await new Promise((resolve) => setTimeout(resolve, 0));
    yield items.slice(i, i + size);
  }
}

describe('profile repo', () => {
  it('creates and lists sets, newest first', async () => {
    const { repo } = setup();
    const a = await repo.createProfileSet({ name: 'A', source: 'generated' });
    const b = await repo.createProfileSet({ name: 'B', source: 'csv' });
    expect(a).toEqual({
      id: 'id0',
      name: 'A',
      source: 'generated',
      count: 0,
      createdAt: 1000,
      updatedAt: 1000,
    });
    expect((await repo.listProfileSets()).map((s) => s.name)).toEqual(['B', 'A']);
    expect(await repo.getProfileSet(b.id)).toEqual(b);
    await expect(repo.readProfileSet('nope')).rejects.toBeInstanceOf(ProfileSetNotFoundError);
  });

  it('imports an array or async batches and reads them back in order', async () => {
    const { repo, db } = setup();
    const set = await repo.createProfileSet({ name: 'G', source: 'generated' });
    const progress: number[] = [];
    const after = await repo.importIntoSet(set.id, batches(generated, 25), {
      mode: 'replace',
      onProgress: (n) => progress.push(n),
    });
    expect(after.count).toBe(60);
    expect(progress).toEqual([25, 50, 60]);
    expect(await repo.readProfileSet(set.id)).toEqual(generated);
    expect(await repo.countProfiles(set.id)).toBe(60);
    expect(await db.profileChunks.count()).toBe(Math.ceil(60 / 7));
    // A fresh repo (no cache) reads the same from IndexedDB.
    expect(await createProfileRepo(db).readProfileSet(set.id)).toEqual(generated);
    await repo.importIntoSet(set.id, generated.slice(0, 3), { mode: 'replace' });
    expect((await repo.readProfileSet(set.id)).map((p) => p.id)).toEqual(
      generated.slice(0, 3).map((p) => p.id),
    );
    expect(await db.profileChunks.count()).toBe(1);
  });

  it('appends, merging profiles whose id is already in the set', async () => {
    const { repo } = setup();
    const set = await repo.createProfileSet({ name: 'S', source: 'csv' });
    await repo.importIntoSet(set.id, [simple('a', 'Ann'), simple('b')], { mode: 'replace' });
    const appended = await repo.importIntoSet(set.id, [simple('c')], { mode: 'append' });
    expect(appended.count).toBe(3);
    const merged = await repo.importIntoSet(
      set.id,
      [simple('a', 'Annie'), simple('d'), simple('d', 'Dee')],
      { mode: 'append' },
    );
    expect(merged.count).toBe(4);
    const all = await repo.readProfileSet(set.id);
    expect(all.map((p) => [p.id, p.attributes.name])).toEqual([
      ['a', 'Annie'],
      ['b', undefined],
      ['c', undefined],
      ['d', 'Dee'],
    ]);
  });

  it('leaves the set exactly as it was when an import fails part way', async () => {
    const { repo, db } = setup();
    const set = await repo.createProfileSet({ name: 'S', source: 'generated' });
    await repo.importIntoSet(set.id, generated.slice(0, 20), { mode: 'replace' });
    const before = {
      set: await repo.getProfileSet(set.id),
      profiles: await repo.readProfileSet(set.id),
      chunks: await db.profileChunks.toArray(),
    };
    for (const mode of ['replace', 'append'] as const) {
      await expect(
        repo.importIntoSet(set.id, batches(generated, 10, 30), { mode }),
      ).rejects.toThrow('parse failed');
      expect(await repo.getProfileSet(set.id)).toEqual(before.set);
      expect(await createProfileRepo(db).readProfileSet(set.id)).toEqual(before.profiles);
      expect(await db.profileChunks.toArray()).toEqual(before.chunks);
    }
    const controller = new AbortController();
    const aborting = (async function* () {
      yield generated.slice(0, 10);
      controller.abort();
      yield generated.slice(10, 20);
    })();
    await expect(
      repo.importIntoSet(set.id, aborting, { mode: 'replace', signal: controller.signal }),
    ).rejects.toThrow();
    expect(await db.profileChunks.toArray()).toEqual(before.chunks);
    await expect(
      repo.importIntoSet(set.id, [{ id: '' } as unknown as Profile], { mode: 'replace' }),
    ).rejects.toThrow(TypeError);
    expect(await repo.getProfileSet(set.id)).toEqual(before.set);
  });

  it('pages with sort and search for a virtualised table', async () => {
    const { repo } = setup();
    const set = await repo.createProfileSet({ name: 'S', source: 'generated' });
    await repo.importIntoSet(set.id, generated, { mode: 'replace' });
    const first = await repo.pageProfiles(set.id, { offset: 0, limit: 10 });
    expect(first.total).toBe(60);
    expect(first.rows.map((p) => p.id)).toEqual(generated.slice(0, 10).map((p) => p.id));
    const byLtv = await repo.pageProfiles(set.id, {
      offset: 0,
      limit: 60,
      sort: { key: 'custom:ltv', direction: 'desc' },
    });
    const ltvs = byLtv.rows.map((p) => Number(p.attributes.custom.ltv));
    expect(ltvs).toEqual([...ltvs].sort((a, b) => b - a));
    const byName = await repo.pageProfiles(set.id, {
      offset: 5,
      limit: 5,
      sort: { key: 'name', direction: 'asc' },
    });
    const names = generated
      .map((p) => p.attributes.name ?? '')
      .sort((a, b) => a.localeCompare(b, 'en'));
    expect(byName.rows.map((p) => p.attributes.name)).toEqual(names.slice(5, 10));
    const target = generated[17] as Profile;
    const search = await repo.pageProfiles(set.id, {
      offset: 0,
      limit: 10,
      search: ` ${target.attributes.email?.toUpperCase()} `,
    });
    expect(search).toEqual({ rows: [target], total: 1 });
    const events = await repo.pageProfiles(set.id, {
      offset: 0,
      limit: 3,
      sort: { key: 'events', direction: 'asc' },
    });
    expect(events.rows.map((p) => p.events.length)).toEqual(
      generated
        .map((p) => p.events.length)
        .sort((a, b) => a - b)
        .slice(0, 3),
    );
    expect((await repo.pageProfiles(set.id, { offset: 58, limit: 10 })).rows).toHaveLength(2);
    expect(await repo.getProfile(set.id, target.id)).toEqual(target);
    expect(await repo.getProfile(set.id, 'missing')).toBeUndefined();
  });

  it('finds no profile in a set that does not exist or was deleted (the profile page says so, not a fault)', async () => {
    const { repo } = setup();
    const set = await repo.createProfileSet({ name: 'S', source: 'csv' });
    await repo.importIntoSet(set.id, [simple('a', 'Ann')], { mode: 'replace' });
    expect(await repo.getProfile(set.id, 'a')).toEqual(simple('a', 'Ann'));
    await repo.deleteSet(set.id);
    expect(await repo.getProfile(set.id, 'a')).toBeUndefined();
    expect(await repo.getProfile('never-was', 'a')).toBeUndefined();
    expect(await repo.getProfile('__proto__', 'constructor')).toBeUndefined();
  });

  it('sees writes made through another repo on the same database', async () => {
    const { repo, db } = setup();
    const set = await repo.createProfileSet({ name: 'S', source: 'csv' });
    await repo.importIntoSet(set.id, [simple('a')], { mode: 'replace' });
    expect((await repo.pageProfiles(set.id, { offset: 0, limit: 5 })).total).toBe(1);
    await createProfileRepo(db).importIntoSet(set.id, [simple('b')], { mode: 'append' });
    expect((await repo.pageProfiles(set.id, { offset: 0, limit: 5 })).total).toBe(2);
  });

  it('clears, exports and deletes sets', async () => {
    const { repo, db } = setup();
    const set = await repo.createProfileSet({ name: 'Export me', source: 'json' });
    await repo.importIntoSet(set.id, generated.slice(0, 10), { mode: 'replace' });
    let exported = '';
    for await (const part of repo.exportSetParts(set.id)) exported += part;
    expect(JSON.parse(exported)).toMatchObject({
      format: 'wayfinder.profiles',
      version: 1,
      set: { name: 'Export me', count: 10 },
    });
    expect(importJson(exported).profiles).toEqual(generated.slice(0, 10));
    await repo.clearSet(set.id);
    expect(await repo.countProfiles(set.id)).toBe(0);
    expect(await repo.readProfileSet(set.id)).toEqual([]);
    expect(await db.profileChunks.count()).toBe(0);
    await repo.importIntoSet(set.id, generated.slice(0, 10), { mode: 'replace' });
    await repo.deleteSet(set.id);
    expect(await repo.listProfileSets()).toEqual([]);
    expect(await db.profileChunks.count()).toBe(0);
  });

  it('removes chunks left behind by an interrupted import', async () => {
    const { repo, db } = setup();
    const set = await repo.createProfileSet({ name: 'S', source: 'csv' });
    await repo.importIntoSet(set.id, [simple('a')], { mode: 'replace' });
    await db.profileChunks.put({
      setId: set.id,
      gen: 'stale',
      seq: 0,
      v: 1,
      profiles: [simple('z')],
    });
    expect(await repo.removeOrphanChunks()).toBe(1);
    expect(await repo.readProfileSet(set.id)).toEqual([simple('a')]);
  });
});
