import type { LayoutDirection } from '../domain/index.ts';
import { refuse } from './command.ts';
import { layoutJourney, type Size } from './auto-layout.ts';
import type { DispatchResult, EditorStore } from './store.ts';

/**
 * Lays the journey out and applies it as one undoable move; with a `direction`, the journey is
 * drawn that way from now on (the direction and the move are one change). If the document
 * changed while ELK was working, the stale layout is dropped.
 */
export async function runAutoLayout(
  store: EditorStore,
  sizes: Readonly<Record<string, Size>> = {},
  direction?: LayoutDirection,
): Promise<DispatchResult> {
  const document = store.getState().document;
  const positions = await layoutJourney(
    direction === undefined ? document : { ...document, layoutDirection: direction },
    sizes,
  );
  if (store.getState().document !== document)
    return refuse('changed-during-layout', 'The journey changed during layout; try again.');
  if (direction !== undefined)
    return store.dispatch('setLayoutDirection', { direction, positions });
  return store.dispatch('moveSteps', { positions }, { record: 'now', coalesceKey: 'autoLayout' });
}
