import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Profile } from '../../../src/domain/profiles/profile.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import * as chunks from '../../../src/storage/profile-chunks.ts';
import { createProfileRepo } from '../../../src/storage/profile-repo.ts';
import { indexedDbSetLoader } from '../../../src/workers/simulation/set-loader.ts';

vi.mock('../../../src/storage/profile-chunks.ts', async (original) => {
  const actual = await original<typeof import('../../../src/storage/profile-chunks.ts')>();
  return { ...actual, checkChunk: vi.fn(actual.checkChunk) };
});

async function read(...args: Parameters<typeof indexedDbSetLoader.chunks>) {
  const out: Profile[] = [];
  for await (const chunk of indexedDbSetLoader.chunks(...args)) out.push(...chunk);
  return out;
}

const decoded = () => vi.mocked(chunks.checkChunk).mock.calls.map(([chunk]) => chunk.seq);

describe('indexedDbSetLoader', () => {
  it('reads and decodes only the chunks of its part', async () => {
    const dbName = `loader-${Math.random()}`;
    const db = openWayfinderDb(dbName);
    const repo = createProfileRepo(db);
    const set = await repo.createProfileSet({ name: 'Loader', source: 'generated' });
    const profiles = generateProfiles({ count: 2_500, seed: 4, start: 0, end: 86_400_000 * 30 });
    await repo.importIntoSet(set.id, profiles, { mode: 'replace' });
    const ref = { dbName, setId: set.id };
    const ids = (list: readonly { id: string }[]) => list.map((p) => p.id);

    vi.mocked(chunks.checkChunk).mockClear();
    expect(ids(await read(ref, { index: 0, of: 2 }))).toEqual(ids(profiles.slice(0, 1_000)));
    expect(decoded()).toEqual([0]);

    vi.mocked(chunks.checkChunk).mockClear();
    expect(ids(await read(ref, { index: 1, of: 2 }))).toEqual(ids(profiles.slice(1_000)));
    expect(decoded()).toEqual([1, 2]);

    vi.mocked(chunks.checkChunk).mockClear();
    expect(ids(await read(ref))).toEqual(ids(profiles));
    expect(decoded()).toEqual([0, 1, 2]);
    await db.delete();
  });
});
