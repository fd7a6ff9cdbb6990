import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Profile } from '../../../src/domain/profiles/profile.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { ChunkColumns } from '../../../src/storage/chunk-columns.ts';
import { createProfileRepo } from '../../../src/storage/profile-repo.ts';
import { indexedDbSetLoader } from '../../../src/workers/simulation/set-loader.ts';

vi.spyOn(ChunkColumns.prototype, 'add');

async function read(...args: Parameters<typeof indexedDbSetLoader.columns>) {
  const out: Profile[] = [];
  for await (const batch of indexedDbSetLoader.columns(...args))
    for (let i = 0; i < batch.count; i++) out.push(batch.profile(i));
  return out;
}

const decoded = () => vi.mocked(ChunkColumns.prototype.add).mock.calls.map(([chunk]) => chunk.seq);

describe('indexedDbSetLoader', () => {
  it('reads and indexes only the chunks of its part', async () => {
    const dbName = `loader-${Math.random()}`;
    const db = openWayfinderDb(dbName);
    const repo = createProfileRepo(db);
    const set = await repo.createProfileSet({ name: 'Loader', source: 'generated' });
    const profiles = generateProfiles({ count: 2_500, seed: 4, start: 0, end: 86_400_000 * 30 });
    await repo.importIntoSet(set.id, profiles, { mode: 'replace' });
    const ref = { dbName, setId: set.id };
    const ids = (list: readonly { id: string }[]) => list.map((p) => p.id);

    vi.mocked(ChunkColumns.prototype.add).mockClear();
    expect(ids(await read(ref, { index: 0, of: 2 }))).toEqual(ids(profiles.slice(0, 1_000)));
    expect(decoded()).toEqual([0]);

    vi.mocked(ChunkColumns.prototype.add).mockClear();
    expect(ids(await read(ref, { index: 1, of: 2 }))).toEqual(ids(profiles.slice(1_000)));
    expect(decoded()).toEqual([1, 2]);

    vi.mocked(ChunkColumns.prototype.add).mockClear();
    expect(ids(await read(ref))).toEqual(ids(profiles));
    expect(decoded()).toEqual([0, 1, 2]);
    await db.delete();
  });
});
