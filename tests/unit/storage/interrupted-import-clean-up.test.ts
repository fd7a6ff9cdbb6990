import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles';
import type { Profile } from '../../../src/domain/profiles/profile';
import { openWayfinderDb, type WayfinderDb } from '../../../src/storage/db';
import { whileImporting } from '../../../src/storage/import-lock';
import { createProfileRepo } from '../../../src/storage/profile-repo';
import { fakeWebLocks } from './fake-web-locks';

let db: WayfinderDb | undefined;
beforeEach(() => {
  vi.stubGlobal('navigator', { locks: fakeWebLocks() });
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await db?.delete();
});

const profiles = generateProfiles({
  count: 30,
  seed: 11,
  start: Date.UTC(2024, 0, 1),
  end: Date.UTC(2025, 0, 1),
});

/** Yields one batch, then never another: an import whose worker stops part way. */
async function* stalls(first: Profile[]): AsyncGenerator<Profile[]> {
  yield first;
  await new Promise(() => undefined);
}

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('clean-up of interrupted imports', () => {
  it('removes the set and chunks of an import still shutting down once it lets go, not at the next visit', async () => {
    db = openWayfinderDb(`clean-up-${Math.random()}`);
    const repo = createProfileRepo(db, { chunkSize: 5 });
    // The old page's import: it has written some chunks and still holds the import lock, as a
    // reloaded page's worker does until the browser has shut it down.
    const shutDown = deferred();
    const written = deferred();
    const oldImport = whileImporting(async () => {
      const set = await repo.createProfileSet({
        name: 'interrupted',
        source: 'csv',
        incomplete: true,
      });
      void repo.importIntoSet(set.id, stalls(profiles), {
        mode: 'replace',
        onProgress: () => written.resolve(),
      });
      await written.promise;
      await shutDown.promise;
    });
    await written.promise;
    expect(await db.profileChunks.count()).toBeGreaterThan(0);

    // The reloaded page starts and cleans up while the old import still holds the lock.
    const cleanUp = repo.cleanUpInterruptedImports();
    shutDown.resolve();
    await oldImport;

    expect(await cleanUp).toEqual({ sets: 1, chunks: 0 });
    expect(await db.profileSets.count()).toBe(0);
    expect(await db.profileChunks.count()).toBe(0);
  });

  it('leaves alone an import that is still writing, and its set once it commits', async () => {
    db = openWayfinderDb(`clean-up-${Math.random()}`);
    const repo = createProfileRepo(db, { chunkSize: 5 });
    const commit = deferred();
    const running = whileImporting(async () => {
      const set = await repo.createProfileSet({
        name: 'running',
        source: 'csv',
        incomplete: true,
      });
      await commit.promise;
      await repo.importIntoSet(set.id, profiles, { mode: 'replace' });
    });
    const cleanUp = repo.cleanUpInterruptedImports();
    expect(await db.profileSets.count()).toBe(1);
    commit.resolve();
    await running;
    expect(await cleanUp).toEqual({ sets: 0, chunks: 0 });
    expect((await repo.listProfileSets()).map((s) => [s.name, s.count])).toEqual([['running', 30]]);
  });
});
