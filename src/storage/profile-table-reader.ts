import type { WayfinderDb } from './db';
import { type ChunkKey, ProfileSetChangedError, readChunksByKey } from './profile-chunk-reader';
import { ProfileSetTable } from './profile-set-table';
import type { ProfileSetRecord } from './records';

/** Gives the event loop a turn (input, drawing) without setTimeout's 4 ms clamp. */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
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
 * Reads profile sets as {@link ProfileSetTable}s for the set page and a profile's page: a chunk
 * at a time, with a turn for the page between chunks, telling who asked as rows arrive. One read
 * per set revision serves every caller, and the last table read is kept for the next.
 */
export function createTableReader(
  db: WayfinderDb,
  revisionOf: (setId: string) => Promise<number>,
  snapshot: (setId: string) => Promise<{ set: ProfileSetRecord; keys: ChunkKey[] }>,
) {
  let latest: { reading: Reading; done: Promise<ProfileSetTable> } | undefined;

  async function readAll(reading: Reading): Promise<ProfileSetTable> {
    for (let attempt = 0; ; attempt++) {
      const { set, keys } = await snapshot(reading.setId);
      const table = new ProfileSetTable(set.id);
      reading.table = table;
      reading.revision = set.revision;
      try {
        for await (const chunk of readChunksByKey(db, set.id, keys)) {
          table.add(chunk);
          for (const listener of reading.listeners) listener(table);
          await nextTask();
        }
        return table;
      } catch (error) {
        // Changed while read (an import landed): read the new version, unless it keeps changing.
        if (!(error instanceof ProfileSetChangedError) || attempt >= 2) throw error;
      }
    }
  }

  return {
    /** The set's table, whole; `onRows` sees it grow (at once with what is already read). */
    async read(setId: string, onRows?: OnTableRows): Promise<ProfileSetTable> {
      const revision = await revisionOf(setId);
      if (latest?.reading.setId !== setId || latest.reading.revision !== revision) {
        const reading: Reading = { setId, revision, listeners: new Set(), complete: false };
        const entry = {
          reading,
          done: readAll(reading).then(
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
