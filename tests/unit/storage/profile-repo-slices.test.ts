import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles';
import { openWayfinderDb, type WayfinderDb } from '../../../src/storage/db';
import { createProfileRepo } from '../../../src/storage/profile-repo';

let db: WayfinderDb | undefined;
let dbCount = 0;
afterEach(async () => {
  await db?.delete();
});

const customers = (count: number, seed: number) =>
  generateProfiles({ count, seed, start: Date.UTC(2023, 0, 1), end: Date.UTC(2024, 0, 1) });

/** A writer and a reader that reads sets in slices (as the page does), on one fresh database. */
async function setup() {
  db = openWayfinderDb(`profile-repo-slices-${dbCount++}-${Math.random()}`);
  const writer = createProfileRepo(db, { chunkSize: 7 });
  const reader = createProfileRepo(db, { chunkSize: 7, readInSlices: true });
  const set = await writer.createProfileSet({ name: 'Customers', source: 'generated' });
  return { writer, reader, set };
}

describe('reading a set in slices (the page)', () => {
  it('gives the same profiles, in the same order, as reading it whole', async () => {
    const { writer, reader, set } = await setup();
    const first = customers(50, 1);
    await writer.importIntoSet(set.id, first, { mode: 'replace' });
    await writer.importIntoSet(
      set.id,
      customers(30, 2).map((p) => ({ ...p, id: `b-${p.id}` })),
      {
        mode: 'append',
      },
    );
    const whole = await writer.readProfileSet(set.id);
    expect(await reader.readProfileSet(set.id)).toEqual(whole);
    expect(whole).toHaveLength(80);
  });

  it('serves readers that ask at once from one read', async () => {
    const { writer, reader, set } = await setup();
    await writer.importIntoSet(set.id, customers(40, 3), { mode: 'replace' });
    const [first, second] = await Promise.all([
      reader.readProfileSet(set.id),
      reader.readProfileSet(set.id),
    ]);
    expect(first).toEqual(second);
    expect(first[39]).toBe(second[39]);
  });

  it('never mixes two versions of a set replaced while it is read', async () => {
    const { writer, reader, set } = await setup();
    const before = customers(60, 4);
    const after = customers(45, 5).map((p) => ({ ...p, id: `new-${p.id}` }));
    await writer.importIntoSet(set.id, before, { mode: 'replace' });
    const [read] = await Promise.all([
      reader.readProfileSet(set.id),
      writer.importIntoSet(set.id, after, { mode: 'replace' }),
    ]);
    const ids = read.map((p) => p.id);
    expect([before.map((p) => p.id), after.map((p) => p.id)]).toContainEqual(ids);
  });
});
