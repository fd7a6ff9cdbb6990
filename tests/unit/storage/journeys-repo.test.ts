import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openWayfinderDb } from '../../../src/storage/db';
import { createJourneysRepo } from '../../../src/storage/journeys-repo';

describe('journeys repo', () => {
  it('puts, lists newest first, gets and deletes with their runs', async () => {
    const db = openWayfinderDb(`journeys-${Math.random()}`);
    const repo = createJourneysRepo(db);
    await repo.put({
      id: 'a',
      name: 'Welcome',
      lifecycleStage: 'onboarding',
      updatedAt: 1,
      document: { v: 1 },
    });
    await repo.put({
      id: 'b',
      name: 'Win-back',
      lifecycleStage: 'retention',
      updatedAt: 2,
      document: { v: 1 },
    });
    expect((await repo.list()).map((j) => j.id)).toEqual(['b', 'a']);
    await repo.put({
      id: 'a',
      name: 'Welcome 2',
      lifecycleStage: 'onboarding',
      updatedAt: 3,
      document: { v: 2 },
    });
    expect(await repo.get('a')).toMatchObject({ name: 'Welcome 2', document: { v: 2 } });
    await db.simulationRuns.add({ id: 'r', journeyId: 'a', createdAt: 4 });
    await repo.delete('a');
    expect(await repo.get('a')).toBeUndefined();
    expect(await db.simulationRuns.count()).toBe(0);
    await expect(
      repo.put({ id: '', name: 'x', lifecycleStage: 'x', updatedAt: 1, document: null }),
    ).rejects.toThrow();
    await db.delete();
  });
});
