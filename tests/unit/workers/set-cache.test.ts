import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import {
  profileColumns,
  type ProfileColumns,
} from '../../../src/domain/simulate/profile-columns.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import type { ChunkPart } from '../../../src/storage/profile-chunk-reader.ts';
import { createProfileRepo } from '../../../src/storage/profile-repo.ts';
import { SetCache, type SetSource } from '../../../src/workers/simulation/set-cache.ts';
import { indexedDbSetSource } from '../../../src/workers/simulation/set-loader.ts';

const DAY = 86_400_000;
const SET = { dbName: 'db', setId: 'set-1' };

/** A batch of one profile, named so a test can tell batches (and revisions) apart. */
function batch(name: string): ProfileColumns {
  return profileColumns([
    {
      id: name,
      attributes: { consent: {}, tags: [], custom: {} },
      events: [{ name: 'signup', at: 0 }],
    },
  ]);
}

/** Resolves when the test says so. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/**
 * A set held in memory whose reads the test can hold at any batch: `reads` counts the reads
 * started, `returned` those stopped part way; batch `k` waits for `gates[k]` when there is one.
 */
function fakeSource(batches = 3) {
  const state = {
    revision: 1,
    reads: 0,
    returned: 0,
    failNext: false,
    gates: new Map<number, Promise<void>>(),
  };
  const source: SetSource = {
    revision: () => Promise.resolve(state.revision),
    open(_set, part?: ChunkPart) {
      state.reads++;
      const revision = state.revision;
      const fail = state.failNext;
      state.failNext = false;
      const gates = new Map(state.gates);
      async function* read(): AsyncGenerator<ProfileColumns> {
        let finished = false;
        try {
          for (let k = 0; k < batches; k++) {
            await gates.get(k);
            if (fail && k === 1) throw new Error('the disk is gone');
            yield batch(`r${revision}-p${part?.index ?? 'all'}-b${k}`);
          }
          finished = true;
        } finally {
          if (!finished) state.returned++;
        }
      }
      return Promise.resolve({ revision, batches: read() });
    },
  };
  return { source, state };
}

async function ids(iterable: AsyncIterable<ProfileColumns>): Promise<string[]> {
  const out: string[] = [];
  for await (const columns of iterable)
    for (let i = 0; i < columns.count; i++) out.push(columns.id(i));
  return out;
}

