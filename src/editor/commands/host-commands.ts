import type { CommandInfo } from '../command.ts';

/**
 * Commands whose work is more than a change of the document, so the editor's host carries them
 * out: history travel (the store), the system clipboard, layout (ELK, asynchronous), the viewport
 * and the help dialog. They are registered like the others, so keys, toolbar and help read one list.
 */
export const HOST_COMMANDS = {
  undo: { id: 'undo', label: 'Undo', shortcuts: ['Mod+Z'], toolbar: true },
  redo: { id: 'redo', label: 'Redo', shortcuts: ['Mod+Shift+Z', 'Mod+Y'], toolbar: true },
  cut: { id: 'cut', label: 'Cut', description: 'Cut the selected steps', shortcuts: ['Mod+X'] },
  autoLayout: {
    id: 'autoLayout',
    label: 'Auto-layout',
    description: 'Tidy the layout',
    shortcuts: ['Shift+L'],
    toolbar: true,
  },
  fitView: {
    id: 'fitView',
    label: 'Fit view',
    description: 'Fit the journey in view',
    shortcuts: ['Shift+1'],
    toolbar: true,
  },
  help: {
    id: 'help',
    label: 'Keyboard shortcuts',
    description: 'Show these shortcuts',
    shortcuts: ['?'],
    toolbar: true,
    icon: '?',
  },
} as const satisfies Record<string, CommandInfo>;

export type HostCommandId = keyof typeof HOST_COMMANDS;
