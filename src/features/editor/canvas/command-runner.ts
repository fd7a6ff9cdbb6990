import {
  isHostCommand,
  type EditorStore,
  type HostCommandId,
  type RegisteredCommandId,
} from '../../../editor/index.ts';
import type { LayoutDirection } from '../../../domain/index.ts';
import { readClipboardText, writeClipboardText } from './system-clipboard.ts';

/** What the canvas does for the commands the store cannot do alone. */
export interface CanvasCommandHost {
  showHelp(): void;
  autoLayout(): void;
  /** Sets the journey's direction and lays it out that way. */
  layout(direction: LayoutDirection): void;
  /** Opens the insert menu after the selected step, or the trigger menu on an empty journey. */
  addStepAfter(): boolean;
  /** Moves focus to the step an arrow key points at; false when there is none. */
  goToStep(arrow: { dx: number; dy: number }): boolean;
  togglePalette(): void;
  toggleSidePanel(): void;
  fitView(): void;
  /** Opens "find a step". */
  findStep(): void;
  paste(text: string): void;
  /** Tells screen readers the selection went to the clipboard. */
  announceClipboard(action: 'copied' | 'cut'): void;
}

/** Runs a registered command by id; false when it did nothing (a key press is then left alone). */
export type RunCommand = (id: RegisteredCommandId, delta?: { dx: number; dy: number }) => boolean;

/**
 * Runs registered commands for the keyboard map and the toolbar alike: the host's commands
 * through the canvas, the document's through the store. `host()` is read at each run, so the
 * runner can be made once while the canvas's callbacks change.
 */
export function createCommandRunner(store: EditorStore, host: () => CanvasCommandHost): RunCommand {
  const copy = (then: 'keep' | 'delete'): boolean => {
    const copied = store.dispatch('copySelection');
    if (!copied.ok || copied.output === undefined) return false;
    void writeClipboardText(copied.output);
    if (then === 'delete') store.dispatch('deleteSelection');
    host().announceClipboard(then === 'delete' ? 'cut' : 'copied');
    return true;
  };
  const hostCommands: Record<HostCommandId, () => boolean> = {
    undo: () => (store.undo(), true),
    redo: () => (store.redo(), true),
    cut: () => copy('delete'),
    autoLayout: () => (host().autoLayout(), true),
    layoutRight: () => (host().layout('right'), true),
    layoutDown: () => (host().layout('down'), true),
    addStepAfter: () => host().addStepAfter(),
    goToStep: () => false, // needs the arrow: run below
    togglePalette: () => (host().togglePalette(), true),
    toggleSidePanel: () => (host().toggleSidePanel(), true),
    fitView: () => (host().fitView(), true),
    findStep: () => (host().findStep(), true),
    help: () => (host().showHelp(), true),
  };
  return (id, delta) => {
    if (id === 'goToStep') return delta !== undefined && host().goToStep(delta);
    if (isHostCommand(id)) return hostCommands[id]();
    switch (id) {
      case 'copySelection':
        return copy('keep');
      case 'paste':
        void readClipboardText().then((text) => host().paste(text));
        return true;
      case 'nudge':
        if (delta === undefined || store.getState().selection.stepIds.length === 0) return false;
        store.dispatch('nudge', delta);
        return true;
      case 'deleteSelection':
      case 'duplicateSelection':
      case 'selectAll':
      case 'clearSelection':
        // Escape with nothing selected is left to the browser (it closes menus and dialogs).
        if (!store.isEnabled(id)) return id !== 'clearSelection';
        store.dispatch(id);
        return true;
      default:
        // Commands that need arguments (add, connect, edit) are run by their own controls.
        return false;
    }
  };
}
