import { useIntl, type IntlShape } from 'react-intl';
import { Panel } from '@xyflow/react';
import {
  REGISTERED_COMMANDS,
  formatShortcut,
  isMacPlatform,
  type EditorStore,
  type HistoryStatus,
  type RegisteredCommandId,
} from '../../../editor/index.ts';
import { commandLabel } from '../command-words.ts';
import type { RunCommand } from './command-runner.ts';
import { useHistoryStatus } from './use-editor-selector.ts';

export interface CanvasToolbarProps {
  store: EditorStore;
  run: RunCommand;
  /** Toggles and choices that are on now (the palette shown, the journey's direction). */
  pressed?: Partial<Record<RegisteredCommandId, boolean>>;
}

/** The commands registered for the toolbar, in registry order. */
const TOOLBAR_COMMANDS = REGISTERED_COMMANDS.filter((command) => command.toolbar === true);

function disabled(id: RegisteredCommandId, history: HistoryStatus): boolean {
  if (id === 'undo') return !history.canUndo;
  if (id === 'redo') return !history.canRedo;
  return false;
}

/** The hover text: what undo or redo would change, else the label and its first key. */
function title(
  intl: IntlShape,
  command: (typeof TOOLBAR_COMMANDS)[number],
  history: HistoryStatus,
  mac: boolean,
): string {
  const what =
    command.id === 'undo'
      ? history.undoCommand
      : command.id === 'redo'
        ? history.redoCommand
        : undefined;
  const label = commandLabel(intl, command.id);
  const name =
    what !== undefined
      ? intl.formatMessage(
          { id: 'editor.canvas-toolbar.whatItDoes' },
          { command: label, what: commandLabel(intl, what).toLocaleLowerCase(intl.locale) },
        )
      : label;
  const key = command.shortcuts?.[0];
  const shift = intl.formatMessage({ id: 'editor.key.shift' });
  return key === undefined ? name : `${name} (${formatShortcut(key, mac, shift)})`;
}

/** The registered toolbar commands: undo, redo, auto-layout, fit view and the shortcuts overlay. */
export function CanvasToolbar({ store, run, pressed = {} }: CanvasToolbarProps) {
  const intl = useIntl();
  const history = useHistoryStatus(store);
  const mac = typeof navigator !== 'undefined' && isMacPlatform(navigator.platform);
  return (
    <Panel
      position="top-left"
      className="canvas-toolbar"
      role="toolbar"
      aria-label={intl.formatMessage({ id: 'editor.canvas-toolbar.canvasTools' })}
    >
      {TOOLBAR_COMMANDS.map((command) => (
        <button
          key={command.id}
          type="button"
          className="btn btn-sm"
          disabled={disabled(command.id, history)}
          onClick={() => run(command.id)}
          title={title(intl, command, history, mac)}
          {...(command.icon !== undefined ? { 'aria-label': commandLabel(intl, command.id) } : {})}
          {...(pressed[command.id] !== undefined ? { 'aria-pressed': pressed[command.id] } : {})}
        >
          {command.icon ?? commandLabel(intl, command.id)}
        </button>
      ))}
    </Panel>
  );
}
