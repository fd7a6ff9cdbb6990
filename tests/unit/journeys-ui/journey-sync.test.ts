import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createJourney, type JourneyDocument } from '../../../src/domain/index.ts';
import { createEditorStore, type EditorStore } from '../../../src/editor/index.ts';
import {
  AUTOSAVE_DELAY_MS,
  createJourneySync,
  type BaseRevision,
  type SyncDeps,
} from '../../../src/features/editor/journey-sync.ts';
import type { JourneySaveResult, TheirJourney } from '../../../src/storage/journey-documents.ts';

const START = Date.UTC(2026, 0, 1);

/** A stored journey with compare-and-set, like the repository, and a revision feed like liveQuery. */
class FakeStorage {
  revision = 1;
  document: JourneyDocument | undefined;
  failNext: Error | DOMException | undefined;
  /** When set, writes wait here until `release()` (a slow disk). */
  held: (() => void)[] | undefined;
  saves: { document: JourneyDocument; expected: BaseRevision }[] = [];
  private listeners = new Set<(revision: number | undefined) => void>();

  constructor(document: JourneyDocument) {
    this.document = document;
  }
  theirs(): TheirJourney {
    return this.document === undefined
      ? { status: 'deleted' }
      : { status: 'ok', document: this.document, revision: this.revision };
  }
  release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const write of held) write();
  }
  /** Another tab writes. */
  writeFromElsewhere(document: JourneyDocument | undefined): void {
    this.document = document;
    this.revision += 1;
    for (const listener of this.listeners)
      listener(document === undefined ? undefined : this.revision);
  }
  deps(journal: Map<string, { base: number; document: JourneyDocument }>): SyncDeps {
    return {
      save: (document, expected) => {
        this.saves.push({ document, expected });
        if (this.failNext) {
          const error = this.failNext;
          this.failNext = undefined;
          return Promise.reject(error);
        }
        const write = (): JourneySaveResult => {
          const found = this.document === undefined ? 'absent' : this.revision;
          if (found !== expected) return { ok: false, theirs: this.theirs() };
          this.revision = found === 'absent' ? 1 : found + 1;
          this.document = document;
          for (const listener of this.listeners) listener(this.revision);
          return { ok: true, revision: this.revision };
        };
        const held = this.held;
        if (held === undefined) return Promise.resolve(write());
        return new Promise((resolve) => held.push(() => resolve(write())));
      },
      reload: () => Promise.resolve(this.theirs()),
      watch: (listener) => {
        this.listeners.add(listener);
        listener(this.document === undefined ? undefined : this.revision);
        return () => this.listeners.delete(listener);
      },
      journal: {
        write: (base, document) => void journal.set('entry', { base, document }),
        clear: () => void journal.delete('entry'),
      },
      now: Date.now,
    };
  }
}

function setup() {
  const stored = createJourney('Shared', START, () => 'j1');
  const storage = new FakeStorage(stored);
  const journal = new Map<string, { base: number; document: JourneyDocument }>();
  const store = createEditorStore(stored);
  const sync = createJourneySync(store, { base: 1, saved: stored }, storage.deps(journal));
  const stop = sync.start();
  return { storage, journal, store, sync, stop };
}

