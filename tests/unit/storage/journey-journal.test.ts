import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createJourney, type JourneyDocument } from '../../../src/domain/index.ts';
import { decideOpen } from '../../../src/storage/journal-replay.ts';
import {
  createJourneyJournal,
  type JournalRead,
  type JournalStorage,
} from '../../../src/storage/journey-journal.ts';

/** Web Storage over a Map; `full` makes every write throw like a full localStorage. */
class MemoryStorage implements JournalStorage {
  private items = new Map<string, string>();
  full = false;
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  keys() {
    return [...this.items.keys()];
  }
}

const AT = Date.UTC(2026, 0, 1);
const doc = (name: string): JourneyDocument => ({
  ...createJourney(name, AT, () => 'j1'),
  id: 'j1',
});
const stored = (name: string, revision: number) => ({ document: doc(name), revision });

function entryFor(storage: MemoryStorage, tab: string, base: number, name: string, at: number) {
  const journal = createJourneyJournal(storage, 'j1');
  journal.write(tab, base, doc(name), at);
  return journal;
}

const okReads = (reads: JournalRead[]) =>
  reads.flatMap((r) => (r.status === 'ok' ? [r.entry] : []));

describe('journey journal', () => {
  it('keeps one entry per tab and reads them newest first, restored', () => {
    const storage = new MemoryStorage();
    const journal = entryFor(storage, 'tab-a', 1, 'From A', AT + 1);
    journal.write('tab-b', 1, doc('From B'), AT + 2);
    journal.write('tab-a', 1, doc('From A, later'), AT + 3);
    createJourneyJournal(storage, 'other').write('tab-a', 1, doc('x'), AT);
    const entries = okReads(journal.readAll());
    expect(entries.map((e) => [e.tabId, e.document.name])).toEqual([
      ['tab-a', 'From A, later'],
      ['tab-b', 'From B'],
    ]);
    journal.clear('tab-a');
    expect(okReads(journal.readAll()).map((e) => e.tabId)).toEqual(['tab-b']);
  });

  it('reports a write it could not make instead of throwing', () => {
    const storage = new MemoryStorage();
    storage.full = true;
    expect(createJourneyJournal(storage, 'j1').write('t', 1, doc('x'), AT)).toBe(false);
  });

  it('reads anything that is not a whole entry of this journey as corrupt, never as an entry', () => {
    const samples = fc.sample(fc.oneof(fc.string(), fc.json()), { numRuns: 200, seed: 12 });
    const storage = new MemoryStorage();
    const good = JSON.stringify({
      v: 1,
      journeyId: 'j1',
      tabId: 't',
      baseRevision: 1,
      writtenAt: AT,
      document: doc('ok'),
    });
    const broken = [
      ...samples,
      good.slice(0, -10),
      good.replace('"v":1', '"v":2'),
      good.replace('"journeyId":"j1"', '"journeyId":"j2"'),
      good.replace('"schemaVersion":1', '"schemaVersion":"one"'),
    ];
    broken.forEach((text, i) => storage.setItem(`wayfinder.journal:j1:t${i}`, text));
    const reads = createJourneyJournal(storage, 'j1').readAll();
    expect(reads).toHaveLength(broken.length);
    expect(reads.every((r) => r.status === 'corrupt')).toBe(true);
  });

  it('sets a corrupt entry aside with its text, out of the journal', () => {
    const storage = new MemoryStorage();
    storage.setItem('wayfinder.journal:j1:t1', '{"v":1,"journeyId":"j1","trunc');
    const journal = createJourneyJournal(storage, 'j1');
    const [read] = journal.readAll();
    if (read?.status !== 'corrupt') throw new Error('expected a corrupt read');
    journal.setAside(read);
    expect(journal.readAll()).toEqual([]);
    expect(journal.setAsideTexts()).toEqual([
      { key: expect.any(String), text: '{"v":1,"journeyId":"j1","trunc' },
    ]);
  });
});

describe('journal replay rules', () => {
  const readsOf = (storage: MemoryStorage) => createJourneyJournal(storage, 'j1').readAll();

  it('opens what is stored when there is no journal', () => {
    expect(decideOpen(stored('Saved', 3), [])).toMatchObject({ kind: 'stored', discard: [] });
  });

  it('replays an entry made on the stored revision (the edit the reload cut off)', () => {
    const storage = new MemoryStorage();
    entryFor(storage, 't', 3, 'Unsaved edit', AT);
    const decision = decideOpen(stored('Saved', 3), readsOf(storage));
    expect(decision.kind).toBe('replay');
    if (decision.kind === 'replay') expect(decision.entry.document.name).toBe('Unsaved edit');
  });

  it('never applies an entry made on another revision: that is a conflict', () => {
    const storage = new MemoryStorage();
    entryFor(storage, 't', 2, 'Made on revision 2', AT);
    expect(decideOpen(stored('Revision 3 from another tab', 3), readsOf(storage)).kind).toBe(
      'conflict',
    );
    // Or on a revision newer than the store's (the database was replaced).
    expect(decideOpen(stored('Restored backup', 1), readsOf(storage)).kind).toBe('conflict');
  });

  it('is a conflict when the journey is no longer stored', () => {
    const storage = new MemoryStorage();
    entryFor(storage, 't', 2, 'Edited', AT);
    expect(decideOpen(undefined, readsOf(storage)).kind).toBe('conflict');
  });

  it('discards an entry whose change is already stored (the tab closed before clearing it)', () => {
    const storage = new MemoryStorage();
    entryFor(storage, 't', 2, 'Saved', AT);
    const saved = {
      document: { ...doc('Saved'), updatedAt: new Date(AT + 500).toISOString() },
      revision: 3,
    };
    const decision = decideOpen(saved, readsOf(storage));
    expect(decision.kind).toBe('stored');
    expect(decision.discard).toHaveLength(1);
  });

  it('sets corrupt entries aside and still replays a good one', () => {
    const storage = new MemoryStorage();
    storage.setItem('wayfinder.journal:j1:bad', 'not json');
    entryFor(storage, 'good', 3, 'Good edit', AT);
    const decision = decideOpen(stored('Saved', 3), readsOf(storage));
    expect(decision.kind).toBe('replay');
    expect(decision.setAside.map((r) => r.key)).toEqual(['wayfinder.journal:j1:bad']);
  });

  it('holds over any journal: replays only from the stored revision, never drops a differing edit', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ base: fc.integer({ min: 0, max: 5 }), name: fc.string(), at: fc.nat() }),
          {
            maxLength: 4,
          },
        ),
        fc.integer({ min: 1, max: 5 }),
        (entries, revision) => {
          const storage = new MemoryStorage();
          entries.forEach((e, i) => entryFor(storage, `t${i}`, e.base, e.name, e.at));
          const decision = decideOpen(stored('Stored', revision), readsOf(storage));
          const differing = okReads(readsOf(storage)).filter((e) => e.document.name !== 'Stored');
          if (decision.kind === 'replay') expect(decision.entry.baseRevision).toBe(revision);
          if (differing.length > 0) expect(decision.kind).not.toBe('stored');
          expect(decision.discard.length).toBe(okReads(readsOf(storage)).length - differing.length);
        },
      ),
      { seed: 1201, numRuns: 300 },
    );
  });
});
