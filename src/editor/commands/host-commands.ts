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
  addStepAfter: {
    id: 'addStepAfter',
    label: 'Add a step after',
    description: 'Add a step after the selected one (a trigger when the journey has none)',
    shortcuts: ['A'],
  },
  goToStep: {
    id: 'goToStep',
    label: 'Go to a step',
    description: 'Go along the arrows to the next, previous or neighbouring step',
    shortcuts: ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'],
  },
  autoLayout: {
    id: 'autoLayout',
    label: 'Auto-layout',
    description: 'Tidy the layout',
    shortcuts: ['Shift+L'],
    toolbar: true,
  },
  layoutRight: {
    id: 'layoutRight',
    label: 'Lay out left to right',
    shortcuts: ['Shift+R'],
    toolbar: true,
    icon: '→',
  },
  layoutDown: {
    id: 'layoutDown',
    label: 'Lay out top to bottom',
    shortcuts: ['Shift+D'],
    toolbar: true,
    icon: '↓',
  },
  findStep: {
    id: 'findStep',
    label: 'Find a step',
    description: 'Find a step by its name, kind or id, and go to it',
    shortcuts: ['Mod+F'],
    toolbar: true,
    icon: '⌕',
  },
  fitView: {
    id: 'fitView',
    label: 'Fit view',
    description: 'Fit the journey in view',
    shortcuts: ['Shift+1'],
    toolbar: true,
  },
  togglePalette: {
    id: 'togglePalette',
    label: 'Step palette',
    description: 'Show or hide the step palette',
    shortcuts: ['Shift+P'],
    toolbar: true,
    icon: '☰',
  },
  toggleSidePanel: {
    id: 'toggleSidePanel',
    label: 'Side panel',
    description: 'Show or hide the settings and problems panel',
    shortcuts: ['Shift+S'],
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