const rename = (store: EditorStore, name: string) => store.dispatch('updateJourneyMeta', { name });
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('journey sync', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('journals every change at once and saves after the delay over the revision it read', async () => {
    const { storage, journal, store, sync } = setup();
    rename(store, 'W');
    // Written synchronously, before any save: a reload now finds it.
    expect(journal.get('entry')).toMatchObject({ base: 1, document: { name: 'W' } });
    rename(store, 'Welcome');
    expect(journal.get('entry')?.document.name).toBe('Welcome');
    expect(sync.getState().status).toBe('saving');
    await advance(AUTOSAVE_DELAY_MS - 1);
    expect(storage.saves).toHaveLength(0);
    await advance(1);
    expect(storage.saves).toHaveLength(1);
    expect(storage.saves[0]).toMatchObject({ expected: 1, document: { name: 'Welcome' } });
    expect(storage.saves[0]?.document.updatedAt).toBe(
      new Date(START + AUTOSAVE_DELAY_MS).toISOString(),
    );
    expect(sync.getState().status).toBe('saved');
    expect(journal.has('entry')).toBe(false);
    // The next save names the revision the last one made.
    rename(store, 'Welcome!');
    await advance(AUTOSAVE_DELAY_MS);
    expect(storage.saves[1]?.expected).toBe(2);
    expect(storage.revision).toBe(3);
  });

  it('says saved only once the write landed', async () => {
    const { storage, store, sync } = setup();
    storage.held = [];
    rename(store, 'Slow');
    await advance(AUTOSAVE_DELAY_MS * 3);
    expect(storage.saves).toHaveLength(1);
    expect(sync.getState().status).toBe('saving');
    expect(sync.hasPendingChanges()).toBe(true);
    storage.release();
    await advance(0);
    expect(sync.getState().status).toBe('saved');
    expect(sync.hasPendingChanges()).toBe(false);
  });

  it('keeps the edit and says so when the write fails, and retries', async () => {
    const { storage, journal, store, sync } = setup();
    storage.failNext = new DOMException('the disk is full', 'QuotaExceededError');
    rename(store, 'Too big');
    await advance(AUTOSAVE_DELAY_MS);
    expect(sync.getState()).toEqual({ status: 'error', reason: { code: 'storageFull' } });
    expect(store.getState().document.name).toBe('Too big');
    expect(journal.get('entry')?.document.name).toBe('Too big');
    expect(sync.hasPendingChanges()).toBe(true);
    sync.flush();
    await advance(0);
    expect(sync.getState().status).toBe('saved');
    expect(storage.document?.name).toBe('Too big');
  });

  it('refreshes an unmodified editor when another tab saves', async () => {
    const { storage, store, sync } = setup();
    storage.writeFromElsewhere({ ...storage.document!, name: 'From the other tab' });
    await advance(0);
    expect(store.getState().document.name).toBe('From the other tab');
    expect(sync.getState().status).toBe('saved');
    // Its next edit is saved over the other tab's revision, not the one it opened.
    rename(store, 'Then mine');
    await advance(AUTOSAVE_DELAY_MS);
    expect(storage.saves.at(-1)?.expected).toBe(2);
    expect(storage.document?.name).toBe('Then mine');
  });

  it('puts a modified editor in conflict when another tab saves, and writes nothing', async () => {
    const { storage, journal, store, sync } = setup();
    rename(store, 'Mine');
    storage.writeFromElsewhere({ ...storage.document!, name: 'Theirs' });
    await advance(AUTOSAVE_DELAY_MS * 2);
    const state = sync.getState();
    expect(state.status).toBe('conflict');
    if (state.status === 'conflict') {
      expect(state.mine.name).toBe('Mine');
      expect(state.theirs).toMatchObject({
        status: 'ok',
        revision: 2,
        document: { name: 'Theirs' },
      });
    }
    expect(storage.saves).toHaveLength(0);
    expect(storage.document?.name).toBe('Theirs');
    // Edits go on in the journal while the user decides.
    rename(store, 'Mine, more');
    expect(journal.get('entry')?.document.name).toBe('Mine, more');
    expect(sync.hasPendingChanges()).toBe(true);
  });

  it('finds a conflict at save time when the change was not heard first', async () => {
    const { storage, store, sync } = setup();
    rename(store, 'Mine');
    // Written elsewhere without this tab hearing of it yet.
    storage.document = { ...storage.document!, name: 'Theirs' };
    storage.revision = 2;
    await advance(AUTOSAVE_DELAY_MS);
    expect(storage.saves).toHaveLength(1);
    expect(sync.getState()).toMatchObject({ status: 'conflict', theirs: { revision: 2 } });
    expect(storage.document.name).toBe('Theirs');
  });

  it('keep mine writes over the version shown; take theirs loads it', async () => {
    const first = setup();
    rename(first.store, 'Mine');
    first.storage.writeFromElsewhere({ ...first.storage.document!, name: 'Theirs' });
    await advance(0);
    first.sync.keepMine();
    await advance(0);
    expect(first.storage.saves.at(-1)?.expected).toBe(2);
    expect(first.storage.document?.name).toBe('Mine');
    expect(first.sync.getState().status).toBe('saved');
    expect(first.journal.has('entry')).toBe(false);

    const second = setup();
    rename(second.store, 'Mine');
    second.storage.writeFromElsewhere({ ...second.storage.document!, name: 'Theirs' });
    await advance(0);
    second.sync.takeTheirs();
    expect(second.store.getState().document.name).toBe('Theirs');
    expect(second.sync.getState().status).toBe('saved');
    expect(second.journal.has('entry')).toBe(false);
    await advance(AUTOSAVE_DELAY_MS);
    expect(second.storage.saves).toHaveLength(0);
  });

  it('treats a journey deleted elsewhere as a conflict, and keep mine stores it again', async () => {
    const { storage, store, sync } = setup();
    rename(store, 'Still wanted');
    storage.writeFromElsewhere(undefined);
    await advance(0);
    expect(sync.getState()).toMatchObject({ status: 'conflict', theirs: { status: 'deleted' } });
    sync.keepMine();
    await advance(0);
    expect(storage.saves.at(-1)?.expected).toBe('absent');
    expect(storage.document?.name).toBe('Still wanted');
  });

  it('does not mistake its own save for another tab’s', async () => {
    const { storage, store, sync } = setup();
    for (const name of ['a', 'ab', 'abc']) {
      rename(store, name);
      await advance(AUTOSAVE_DELAY_MS);
    }
    expect(sync.getState().status).toBe('saved');
    expect(storage.saves.map((s) => s.expected)).toEqual([1, 2, 3]);
  });

  it('writes what is pending when stopped (the editor closes)', async () => {
    const { storage, store, stop } = setup();
    rename(store, 'Closing');
    stop();
    await advance(0);
    expect(storage.document?.name).toBe('Closing');
  });

  it('clears the journal when an edit is undone back to what is stored', async () => {
    const { journal, store, sync, storage } = setup();
    rename(store, 'Oops');
    expect(journal.has('entry')).toBe(true);
    store.undo();
    expect(journal.has('entry')).toBe(false);
    expect(sync.getState().status).toBe('saved');
    await advance(AUTOSAVE_DELAY_MS);
    expect(storage.saves).toHaveLength(0);
  });
});

