export type {
  Command,
  CommandContext,
  CommandInfo,
  CommandResult,
  RecordPolicy,
} from './command.ts';
export type { EditorState, Selection } from './editor-state.ts';
export { EMPTY_SELECTION, createEditorState, isSelectionEmpty } from './editor-state.ts';
export {
  COMMANDS,
  REGISTERED_COMMANDS,
  getCommand,
  isHostCommand,
  type CommandArgs,
  type CommandId,
  type RegisteredCommandId,
} from './commands/registry.ts';
export { HOST_COMMANDS, type HostCommandId } from './commands/host-commands.ts';
export type { AddStepArgs, ConnectArgs, Point } from './commands/step-commands.ts';
export { STEP_COLUMN } from './commands/step-commands.ts';
export { PASTE_OFFSET } from './commands/clipboard-commands.ts';
export { CLIPBOARD_VERSION, parseClipboard, serialiseSelection } from './clipboard.ts';
export {
  createEditorStore,
  type DispatchOptions,
  type DispatchResult,
  type EditorStore,
  type EditorStoreOptions,
  type HistoryStatus,
} from './store.ts';
export { DEFAULT_SETTLE_MS } from './history.ts';
export { DEFAULT_STEP_SIZE, layoutJourney, type Size } from './auto-layout.ts';
export { runAutoLayout } from './run-auto-layout.ts';
export { freeBranches, stepBranches, stepSummary } from './step-info.ts';
export {
  NUDGE_BIG_STEP,
  NUDGE_STEP,
  SHORTCUTS,
  formatShortcut,
  isMacPlatform,
  matchShortcut,
  type KeyInput,
  type ShortcutAction,
  type ShortcutBinding,
} from './shortcuts.ts';
export {
  compiledRevision,
  createCompileCache,
  type CompiledRevision,
} from './compiled-revision.ts';
export { neighbourStep, type ArrowDirection } from './step-navigation.ts';
export { findSteps } from './step-search.ts';
