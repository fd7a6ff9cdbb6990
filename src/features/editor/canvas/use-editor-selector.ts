import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { EditorState, EditorStore, HistoryStatus } from '../../../editor/index.ts';

/**
 * Reads a slice of the editor state and re-renders only when that slice changes (by `isEqual`,
 * `Object.is` by default), so editing one step does not redraw every subscriber.
 */
export function useEditorSelector<T>(
  store: EditorStore,
  selector: (state: EditorState) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  const cache = useRef<{ state: EditorState; value: T } | undefined>(undefined);
  const getSnapshot = useCallback(() => {
    const state = store.getState();
    const last = cache.current;
    if (last !== undefined && last.state === state) return last.value;
    const value = selector(state);
    if (last !== undefined && isEqual(last.value, value)) {
      cache.current = { state, value: last.value };
      return last.value;
    }
    cache.current = { state, value };
    return value;
  }, [store, selector, isEqual]);
  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot);
}

/** Undo/redo availability for the toolbar. */
export function useHistoryStatus(store: EditorStore): HistoryStatus {
  return useSyncExternalStore(store.subscribe, store.getHistoryStatus, store.getHistoryStatus);
}
