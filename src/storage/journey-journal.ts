import { z } from 'zod';
import type { JourneyDocument } from '../domain/index.ts';
import { revisionSchema } from './records.ts';
import { safeRestore } from './safe-restore.ts';

/**
 * The write-ahead journal of the editor: every change to a journey is written here at once,
 * synchronously (localStorage), before the debounced IndexedDB save, and cleared when that save
 * lands. A reload or close in between loses nothing: the next open replays it (see
 * `journal-replay.ts`). One entry per journey and tab, so two tabs never write over each other.
 */

const PREFIX = 'wayfinder.journal:';
const SET_ASIDE_PREFIX = 'wayfinder.journal-unreadable:';

/** The version of an entry's shape. */
export const JOURNAL_VERSION = 1;

const entrySchema = z.object({
  v: z.literal(JOURNAL_VERSION),
  journeyId: z.string().min(1),
  tabId: z.string().min(1),
  /** The stored revision the document was edited from. */
  baseRevision: z.union([revisionSchema, z.literal(0)]),
  writtenAt: z.number(),
  document: z.unknown(),
});

/** A journalled change, its document restored. */
export interface JournalEntry {
  key: string;
  journeyId: string;
  tabId: string;
  /** 0 when the journey was not stored when the edit was made. */
  baseRevision: number;
  writtenAt: number;
  document: JourneyDocument;
}

/** A journal entry as read: usable, or corrupt (kept as text so it can be set aside). */
export type JournalRead =
  | { status: 'ok'; entry: JournalEntry }
  | { status: 'corrupt'; key: string; tabId: string; text: string };

/** The part of the Web Storage API the journal uses (tests pass their own). */
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const keyOf = (journeyId: string, tabId: string) =>
  `${PREFIX}${encodeURIComponent(journeyId)}:${tabId}`;

function parse(key: string, tabId: string, text: string): JournalRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { status: 'corrupt', key, tabId, text };
  }
  const entry = entrySchema.safeParse(json);
  if (!entry.success) return { status: 'corrupt', key, tabId, text };
  const restored = safeRestore(entry.data.document);
  if (!restored.ok || restored.document.id !== entry.data.journeyId) {
    return { status: 'corrupt', key, tabId, text };
  }
  const { journeyId, baseRevision, writtenAt } = entry.data;
  return {
    status: 'ok',
    entry: {
      key,
      journeyId,
      tabId: entry.data.tabId,
      baseRevision,
      writtenAt,
      document: restored.document,
    },
  };
}

/** The journal of one journey in one storage. */
export function createJourneyJournal(storage: JournalStorage, journeyId: string) {
  const prefix = `${PREFIX}${encodeURIComponent(journeyId)}:`;
  return {
    /**
     * Records the editor's document, edited from `baseRevision`. Returns false when it could
     * not be written (storage full or blocked): the IndexedDB save still runs.
     */
    write(
      tabId: string,
      baseRevision: number,
      document: JourneyDocument,
      writtenAt: number,
    ): boolean {
      const entry = { v: JOURNAL_VERSION, journeyId, tabId, baseRevision, writtenAt, document };
      try {
        storage.setItem(keyOf(journeyId, tabId), JSON.stringify(entry));
        return true;
      } catch {
        return false;
      }
    },
    /** Every entry for this journey, from any tab, newest first; corrupt ones last. */
    readAll(): JournalRead[] {
      const reads: JournalRead[] = [];
      for (let i = 0; i < storage.length; i += 1) {
        const key = storage.key(i);
        if (key === null || !key.startsWith(prefix)) continue;
        const text = storage.getItem(key);
        if (text !== null) reads.push(parse(key, key.slice(prefix.length), text));
      }
      const time = (r: JournalRead) => (r.status === 'ok' ? r.entry.writtenAt : -Infinity);
      return reads.sort((a, b) => time(b) - time(a));
    },
    /** Removes this tab's entry (its change is saved). */
    clear(tabId: string): void {
      storage.removeItem(keyOf(journeyId, tabId));
    },
    /** Removes an entry by its key (one adopted from a closed tab, or already stored). */
    remove(key: string): void {
      storage.removeItem(key);
    },
    /** Moves an unreadable entry out of the journal, keeping its text for the user. */
    setAside(read: Extract<JournalRead, { status: 'corrupt' }>): void {
      try {
        storage.setItem(
          `${SET_ASIDE_PREFIX}${encodeURIComponent(journeyId)}:${read.tabId}`,
          read.text,
        );
        storage.removeItem(read.key);
      } catch {
        // Storage is full: leave the entry where it is rather than lose its text.
      }
    },
    /** Texts of entries set aside as unreadable, by key. */
    setAsideTexts(): { key: string; text: string }[] {
      const out: { key: string; text: string }[] = [];
      const asidePrefix = `${SET_ASIDE_PREFIX}${encodeURIComponent(journeyId)}:`;
      for (let i = 0; i < storage.length; i += 1) {
        const key = storage.key(i);
        const text = key?.startsWith(asidePrefix) === true ? storage.getItem(key) : null;
        if (key !== null && text !== null) out.push({ key, text });
      }
      return out;
    },
  };
}

/** One journey's journal. */
export type JourneyJournal = ReturnType<typeof createJourneyJournal>;
