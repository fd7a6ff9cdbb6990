import type { WayfinderDb } from './db';
import { foregroundRead } from './foreground-reads';
import { yieldToMessages } from './yield-to-messages';
import { packChunk, type PackedChunk } from './packed-chunk';
import { ProfileSetChangedError, readChunkKeys, readChunksByKey } from './profile-chunk-reader';
import { ProfileSetNotFoundError } from './profile-set-errors';
import { ProfileSetTable } from './profile-set-table';
import { profileSetRecordSchema } from './records';

/** Gives the event loop a turn (input, drawing) without setTimeout's 4 ms clamp. */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return yieldToMessages();
}

/** Where a set's packed chunks go as they are read. */
export interface PackedChunkSink {
  chunk(packed: PackedChunk): void;
  /** The set changed while it was read: what came so far is void, and it is read again. */
  restart(): void;
}

/** Reads a set's chunks, packed, in stored order (in a worker in the app: see the repo's options). */
export type TableSource = (setId: string, sink: PackedChunkSink) => Promise<void>;

/**
 * Reads a set's chunks in stored order and packs each (see {@link packChunk}), a few per
 * request; `pause` runs between chunks (a turn for the page, on the main thread). A set
 * replaced, cleared or deleted while it is read is read again, twice at most.
 */
export async function readPackedChunks(
  db: WayfinderDb,
  setId: string,
  sink: PackedChunkSink,
  pause?: () => Promise<void>,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const { set, keys } = await db.transaction('r', db.profileSets, db.profileChunks, async () => {
      const raw = await db.profileSets.get(setId);
      if (raw === undefined) throw new ProfileSetNotFoundError(setId);
      const record = profileSetRecordSchema.parse(raw);
      return { set: record, keys: await readChunkKeys(db, record) };
    });
    try {
      for await (const chunk of readChunksByKey(db, set.id, keys)) {
        sink.chunk(packChunk(chunk));
        await pause?.();
      }
      return;
    } catch (error) {
      if (!(error instanceof ProfileSetChangedError) || attempt >= 2) throw error;
      sink.restart();
    }
  }
}

/** Called with the table as it grows: first after the first stored chunk, then after each. */
export type OnTableRows = (table: ProfileSetTable) => void;

interface Reading {
  setId: string;
  revision: number;
  /** The table being read (replaced when the set changed under the read and it starts over). */
  table?: ProfileSetTable;
  listeners: Set<OnTableRows>;
  complete: boolean;
}

/**
 * Reads profile sets as {@link ProfileSetTable}s for the set page and a profile's page, from
 * `source`, telling who asked as rows arrive. One read per set revision serves every caller,
 * and the last table read is kept for the next.
 */
export function createTableReader(
  revisionOf: (setId: string) => Promise<number>,
  source: TableSource,
) {
  let latest: { reading: Reading; done: Promise<ProfileSetTable> } | undefined;

  async function readAll(reading: Reading): Promise<ProfileSetTable> {
    let table = new ProfileSetTable(reading.setId);
    reading.table = table;
    await source(reading.setId, {
      chunk: (packed) => {
        table.addPacked(packed);
        for (const listener of reading.listeners) listener(table);
      },
      restart: () => {
        table = new ProfileSetTable(reading.setId);
        reading.table = table;
      },
    });
    return table;
  }

  return {
    /** The set's table, whole; `onRows` sees it grow (at once with what is already read). */
    async read(setId: string, onRows?: OnTableRows): Promise<ProfileSetTable> {
      const revision = await revisionOf(setId);
      if (latest?.reading.setId !== setId || latest.reading.revision !== revision) {
        const reading: Reading = { setId, revision, listeners: new Set(), complete: false };
        const entry = {
          reading,
          done: foregroundRead(readAll(reading)).then(
            (table) => {
              reading.complete = true;
              reading.listeners.clear();
              return table;
            },
            (error: unknown) => {
              reading.listeners.clear();
              if (latest === entry) latest = undefined;
              throw error;
            },
          ),
        };
        latest = entry;
      }
      const { reading, done } = latest;
      if (onRows === undefined || reading.complete) return done;
      const current = reading.table;
      if (current !== undefined && current.count > 0) onRows(current);
      reading.listeners.add(onRows);
      return done.finally(() => reading.listeners.delete(onRows));
    },

    /** Drops a kept table (the set was changed or deleted here). */
    forget(setId: string): void {
      if (latest?.reading.setId === setId) latest = undefined;
    },
  };
}
