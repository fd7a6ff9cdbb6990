import type { Command, CommandInfo } from '../command.ts';
import { copySelection, duplicateSelection, paste } from './clipboard-commands.ts';
import {
  clearSelection,
  selectAll,
  setLayoutDirection,
  setSelection,
  updateJourneyMeta,
  applyTemplate,
  updateSettings,
} from './journey-commands.ts';
import {
  addStep,
  connect,
  deleteSelection,
  moveSteps,
  nudge,
  updateStepConfig,
  updateStepLabel,
} from './step-commands.ts';
import { HOST_COMMANDS, type HostCommandId } from './host-commands.ts';

/** Every editor command by id; the toolbar, shortcuts, menus and tests all run these. */
export const COMMANDS = {
  deleteSelection,
  copySelection,
  paste,
  duplicateSelection,
  selectAll,
  clearSelection,
  nudge,
  addStep,
  connect,
  moveSteps,
  updateStepConfig,
  updateStepLabel,
  updateSettings,
  updateJourneyMeta,
  setSelection,
  setLayoutDirection,
  applyTemplate,
} as const;

export type CommandId = keyof typeof COMMANDS;

/** The argument type of a command (`void` when it takes none). */
export type CommandArgs<K extends CommandId> =
  (typeof COMMANDS)[K] extends Command<infer A> ? A : never;

/** The command registered under an id. */
export function getCommand<K extends CommandId>(id: K): Command<CommandArgs<K>> {
  return COMMANDS[id] as unknown as Command<CommandArgs<K>>;
}

/** Every command a user can reach, by id: the document commands and the host's. */
export type RegisteredCommandId = CommandId | HostCommandId;

const {
  undo,
  redo,
  cut,
  addStepAfter,
  goToStep,
  autoLayout,
  layoutRight,
  layoutDown,
  findStep,
  fitView,
  togglePalette,
  toggleSidePanel,
  help,
} = HOST_COMMANDS;

/**
 * Every registered command in the order the help dialog lists them and the toolbar shows them:
 * the keyboard map, the toolbar and the help dialog are all read from this list.
 */
export const REGISTERED_COMMANDS: readonly (CommandInfo & { id: RegisteredCommandId })[] = [
  undo,
  redo,
  cut,
  addStepAfter,
  goToStep,
  // Each command is registered under its own id (tests/unit/editor/command-registry.test.ts).
  ...(Object.values(COMMANDS) as (CommandInfo & { id: CommandId })[]),
  autoLayout,
  layoutRight,
  layoutDown,
  findStep,
  fitView,
  togglePalette,
  toggleSidePanel,
  help,
];

/** Whether an id names a command the host carries out (not a document command). */
export function isHostCommand(id: RegisteredCommandId): id is HostCommandId {
  return Object.hasOwn(HOST_COMMANDS, id);
}
