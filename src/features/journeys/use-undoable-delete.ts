import { useCallback, useEffect, useRef, useState } from 'react';

/** How long a deleted journey can be brought back. */
export const UNDO_DELETE_MS = 10_000;

export interface PendingDelete {
  id: string;
  name: string;
  /** The stored revision when the user deleted it: the delete lands only on that revision. */
  revision: number;
}

export interface UndoableDeleteDeps {
  /** The journey's stored revision now; undefined when it is gone. */
  revisionOf(id: string): Promise<number | undefined>;
  /** Deletes at that revision (compare-and-set); false when it changed meanwhile. */
  deleteAt(id: string, revision: number): Promise<boolean>;
  /** The delete did not land: another tab changed the journey, or the browser refused. */
  onNotDeleted(name: string, why: 'changed' | 'failed'): void;
  undoMs?: number;
}

/**
 * Delete with undo: the journey leaves the list at once but stays stored until the undo time
 * runs out (or another delete, or leaving the page, commits it). The final delete is a
 * compare-and-set on the revision the user saw, so an edit made meanwhile in another tab is
 * never deleted with it.
 */
export function useUndoableDelete({
  revisionOf,
  deleteAt,
  onNotDeleted,
  undoMs = UNDO_DELETE_MS,
}: UndoableDeleteDeps) {
  const [pending, setPending] = useState<PendingDelete | null>(null);
  const current = useRef<{ item: PendingDelete; timer: ReturnType<typeof setTimeout> } | null>(
    null,
  );
  const deps = useRef({ deleteAt, onNotDeleted });
  useEffect(() => {
    deps.current = { deleteAt, onNotDeleted };
  });

  const commit = useCallback(() => {
    const held = current.current;
    if (held === null) return;
    clearTimeout(held.timer);
    current.current = null;
    setPending(null);
    const { item } = held;
    deps.current.deleteAt(item.id, item.revision).then(
      (deleted) => {
        if (!deleted) deps.current.onNotDeleted(item.name, 'changed');
      },
      () => deps.current.onNotDeleted(item.name, 'failed'),
    );
  }, []);

  // Leaving the list (opening a journey, say) does what the user asked: the delete lands.
  useEffect(() => commit, [commit]);

  const remove = useCallback(
    async (id: string, name: string) => {
      const revision = await revisionOf(id);
      if (revision === undefined) return;
      commit(); // one undo at a time: the previous delete lands now
      const item = { id, name, revision };
      current.current = { item, timer: setTimeout(commit, undoMs) };
      setPending(item);
    },
    [revisionOf, commit, undoMs],
  );

  const undo = useCallback((): PendingDelete | null => {
    const held = current.current;
    if (held === null) return null;
    clearTimeout(held.timer);
    current.current = null;
    setPending(null);
    return held.item;
  }, []);

  return { pending, remove, undo };
}
