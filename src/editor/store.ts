import { randomId, type IdGenerator, type JourneyDocument } from '../domain/index.ts';
import type { CommandContext, CommandRefused, RecordPolicy } from './command.ts';
import { getCommand, type CommandArgs, type CommandId } from './commands/registry.ts';
import {
  createEditorState,
  pruneSelection,
  sameSelection,
  type EditorState,
} from './editor-state.ts';
import * as history from './history.ts';

export interface DispatchOptions {
  /** Overrides the command's capture policy (a drag moves with `settle`, then calls `settle()`). */
  record?: RecordPolicy;
  /** Overrides the command's coalesce key. */
  coalesceKey?: string;
  /** How long a settling entry keeps merging; a drag passes `Infinity` and settles at the drop. */
  settleMs?: number;
}

export type DispatchResult = { ok: true; changed: boolean; output?: string } | CommandRefused;

/** What the toolbar needs to know about history. A new object only when something changes. */
export interface HistoryStatus {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel?: string;
  redoLabel?: string;
  /** The commands undo and redo would reverse or repeat (their ids), for the app to name. */
  undoCommand?: string;
  redoCommand?: string;
}

type DispatchRest<K extends CommandId> = [CommandArgs<K>] extends [void]
  ? [args?: undefined, options?: DispatchOptions]
  : [args: CommandArgs<K>, options?: DispatchOptions];

/** A small external store (works with `useSyncExternalStore`) holding the editor state and its history. */
export interface EditorStore {
  getState(): EditorState;
  getHistoryStatus(): HistoryStatus;
  subscribe(listener: () => void): () => void;
  /** Runs a registered command and records it per its capture policy. */
  dispatch<K extends CommandId>(id: K, ...rest: DispatchRest<K>): DispatchResult;
  /** Whether a command can run in the current state. */
  isEnabled(id: CommandId): boolean;
  undo(): boolean;
  redo(): boolean;
  /** Closes a settling history entry (the end of a drag, leaving a field). */
  settle(): void;
  /** Replaces the document without recording and clears history (opening a journey). */
  load(document: JourneyDocument): void;
}

export interface EditorStoreOptions {
  newId?: IdGenerator;
  now?: () => number;
  settleMs?: number;
}

function statusOf(h: history.History): HistoryStatus {
  const u = h.undo[h.undo.length - 1];
  const r = h.redo[h.redo.length - 1];
  return {
    canUndo: u !== undefined,
    canRedo: r !== undefined,
    ...(u !== undefined ? { undoLabel: u.label } : {}),
    ...(r !== undefined ? { redoLabel: r.label } : {}),
    ...(u?.commandId !== undefined ? { undoCommand: u.commandId } : {}),
    ...(r?.commandId !== undefined ? { redoCommand: r.commandId } : {}),
  };
}

function sameStatus(a: HistoryStatus, b: HistoryStatus): boolean {
  return (
    a.canUndo === b.canUndo &&
    a.canRedo === b.canRedo &&
    a.undoLabel === b.undoLabel &&
    a.redoLabel === b.redoLabel &&
    a.undoCommand === b.undoCommand &&
    a.redoCommand === b.redoCommand
  );
}

/** Creates the editor store for a document. */
export function createEditorStore(
  document: JourneyDocument,
  options: EditorStoreOptions = {},
): EditorStore {
  const context: CommandContext = {
    newId: options.newId ?? randomId,
    now: options.now ?? Date.now,
  };
  let state = createEditorState(document);
  let past: history.History = history.EMPTY_HISTORY;
  let status = statusOf(past);
  const listeners = new Set<() => void>();

  const commit = (nextState: EditorState, nextHistory: history.History): void => {
    const nextStatus = statusOf(nextHistory);
    const statusChanged = !sameStatus(status, nextStatus);
    if (statusChanged) status = nextStatus;
    past = nextHistory;
    if (nextState === state && !statusChanged) return;
    state = nextState;
    for (const listener of [...listeners]) listener();
  };

  const travel = (step: typeof history.undo, pick: 'before' | 'after'): boolean => {
    const moved = step(history.settle(past));
    if (moved === undefined) return false;
    const target = moved.entry[pick];
    commit(
      { document: target.document, selection: pruneSelection(target.document, target.selection) },
      moved.history,
    );
    return true;
  };

  return {
    getState: () => state,
    getHistoryStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch(id, ...[args, dispatchOptions]) {
      const command = getCommand(id);
      const result = command.perform(state, args as CommandArgs<typeof id>, context);
      if (!result.ok) return result;
      const changed = result.state.document !== state.document;
      const unchanged = !changed && sameSelection(result.state.selection, state.selection);
      const nextState = unchanged ? state : result.state;
      const nextHistory = changed
        ? history.record(past, {
            label: command.label,
            commandId: command.id,
            before: state,
            after: result.state,
            policy: dispatchOptions?.record ?? result.record ?? command.record,
            coalesceKey: dispatchOptions?.coalesceKey ?? result.coalesceKey ?? command.id,
            now: context.now(),
            settleMs: dispatchOptions?.settleMs ?? options.settleMs,
          })
        : past;
      commit(nextState, nextHistory);
      return {
        ok: true,
        changed,
        ...(result.output !== undefined ? { output: result.output } : {}),
      };
    },
    isEnabled: (id) => getCommand(id).enabled(state),
    undo: () => travel(history.undo, 'before'),
    redo: () => travel(history.redo, 'after'),
    settle: () => commit(state, history.settle(past)),
    load(next) {
      commit(createEditorState(next), history.EMPTY_HISTORY);
    },
  };
}
