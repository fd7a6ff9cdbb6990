import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openWayfinderDb, type WayfinderDb } from '../../../src/storage/db';
import { createJourneysRepo } from '../../../src/storage/journeys-repo';

const record = (id: string, name: string, updatedAt: number, document: unknown = { v: 1 }) => ({
  id,
  name,
  lifecycleStage: 'none',
  updatedAt,
  document,
});

let db: WayfinderDb;
afterEach(async () => {
  await db.delete();
});

describe('journeys repo', () => {
  it('puts, lists newest first, gets and deletes with their runs', async () => {
    db = openWayfinderDb(`journeys-${Math.random()}`);
    const repo = createJourneysRepo(db);
    await repo.put(record('a', 'Welcome', 1));
    await repo.put(record('b', 'Win-back', 2));
    expect((await repo.list()).map((j) => j.id)).toEqual(['b', 'a']);
    await repo.put(record('a', 'Welcome 2', 3, { v: 2 }));
    expect(await repo.get('a')).toMatchObject({ name: 'Welcome 2', document: { v: 2 } });
    await db.simulationRuns.add({ id: 'r', journeyId: 'a', createdAt: 4 });
    await repo.delete('a');
    expect(await repo.get('a')).toBeUndefined();
    expect(await db.simulationRuns.count()).toBe(0);
    await expect(repo.put(record('', 'x', 1, null))).rejects.toThrow();
  });

  it('numbers every write: revision 1 when created, one more on each write', async () => {
    db = openWayfinderDb(`journeys-rev-${Math.random()}`);
    const repo = createJourneysRepo(db);
    expect(await repo.put(record('a', 'A', 1))).toBe(1);
    expect(await repo.put(record('a', 'A', 2))).toBe(2);
    expect((await repo.get('a'))?.revision).toBe(2);
  });

  it('writes only over the revision the caller read (compare-and-set)', async () => {
    db = openWayfinderDb(`journeys-cas-${Math.random()}`);
    const repo = createJourneysRepo(db);
    expect(await repo.putIfRevision(record('a', 'Mine', 1), 'absent')).toEqual({
      ok: true,
      revision: 1,
    });
    // A second create of the same id is refused and told what is there.
    const again = await repo.putIfRevision(record('a', 'Other', 1), 'absent');
    expect(again).toMatchObject({ ok: false, current: { ok: true, record: { name: 'Mine' } } });

    // Two tabs read revision 1; the first write lands, the second is refused.
    expect(await repo.putIfRevision(record('a', 'Tab one', 2), 1)).toEqual({
      ok: true,
      revision: 2,
    });
    const late = await repo.putIfRevision(record('a', 'Tab two', 3), 1);
    expect(late).toMatchObject({
      ok: false,
      current: { ok: true, record: { name: 'Tab one', revision: 2 } },
    });
    expect((await repo.get('a'))?.name).toBe('Tab one');

    await repo.delete('a');
    expect(await repo.putIfRevision(record('a', 'Tab two', 3), 2)).toEqual({
      ok: false,
      current: undefined,
    });
    expect(await repo.get('a')).toBeUndefined();
  });

  it('lets exactly one of many concurrent writes from one revision land', async () => {
    db = openWayfinderDb(`journeys-race-${Math.random()}`);
    const repo = createJourneysRepo(db);
    await repo.put(record('a', 'Start', 1));
    const results = await Promise.all(
      ['one', 'two', 'three', 'four'].map((name, i) =>
        repo.putIfRevision(record('a', name, i + 2), 1),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const winner = results.findIndex((r) => r.ok);
    expect((await repo.get('a'))?.name).toBe(['one', 'two', 'three', 'four'][winner]);
    expect((await repo.get('a'))?.revision).toBe(2);
  });

  it('lists a row that is not a journey record as broken, with its problems, beside the rest', async () => {
    db = openWayfinderDb(`journeys-broken-${Math.random()}`);
    const repo = createJourneysRepo(db);
    await repo.put(record('good', 'Good', 2));
    await db.journeys.put({ id: 'bad', updatedAt: 5 } as never);
    await db.journeys.put({ id: 'no-time', name: 'No time' } as never);
    const rows = await repo.listRows();
    expect(rows.map((r) => (r.ok ? r.record.id : r.id))).toEqual(['bad', 'good', 'no-time']);
    const bad = rows[0];
    expect(bad?.ok).toBe(false);
    if (bad && !bad.ok) {
      expect(bad.problems).toContainEqual(
        expect.objectContaining({ code: 'invalid-value', path: 'name' }),
      );
    }
    expect((await repo.list()).map((r) => r.id)).toEqual(['good']);
  });
});
