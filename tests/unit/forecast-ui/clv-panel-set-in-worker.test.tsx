// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { ClvPanel } from '../../../src/features/forecast/clv-panel.tsx';
import type { VariantView } from '../../../src/features/forecast/forecast-model.ts';
import { useDatabaseForTests } from '../../../src/storage/app-storage.ts';
import { openWayfinderDb, type WayfinderDb } from '../../../src/storage/db.ts';
import { createProfileRepo } from '../../../src/storage/profile-repo.ts';
import { CLV_CANCEL, hostClv } from '../../../src/workers/clv/clv-host.ts';
import type { WorkerScope } from '../../../src/workers/shared/worker-scope.ts';

/** Every read the page's own connection makes of the profile tables. */
function countProfileReads(db: WayfinderDb): { count: number } {
  const reads = { count: 0 };
  const profileTables = new Set(['profileSets', 'profileChunks']);
  db.use({
    stack: 'dbcore',
    name: 'count-profile-reads',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (!profileTables.has(name)) return table;
        const counted =
          <A extends unknown[], R>(read: (...args: A) => R) =>
          (...args: A): R => {
            reads.count++;
            return read(...args);
          };
        return {
          ...table,
          get: counted(table.get.bind(table)),
          getMany: counted(table.getMany.bind(table)),
          query: counted(table.query.bind(table)),
          openCursor: counted(table.openCursor.bind(table)),
          count: counted(table.count.bind(table)),
        };
      },
    }),
  });
  return reads;
}

/**
 * A worker as the browser gives one: what is posted is structured-cloned and served by the CLV
 * worker's host, which opens its own connection to the database by name, as a real worker does.
 */
class CloningWorker {
  static posted: unknown[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  private readonly scope: WorkerScope = {
    onmessage: null,
    postMessage: (message) => this.onmessage?.({ data: structuredClone(message) } as MessageEvent),
  };

  constructor() {
    hostClv(this.scope);
  }

  postMessage(message: unknown): void {
    CloningWorker.posted.push(structuredClone(message));
    this.scope.onmessage?.({ data: structuredClone(message) } as MessageEvent);
  }

  terminate(): void {}
}

const view = { hasControl: false, tallies: null } as unknown as VariantView;

describe('ClvPanel', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    CloningWorker.posted = [];
  });

  it('sends the worker the set id only: the page never reads the set', async () => {
    const db = openWayfinderDb('clv-panel-set-in-worker');
    const repo = createProfileRepo(db);
    const set = await repo.createProfileSet({ name: 'Customers', source: 'generated' });
    const profiles = generateProfiles({
      count: 600,
      seed: 4,
      start: Date.UTC(2024, 0, 1),
      end: Date.UTC(2025, 6, 1),
    });
    await repo.importIntoSet(set.id, profiles, { mode: 'replace' });
    // The page's own connection, counted from before it opens (Dexie builds its stack on open).
    const pageDb = openWayfinderDb(db.name);
    const reads = countProfileReads(pageDb);
    useDatabaseForTests(pageDb);
    vi.stubGlobal('Worker', CloningWorker);

    render(<ClvPanel view={view} setId={set.id} />);

    expect(await screen.findByText(/Fitted by maximum likelihood/)).toBeVisible();
    // The request, then at most the cancel every one-off worker is sent as it is ended.
    expect(CloningWorker.posted[0]).toEqual({
      setId: set.id,
      dbName: db.name,
      horizonWeeks: 52,
      effects: expect.any(Array),
    });
    expect(CloningWorker.posted.slice(1)).toEqual(
      CloningWorker.posted.slice(1).map(() => CLV_CANCEL),
    );
    expect(reads.count).toBe(0);
  });
});
