import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openWayfinderDb, type WayfinderDb } from '../../../src/storage/db.ts';
import {
  createSimulationRunsRepo,
  SimulationRunConflictError,
} from '../../../src/storage/simulation-runs.ts';
import { runFor, welcomeSeries } from './helpers.tsx';

let db: WayfinderDb | undefined;
afterEach(async () => {
  await db?.delete();
});

function repoAt(clock: { t: number }) {
  db = openWayfinderDb(`runs-${Math.random()}`);
  let n = 0;
  return createSimulationRunsRepo(db, { now: () => clock.t, newId: () => `run-${++n}` });
}

describe('simulation runs repository', () => {
  const document = welcomeSeries();
  const { id: _id, createdAt: _at, runVersion: _v, ...input } = runFor(document);

  it('saves runs and lists them per journey and across journeys, newest first', async () => {
    const clock = { t: 1_000 };
    const repo = repoAt(clock);
    await repo.save(input);
    clock.t = 2_000;
    await repo.save({ ...input, journeyId: 'other', journeyName: 'Other' });
    clock.t = 3_000;
    const newest = await repo.save(input);
    expect(newest).toMatchObject({ id: 'run-3', createdAt: 3_000, runVersion: 1 });
    expect((await repo.latestForJourney(document.id))?.id).toBe('run-3');
    expect((await repo.listForJourney(document.id)).map((r) => r.id)).toEqual(['run-3', 'run-1']);
    expect((await repo.listAll()).map((r) => r.id)).toEqual(['run-3', 'run-2', 'run-1']);
    await repo.delete('run-3');
    expect((await repo.latestForJourney(document.id))?.id).toBe('run-1');
    expect(await repo.latestForJourney('nobody')).toBeNull();
  });

  it('keeps the id and time a caller named the run with (shown before stored), and never replaces a run', async () => {
    const repo = repoAt({ t: 5 });
    const named = await repo.save({ ...input, id: 'shown-1', createdAt: 42 });
    expect(named).toMatchObject({ id: 'shown-1', createdAt: 42 });
    expect((await repo.latestForJourney(document.id))?.id).toBe('shown-1');
    await expect(repo.save({ ...input, id: 'shown-1', createdAt: 43 })).rejects.toThrow(
      SimulationRunConflictError,
    );
    expect((await repo.get('shown-1'))?.createdAt).toBe(42);
  });

  it('refuses to save a malformed result and skips unreadable stored rows', async () => {
    const repo = repoAt({ t: 5 });
    await expect(
      repo.save({ ...input, result: { ...input.result, entries: -1 } }),
    ).rejects.toThrow();
    await db?.simulationRuns.put({ id: 'bad', journeyId: document.id, createdAt: 9 });
    const good = await repo.save(input);
    expect((await repo.latestForJourney(document.id))?.id).toBe(good.id);
    expect(await repo.get('bad')).toBeNull();
    expect((await repo.listAll()).map((r) => r.id)).toEqual([good.id]);
  });
});