describe('two editors that make the same change', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('take the other’s save of exactly their own document as saved, never a conflict', async () => {
    // Two tabs open one journey whose opening changed it the same way (step ids repaired).
    const stored = createJourney('Shared', START, () => 'j1');
    const storage = new FakeStorage(stored);
    const repaired = { ...stored, name: 'Shared, repaired' };
    const open = () => {
      const store = createEditorStore({ ...repaired });
      const sync = createJourneySync(store, { base: 1, saved: stored }, storage.deps(new Map()));
      return { store, sync, stop: sync.start() };
    };
    const first = open();
    const second = open();
    await advance(AUTOSAVE_DELAY_MS * 2);
    expect(first.sync.getState().status).toBe('saved');
    expect(second.sync.getState().status).toBe('saved');
    expect(storage.document?.name).toBe('Shared, repaired');
    // One write landed; the other editor neither wrote over it nor asked.
    expect(storage.revision).toBe(2);
    // Both go on editing from the stored revision.
    rename(second.store, 'Second’s name');
    await advance(AUTOSAVE_DELAY_MS * 2);
    expect(storage.document?.name).toBe('Second’s name');
    expect(second.sync.getState().status).toBe('saved');
    expect(first.store.getState().document.name).toBe('Second’s name');
    first.stop();
    second.stop();
  });
});
