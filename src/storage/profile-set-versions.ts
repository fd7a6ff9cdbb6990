import { liveQuery } from 'dexie';
import type { WayfinderDb } from './db.ts';

/** A complete stored set as caches of its profiles see it. */
export interface ProfileSetVersion {
  setId: string;
  /** The set's `updatedAt` as text: changed by every write to the set. */
  version: string;
  count: number;
}

/**
 * Calls `onChange` with every complete set (an import still writing its first version is left
 * out) now and after each change to the sets, from this tab, another tab or a worker (Dexie's
 * live queries hear of those over BroadcastChannel). Returns a function that stops watching.
 */
export function watchProfileSetVersions(
  db: WayfinderDb,
  onChange: (sets: ProfileSetVersion[]) => void,
): () => void {
  const subscription = liveQuery(async () =>
    (await db.profileSets.toArray())
      .filter((set) => set.incomplete !== true)
      .map((set) => ({ setId: set.id, version: String(set.updatedAt), count: set.count })),
  ).subscribe({
    next: onChange,
    // A failed read only stops the watching: the profile page still fits what it needs.
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}
