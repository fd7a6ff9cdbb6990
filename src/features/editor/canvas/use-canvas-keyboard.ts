import { useEffect, type RefObject } from 'react';
import { isMacPlatform, matchShortcut, type EditorStore } from '../../../editor/index.ts';
import type { RunCommand } from './command-runner.ts';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Whether a key press belongs to the canvas: focus inside it, or on nothing in particular. */
function forCanvas(event: KeyboardEvent, wrapper: HTMLElement | null): boolean {
  if (event.defaultPrevented || isEditable(event.target) || wrapper === null) return false;
  const target = event.target;
  if (target === document.body || target === document.documentElement) return true;
  if (!(target instanceof Element) || target.closest('[role="menu"]') !== null) return false;
  // Escape clears the selection from a page button too (where a dialog gives focus back), as it
  // ends a comparison: the selection stays its first layer. Dialogs take their own Escape.
  return (
    wrapper.contains(target) ||
    (event.key === 'Escape' && target.closest('[role="dialog"]') === null)
  );
}

/**
 * The canvas's keyboard shortcuts, read from the registered commands; listening on the document
 * so they work after a click on the empty canvas too, but never while typing in a field.
 */
export function useCanvasKeyboard(
  store: EditorStore,
  wrapperRef: RefObject<HTMLElement | null>,
  run: RunCommand,
  onEditStep?: (stepId: string) => void,
): void {
  useEffect(() => {
    const mac = isMacPlatform(navigator.platform);
    const onKeyDown = (event: KeyboardEvent) => {
      // Ctrl/⌘+F finds a step from anywhere in the editor, a field included, as the peers'
      // editors do; inside a dialog it is left to the browser.
      if (
        !event.defaultPrevented &&
        matchShortcut(event, mac)?.action === 'findStep' &&
        !(event.target instanceof Element && event.target.closest('[role="dialog"]') !== null)
      ) {
        event.preventDefault();
        run('findStep');
        return;
      }
      if (!forCanvas(event, wrapperRef.current)) return;
      const target = event.target instanceof Element ? event.target : null;
      const node = target?.classList.contains('react-flow__node') === true ? target : null;
      if (node !== null && (event.key === 'Enter' || event.key === ' ')) {
        const id = node.getAttribute('data-id');
        if (id !== null) {
          const { stepIds: selected } = store.getState().selection;
          event.preventDefault();
          // Enter on the one selected step goes on to its settings.
          if (
            event.key === 'Enter' &&
            !event.shiftKey &&
            selected.length === 1 &&
            selected[0] === id
          ) {
            onEditStep?.(id);
            return;
          }
          const stepIds = event.shiftKey ? [...selected, id] : [id];
          store.dispatch('setSelection', { stepIds });
        }
        return;
      }
      const match = matchShortcut(event, mac);
      if (match !== undefined && run(match.action, match.delta)) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store, wrapperRef, run, onEditStep]);
}
