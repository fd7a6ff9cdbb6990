import { useEffect, useRef, type RefObject } from 'react';
import {
  isMacPlatform,
  matchShortcut,
  type EditorStore,
  type ShortcutAction,
} from '../../../editor/index.ts';
import { readClipboardText, writeClipboardText } from './system-clipboard.ts';

export interface CanvasKeyboardActions {
  showHelp(): void;
  autoLayout(): void;
  fitView(): void;
  paste(text: string): void;
  announce(message: string): void;
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Whether a key press belongs to the canvas: focus inside it, or on nothing in particular. */
function forCanvas(event: KeyboardEvent, wrapper: HTMLElement | null): boolean {
  if (event.defaultPrevented || isEditable(event.target) || wrapper === null) return false;
  const target = event.target;
  if (target === document.body || target === document.documentElement) return true;
  return (
    target instanceof Node &&
    wrapper.contains(target) &&
    (target as Element).closest('[role="menu"]') === null
  );
}

/**
 * The canvas's keyboard shortcuts, listening on the document so they work after a click on
 * the empty canvas too, but never while typing in a field.
 */
export function useCanvasKeyboard(
  store: EditorStore,
  wrapperRef: RefObject<HTMLElement | null>,
  actions: CanvasKeyboardActions,
): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const mac = isMacPlatform(navigator.platform);
    const run = (
      action: ShortcutAction,
      delta: { dx: number; dy: number } | undefined,
    ): boolean => {
      const a = latest.current;
      switch (action) {
        case 'undo':
          store.undo();
          return true;
        case 'redo':
          store.redo();
          return true;
        case 'copySelection':
        case 'cut': {
          const copied = store.dispatch('copySelection');
          if (!copied.ok || copied.output === undefined) return false;
          void writeClipboardText(copied.output);
          if (action === 'cut') store.dispatch('deleteSelection');
          a.announce(action === 'cut' ? 'Cut to the clipboard' : 'Copied to the clipboard');
          return true;
        }
        case 'paste':
          void readClipboardText().then((text) => a.paste(text));
          return true;
        case 'nudge':
          if (delta === undefined || store.getState().selection.stepIds.length === 0) return false;
          store.dispatch('nudge', delta);
          return true;
        case 'help':
          a.showHelp();
          return true;
        case 'autoLayout':
          a.autoLayout();
          return true;
        case 'fitView':
          a.fitView();
          return true;
        case 'deleteSelection':
        case 'duplicateSelection':
        case 'selectAll':
        case 'clearSelection':
          if (!store.isEnabled(action)) return action !== 'clearSelection';
          store.dispatch(action);
          return true;
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!forCanvas(event, wrapperRef.current)) return;
      const target = event.target instanceof Element ? event.target : null;
      const node = target?.classList.contains('react-flow__node') === true ? target : null;
      if (node !== null && (event.key === 'Enter' || event.key === ' ')) {
        const id = node.getAttribute('data-id');
        if (id !== null) {
          const stepIds = event.shiftKey ? [...store.getState().selection.stepIds, id] : [id];
          store.dispatch('setSelection', { stepIds });
          event.preventDefault();
        }
        return;
      }
      const match = matchShortcut(event, mac);
      if (match !== undefined && run(match.action, match.delta)) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store, wrapperRef]);
}
