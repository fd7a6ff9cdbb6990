import { layoutJourney, type Size } from './auto-layout.ts';
import type { DispatchResult, EditorStore } from './store.ts';

/**
 * Lays the journey out and applies it as one undoable move. If the document changed while ELK
 * was working, the stale layout is dropped.
 */
export async function runAutoLayout(
  store: EditorStore,
  sizes: Readonly<Record<string, Size>> = {},
): Promise<DispatchResult> {
  const document = store.getState().document;
  const positions = await layoutJourney(document, sizes);
  if (store.getState().document !== document)
    return { ok: false, reason: 'The journey changed during layout; try again.' };
  return store.dispatch('moveSteps', { positions }, { record: 'now', coalesceKey: 'autoLayout' });
}
