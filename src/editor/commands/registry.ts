import type { Command } from '../command.ts';
import { copySelection, duplicateSelection, paste } from './clipboard-commands.ts';
import {
  clearSelection,
  selectAll,
  setSelection,
  updateJourneyMeta,
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

/** Every editor command by id; the toolbar, shortcuts, menus and tests all run these. */
export const COMMANDS = {
  addStep,
  connect,
  deleteSelection,
  moveSteps,
  nudge,
  updateStepConfig,
  updateStepLabel,
  copySelection,
  paste,
  duplicateSelection,
  updateSettings,
  updateJourneyMeta,
  setSelection,
  selectAll,
  clearSelection,
} as const;

export type CommandId = keyof typeof COMMANDS;

/** The argument type of a command (`void` when it takes none). */
export type CommandArgs<K extends CommandId> =
  (typeof COMMANDS)[K] extends Command<infer A> ? A : never;

/** The command registered under an id. */
export function getCommand<K extends CommandId>(id: K): Command<CommandArgs<K>> {
  return COMMANDS[id] as unknown as Command<CommandArgs<K>>;
}
