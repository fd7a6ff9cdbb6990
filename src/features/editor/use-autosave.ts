import { useEffect, useState } from 'react';
import type { JourneyDocument } from '../../domain/index.ts';
import type { EditorStore } from '../../editor/index.ts';

export type SaveState =
  { status: 'saved'; at: number } | { status: 'saving' } | { status: 'error'; message: string };

/** How long edits settle before they are written; a reload loses at most this much work. */
export const AUTOSAVE_DELAY_MS = 300;

/**
 * Writes the document to storage shortly after every change, and at once when the page is
 * hidden or closed. Returns the visible save state.
 */
export function useAutosave(
  store: EditorStore,
  save: (document: JourneyDocument) => Promise<void>,
): SaveState {
  const [state, setState] = useState<SaveState>({ status: 'saved', at: Date.now() });

  useEffect(() => {
    // The document last handed to `save`; null after a failed write, so the next flush retries.
    let saved: JourneyDocument | null = store.getState().document;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let writing: Promise<void> = Promise.resolve();

    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      const current = store.getState().document;
      if (current === saved) return;
      saved = current;
      const document: JourneyDocument = { ...current, updatedAt: new Date().toISOString() };
      writing = writing
        .then(() => save(document))
        .then(
          () => {
            if (timer === undefined && store.getState().document === saved) {
              setState({ status: 'saved', at: Date.now() });
            }
          },
          (error: unknown) => {
            if (saved === current) saved = null;
            setState({
              status: 'error',
              message: error instanceof Error ? error.message : String(error),
            });
          },
        );
    };

    const unsubscribe = store.subscribe(() => {
      if (store.getState().document === saved) return;
      setState((s) => (s.status === 'saving' ? s : { status: 'saving' }));
      clearTimeout(timer);
      timer = setTimeout(flush, AUTOSAVE_DELAY_MS);
    });
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHide);
      flush();
    };
  }, [store, save]);

  return state;
}
