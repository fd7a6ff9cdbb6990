import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/domain/profiles/profile';
import { openWayfinderDb, type WayfinderDb } from '../../../src/storage/db';
import {
  createProfileRepo,
  ProfileSetConflictError,
  type ProfileRepo,
} from '../../../src/storage/profile-repo';
import {
  createSimulationRunsRepo,
  SimulationRunConflictError,
} from '../../../src/storage/simulation-runs';
import { runFor, welcomeSeries } from '../simulation-ui/helpers.tsx';

let db: WayfinderDb | undefined;
afterEach(async () => {
  await db?.delete();
});

const profile = (id: string, name: string): Profile => ({
  id,
  attributes: { name, consent: {}, tags: [], custom: {} },
  events: [],
});

/** Two tabs: two repositories (each with its own cache) on one database. */
function twoTabs(): [ProfileRepo, ProfileRepo] {
  db = openWayfinderDb(`revisions-${Math.random()}`);
  let ids = 0;
  const options = { newId: () => `id${ids++}`, chunkSize: 2 };
  return [createProfileRepo(db, options), createProfileRepo(db, options)];
}

/** Batches that wait at `gate` after the first, as a long import does. */
async function* stalled(profiles: Profile[], gate: Promise<void>): AsyncGenerator<Profile[]> {
  yield profiles.slice(0, 1);
  await gate;
  yield profiles.slice(1);
}

describe('profile sets: revision and compare-and-set', () => {
  it('refuses an import whose set another tab changed meanwhile, writing nothing of it', async () => {
    const [tabOne, tabTwo] = twoTabs();
    const set = await tabOne.createProfileSet({ name: 'Customers', source: 'csv' });
    await tabOne.importIntoSet(set.id, [profile('a', 'Ann'), profile('b', 'Bo')], {
      mode: 'replace',
    });
    const before = await tabOne.getRevision(set.id);

    // Tab one appends (with a repeated id, so it merges) slowly; tab two appends meanwhile.
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const slow = tabOne.importIntoSet(
      set.id,
      stalled([profile('a', 'Ann again'), profile('c', 'Cy')], gate),
      { mode: 'append' },
    );
    await tabTwo.importIntoSet(set.id, [profile('d', 'Di')], { mode: 'append' });
    open();
    await expect(slow).rejects.toBeInstanceOf(ProfileSetConflictError);

    // Tab two's append is there; tab one's left nothing behind (no profiles, no chunks).
    const ids = (await tabTwo.readProfileSet(set.id)).map((p) => p.id).sort();
    expect(ids).toEqual(['a', 'b', 'd']);
    expect(await tabTwo.getRevision(set.id)).toBe(before + 1);
    expect(await tabTwo.removeOrphanChunks()).toBe(0);
  });

  it('imports, clears and deletes only at the revision the caller saw', async () => {
    const [tabOne, tabTwo] = twoTabs();
    const set = await tabOne.createProfileSet({ name: 'Customers', source: 'csv' });
    const seen = await tabOne.getRevision(set.id);
    await tabTwo.importIntoSet(set.id, [profile('a', 'Ann')], { mode: 'replace' });

    await expect(
      tabOne.importIntoSet(set.id, [profile('z', 'Zed')], {
        mode: 'replace',
        expectedRevision: seen,
      }),
    ).rejects.toBeInstanceOf(ProfileSetConflictError);
    await expect(tabOne.clearSet(set.id, seen)).rejects.toBeInstanceOf(ProfileSetConflictError);
    await expect(tabOne.deleteSet(set.id, seen)).rejects.toBeInstanceOf(ProfileSetConflictError);
    expect((await tabTwo.readProfileSet(set.id)).map((p) => p.id)).toEqual(['a']);

    const now = await tabOne.getRevision(set.id);
    await tabOne.clearSet(set.id, now);
    expect(await tabOne.countProfiles(set.id)).toBe(0);
    await tabOne.deleteSet(set.id, now + 1);
    expect(await tabOne.getProfileSet(set.id)).toBeUndefined();
  });
});

describe('saved runs: revision and compare-and-set', () => {
  const { id: _id, createdAt: _at, runVersion: _v, ...input } = runFor(welcomeSeries());

  it('saves a run at revision 1 and never replaces a run with the same id', async () => {
    db = openWayfinderDb(`runs-revisions-${Math.random()}`);
    const repo = createSimulationRunsRepo(db, { now: () => 5, newId: () => 'same-id' });
    const first = await repo.save(input);
    expect(first.revision).toBe(1);
    await expect(repo.save({ ...input, journeyName: 'Another' })).rejects.toBeInstanceOf(
      SimulationRunConflictError,
    );
    expect((await repo.get('same-id'))?.journeyName).toBe(first.journeyName);
  });

  it('deletes a run only at the revision the caller saw', async () => {
    db = openWayfinderDb(`runs-delete-${Math.random()}`);
    const repo = createSimulationRunsRepo(db, { now: () => 5, newId: () => 'r1' });
    await repo.save(input);
    // Another tab changed it meanwhile.
    await db.simulationRuns.update('r1', { revision: 2 });
    await expect(repo.delete('r1', 1)).rejects.toBeInstanceOf(SimulationRunConflictError);
    expect(await repo.get('r1')).not.toBeNull();
    await repo.delete('r1', 2);
    expect(await repo.get('r1')).toBeNull();
  });
});
