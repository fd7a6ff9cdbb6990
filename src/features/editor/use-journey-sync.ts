import { useEffect, useState, useSyncExternalStore } from 'react';
import type { EditorStore } from '../../editor/index.ts';
import {
  createJourneySync,
  type JourneySync,
  type SyncDeps,
  type SyncStart,
  type SyncState,
} from './journey-sync.ts';

/**
 * Runs the journey's sync (journal, compare-and-set autosave, changes from other tabs) while the
 * editor is open: writes at once when the page is hidden or closed, and asks before leaving
 * while anything is not yet in IndexedDB.
 */
export function useJourneySync(
  store: EditorStore,
  start: SyncStart,
  deps: SyncDeps,
): { state: SyncState; sync: JourneySync } {
  // Created once per open editor: the store, start and deps belong to that one journey.
  const [sync] = useState(() => createJourneySync(store, start, deps));
  const state = useSyncExternalStore(sync.subscribe, sync.getState);

  useEffect(() => {
    const stop = sync.start();
    const onHide = () => {
      if (document.visibilityState === 'hidden') sync.flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      sync.flush();
      if (!sync.hasPendingChanges()) return;
      event.preventDefault();
      // Older Chromium shows the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('pagehide', sync.flush);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', sync.flush);
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onHide);
      stop();
    };
  }, [sync]);

  return { state, sync };
}