describe('SetCache: a worker keeps the sets it read', () => {
  it('reads a part once and serves later runs from memory', async () => {
    const { source, state } = fakeSource();
    const cache = new SetCache(source);
    const first = await ids(cache.columns(SET, { index: 0, of: 2 }));
    const second = await ids(cache.columns(SET, { index: 0, of: 2 }));
    expect(first).toEqual(['r1-p0-b0', 'r1-p0-b1', 'r1-p0-b2']);
    expect(second).toEqual(first);
    expect(state.reads).toBe(1);
    // Another part of the same set is another read.
    expect(await ids(cache.columns(SET, { index: 1, of: 2 }))).toEqual([
      'r1-p1-b0',
      'r1-p1-b1',
      'r1-p1-b2',
    ]);
    expect(state.reads).toBe(2);
  });

  it('reads a set again once it changed (a new revision), and serves the new profiles', async () => {
    const { source, state } = fakeSource();
    const cache = new SetCache(source);
    await ids(cache.columns(SET));
    state.revision = 2;
    expect(await ids(cache.columns(SET))).toEqual(['r2-pall-b0', 'r2-pall-b1', 'r2-pall-b2']);
    expect(state.reads).toBe(2);
    expect(await ids(cache.columns(SET))).toEqual(['r2-pall-b0', 'r2-pall-b1', 'r2-pall-b2']);
    expect(state.reads).toBe(2);
  });

  it('shares one read between two runs that ask at once, each getting every batch in order', async () => {
    const { source, state } = fakeSource();
    const held = gate();
    state.gates.set(1, held.opened);
    const cache = new SetCache(source);
    const a = ids(cache.columns(SET));
    const b = ids(cache.columns(SET));
    held.open();
    const expected = ['r1-pall-b0', 'r1-pall-b1', 'r1-pall-b2'];
    expect(await a).toEqual(expected);
    expect(await b).toEqual(expected);
    expect(state.reads).toBe(1);
  });

  it('lets a run that comes part way through a read join it from the first batch', async () => {
    const { source, state } = fakeSource();
    const held = gate();
    state.gates.set(2, held.opened);
    const cache = new SetCache(source);
    const early = cache.columns(SET)[Symbol.asyncIterator]();
    expect((await early.next()).value?.id(0)).toBe('r1-pall-b0');
    expect((await early.next()).value?.id(0)).toBe('r1-pall-b1');
    const late = ids(cache.columns(SET));
    held.open();
    expect((await early.next()).value?.id(0)).toBe('r1-pall-b2');
    expect(await late).toEqual(['r1-pall-b0', 'r1-pall-b1', 'r1-pall-b2']);
    expect(state.reads).toBe(1);
  });

  it('does not keep a read that every run abandoned (a cancel): the next run reads again', async () => {
    const { source, state } = fakeSource();
    const held = gate();
    state.gates.set(1, held.opened);
    const cache = new SetCache(source);
    const cancelled = cache.columns(SET)[Symbol.asyncIterator]();
    await cancelled.next();
    await cancelled.return(undefined);
    held.open();
    expect(cache.size).toBe(0);
    await expect.poll(() => state.returned, { timeout: 15_000 }).toBe(1);
    state.gates.clear();
    expect(await ids(cache.columns(SET))).toEqual(['r1-pall-b0', 'r1-pall-b1', 'r1-pall-b2']);
    expect(state.reads).toBe(2);
  });

  it('keeps a read going for the run still on it when another run leaves', async () => {
    const { source, state } = fakeSource();
    const held = gate();
    state.gates.set(1, held.opened);
    const cache = new SetCache(source);
    const staying = ids(cache.columns(SET));
    const leaving = cache.columns(SET)[Symbol.asyncIterator]();
    await leaving.next();
    await leaving.return(undefined);
    held.open();
    expect(await staying).toEqual(['r1-pall-b0', 'r1-pall-b1', 'r1-pall-b2']);
    expect(state.returned).toBe(0);
    await ids(cache.columns(SET));
    expect(state.reads).toBe(1);
  });

  it('does not keep a failed read: its runs fail, and the next run reads again', async () => {
    const { source, state } = fakeSource();
    const cache = new SetCache(source);
    state.failNext = true;
    await expect(ids(cache.columns(SET))).rejects.toThrow('the disk is gone');
    expect(cache.size).toBe(0);
    expect(await ids(cache.columns(SET))).toEqual(['r1-pall-b0', 'r1-pall-b1', 'r1-pall-b2']);
    expect(state.reads).toBe(2);
  });

  it('keeps at most `capacity` parts, dropping the least recently used', async () => {
    const { source, state } = fakeSource(1);
    const cache = new SetCache(source, 2);
    const a = { dbName: 'db', setId: 'a' };
    const b = { dbName: 'db', setId: 'b' };
    const c = { dbName: 'db', setId: 'c' };
    await ids(cache.columns(a));
    await ids(cache.columns(b));
    await ids(cache.columns(a)); // a is now the most recently used
    await ids(cache.columns(c)); // so b goes
    expect(cache.size).toBe(2);
    expect(state.reads).toBe(3);
    await ids(cache.columns(a));
    await ids(cache.columns(c));
    expect(state.reads).toBe(3);
    await ids(cache.columns(b));
    expect(state.reads).toBe(4);
  });

  it('warms a part so a later run needs no read', async () => {
    const { source, state } = fakeSource();
    const cache = new SetCache(source);
    await cache.warm(SET, { index: 1, of: 2 });
    expect(await ids(cache.columns(SET, { index: 1, of: 2 }))).toHaveLength(3);
    expect(state.reads).toBe(1);
  });
});

describe('SetCache over IndexedDB', () => {
  it('serves a stored set from memory until an import changes it, then the new profiles', async () => {
    const dbName = `set-cache-${Math.random()}`;
    const db = openWayfinderDb(dbName);
    const repo = createProfileRepo(db);
    const stored = await repo.createProfileSet({ name: 'Kept', source: 'generated' });
    const before = generateProfiles({ count: 1_200, seed: 5, start: 0, end: 30 * DAY });
    await repo.importIntoSet(stored.id, before, { mode: 'replace' });
    let opened = 0;
    const cache = new SetCache({
      revision: (set) => indexedDbSetSource.revision(set),
      open: (set, part) => {
        opened++;
        return indexedDbSetSource.open(set, part);
      },
    });
    const ref = { dbName, setId: stored.id };
    const idsOf = (list: readonly { id: string }[]) => list.map((p) => p.id);
    expect(await ids(cache.columns(ref))).toEqual(idsOf(before));
    expect(await ids(cache.columns(ref))).toEqual(idsOf(before));
    expect(opened).toBe(1);
    const after = generateProfiles({ count: 700, seed: 6, start: 0, end: 30 * DAY });
    await repo.importIntoSet(stored.id, after, { mode: 'replace' });
    expect(await ids(cache.columns(ref))).toEqual(idsOf(after));
    expect(opened).toBe(2);
    await repo.deleteSet(stored.id);
    await expect(ids(cache.columns(ref))).rejects.toThrow();
    db.close();
  });
});
