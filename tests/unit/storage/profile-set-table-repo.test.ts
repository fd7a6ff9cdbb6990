import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles';
import { openWayfinderDb, type WayfinderDb } from '../../../src/storage/db';
import { createProfileRepo } from '../../../src/storage/profile-repo';

let db: WayfinderDb | undefined;
let dbCount = 0;
afterEach(async () => {
  vi.restoreAllMocks();
  await db?.delete();
});

const customers = (count: number, seed: number) =>
  generateProfiles({ count, seed, start: Date.UTC(2023, 0, 1), end: Date.UTC(2024, 0, 1) });

async function setup() {
  db = openWayfinderDb(`profile-set-table-${dbCount++}-${Math.random()}`);
  const writer = createProfileRepo(db, { chunkSize: 7 });
  const reader = createProfileRepo(db, { chunkSize: 7, readInSlices: true });
  const set = await writer.createProfileSet({ name: 'Customers', source: 'generated' });
  return { db, writer, reader, set };
}

describe('a set read as a table (the set page)', () => {
  it('holds the profiles of the whole read, in stored order, and tells the page as rows arrive', async () => {
    const { writer, reader, set } = await setup();
    await writer.importIntoSet(set.id, customers(30, 1), { mode: 'replace' });
    await writer.importIntoSet(
      set.id,
      customers(10, 2).map((p) => ({ ...p, id: `b-${p.id}` })),
      { mode: 'append' },
    );
    const seen: number[] = [];
    const table = await reader.readSetTable(set.id, (t) => seen.push(t.count));
    const whole = await writer.readProfileSet(set.id);
    expect(table.count).toBe(40);
    expect(Array.from({ length: 40 }, (_, i) => table.profile(i))).toEqual(whole);
    // 30 in chunks of 7 (7, 14, 21, 28, 30), then the appended 10 (37, 40).
    expect(seen).toEqual([7, 14, 21, 28, 30, 37, 40]);
  });

  it('serves the page and a profile page asking at once from one read, and keeps it', async () => {
    const { db, writer, reader, set } = await setup();
    const people = customers(40, 3);
    await writer.importIntoSet(set.id, people, { mode: 'replace' });
    const bulkGet = vi.spyOn(db.profileChunks, 'bulkGet');
    const [table, one] = await Promise.all([
      reader.readSetTable(set.id),
      reader.getProfile(set.id, people[39]?.id ?? ''),
    ]);
    expect(one).toEqual(people[39]);
    expect(table.profile(39)).toEqual(people[39]);
    const reads = bulkGet.mock.calls.length;
    expect(reads).toBeGreaterThan(0);
    expect(await reader.getProfile(set.id, people[0]?.id ?? '')).toEqual(people[0]);
    expect(await reader.getProfile(set.id, 'nobody')).toBeUndefined();
    expect(bulkGet.mock.calls.length).toBe(reads);
  });

  it('reads a set again after it changes, and never mixes two versions', async () => {
    const { writer, reader, set } = await setup();
    const before = customers(60, 4);
    const after = customers(45, 5).map((p) => ({ ...p, id: `new-${p.id}` }));
    await writer.importIntoSet(set.id, before, { mode: 'replace' });
    const [read] = await Promise.all([
      reader.readSetTable(set.id),
      writer.importIntoSet(set.id, after, { mode: 'replace' }),
    ]);
    const ids = Array.from({ length: read.count }, (_, i) => read.text('id', i));
    expect([before.map((p) => p.id), after.map((p) => p.id)]).toContainEqual(ids);
    const again = await reader.readSetTable(set.id);
    expect(again.count).toBe(45);
    expect(again.text('id', 0)).toBe(after[0]?.id);
  });

  it('fails with the set’s own error when a chunk is damaged, and reads it again once mended', async () => {
    const { db, writer, reader, set } = await setup();
    await writer.importIntoSet(set.id, customers(20, 6), { mode: 'replace' });
    const [key] = await db.profileChunks.toCollection().primaryKeys();
    const chunk = await db.profileChunks.get(key as [string, string, number]);
    if (chunk === undefined || !('columns' in chunk)) throw new Error('expected a columnar chunk');
    await db.profileChunks.put({
      ...chunk,
      columns: { ...chunk.columns, nums: chunk.columns.nums.slice(1) },
    });
    await expect(reader.readSetTable(set.id)).rejects.toThrow(
      `A stored chunk of profile set ${set.id} is damaged.`,
    );
    await db.profileChunks.put(chunk);
    expect((await reader.readSetTable(set.id)).count).toBe(20);
  });
});
