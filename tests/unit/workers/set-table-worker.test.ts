import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles';
import { openWayfinderDb, type WayfinderDb } from '../../../src/storage/db';
import { createProfileRepo } from '../../../src/storage/profile-repo';
import { ProfileSetTable } from '../../../src/storage/profile-set-table';
import {
  hostSetTable,
  type SetTableMessage,
  type TransferScope,
} from '../../../src/workers/profiles/set-table-host';
import { readSetTableMessage } from '../../../src/workers/profiles/set-table-in-worker';

let db: WayfinderDb | undefined;
afterEach(async () => {
  await db?.delete();
});

/** The worker's scope in-process: messages go through a structured clone, buffers moved. */
function fakeWorker() {
  const posted: { message: unknown; transferred: number }[] = [];
  const scope: TransferScope = {
    onmessage: null,
    postMessage(message, transfer = []) {
      const copy = structuredClone(message, { transfer });
      posted.push({ message: copy, transferred: transfer.length });
    },
  };
  hostSetTable(scope);
  const ask = (request: unknown) => scope.onmessage?.({ data: request } as MessageEvent);
  const until = async (done: (m: SetTableMessage) => boolean) => {
    for (;;) {
      const found = posted.map((p) => readSetTableMessage(p.message)).find((m) => m && done(m));
      if (found) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  return { posted, ask, until };
}

describe('the profile table worker', () => {
  it('posts a set’s chunks packed, in order, with their buffers moved, and then says done', async () => {
    db = openWayfinderDb(`set-table-worker-${Math.random()}`);
    const repo = createProfileRepo(db, { chunkSize: 40 });
    const set = await repo.createProfileSet({ name: 'S', source: 'generated' });
    const profiles = generateProfiles({
      count: 100,
      seed: 9,
      start: Date.UTC(2024, 0, 1),
      end: Date.UTC(2025, 0, 1),
    });
    await repo.importIntoSet(set.id, profiles, { mode: 'replace' });
    const worker = fakeWorker();
    worker.ask({ id: 7, setId: set.id, dbName: db.name });
    await worker.until((m) => m.id === 7 && (m.kind === 'done' || m.kind === 'failed'));
    const messages = worker.posted.map((p) => readSetTableMessage(p.message));
    expect(messages.map((m) => m?.kind)).toEqual(['chunk', 'chunk', 'chunk', 'done']);
    expect(messages.every((m) => m?.id === 7)).toBe(true);
    expect(worker.posted[0]?.transferred).toBeGreaterThan(0);
    const table = new ProfileSetTable(set.id);
    for (const m of messages) if (m?.kind === 'chunk') table.addPacked(m.chunk);
    expect(Array.from({ length: table.count }, (_, i) => table.profile(i))).toEqual(profiles);
  });

  it('answers a missing set and a malformed request with a failure, never with silence', async () => {
    db = openWayfinderDb(`set-table-worker-${Math.random()}`);
    await db.open();
    const worker = fakeWorker();
    worker.ask({ id: 1, setId: 'gone', dbName: db.name });
    await worker.until((m) => m.id === 1);
    expect(readSetTableMessage(worker.posted[0]?.message)).toMatchObject({
      id: 1,
      kind: 'failed',
      message: expect.stringContaining('gone') as unknown,
    });
    worker.ask({ setId: 42 });
    await worker.until((m) => m.id === undefined);
    expect(readSetTableMessage(worker.posted[1]?.message)).toMatchObject({ kind: 'failed' });
  });

  it('refuses messages that are not its own', () => {
    expect(readSetTableMessage({ kind: 'chunk', chunk: { count: 1 } })).toBeNull();
    expect(readSetTableMessage({ id: 'x', kind: 'done' })).toBeNull();
    expect(readSetTableMessage('done')).toBeNull();
  });
});
