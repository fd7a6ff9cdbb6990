import type { RecordPolicy } from './command.ts';
import type { EditorState } from './editor-state.ts';

/** One undoable change: the states before and after it (documents share structure). */
export interface HistoryEntry {
  readonly label: string;
  /** The command that made the change, so the app can name it in the user's language. */
  readonly commandId?: string;
  readonly before: EditorState;
  readonly after: EditorState;
  /** Set on entries still settling (a drag, typing in a field); later updates with the same key merge in. */
  readonly coalesceKey?: string;
  /** When the entry last changed (epoch ms). */
  readonly at: number;
  /** True once a settling entry has been closed. */
  readonly settled: boolean;
}

/** Undo and redo stacks, newest last. Never mutated. */
export interface History {
  readonly undo: readonly HistoryEntry[];
  readonly redo: readonly HistoryEntry[];
}

export const EMPTY_HISTORY: History = Object.freeze({ undo: [], redo: [] });

/** The most entries kept; the oldest fall off. */
export const HISTORY_LIMIT = 200;

/** How long typing in one field keeps merging into the same entry. */
export const DEFAULT_SETTLE_MS = 1000;

export interface RecordInput {
  label: string;
  commandId?: string;
  before: EditorState;
  after: EditorState;
  policy: RecordPolicy;
  coalesceKey?: string;
  now: number;
  settleMs?: number;
}

/** Closes the newest entry if it is still settling. */
export function settle(history: History): History {
  const top = history.undo[history.undo.length - 1];
  if (top === undefined || top.settled) return history;
  return { undo: [...history.undo.slice(0, -1), { ...top, settled: true }], redo: history.redo };
}

/**
 * Applies the capture policy to one document change: `never` leaves history alone; `now` pushes
 * a closed entry; `settle` merges into the newest entry while it has the same key and is
 * younger than `settleMs`, else pushes a new settling entry. Recording clears the redo stack.
 */
export function record(history: History, input: RecordInput): History {
  if (input.policy === 'never') return history;
  const settleMs = input.settleMs ?? DEFAULT_SETTLE_MS;
  const top = history.undo[history.undo.length - 1];
  if (
    input.policy === 'settle' &&
    top !== undefined &&
    !top.settled &&
    top.coalesceKey === input.coalesceKey &&
    input.now - top.at <= settleMs
  ) {
    return {
      undo: [...history.undo.slice(0, -1), { ...top, after: input.after, at: input.now }],
      redo: [],
    };
  }
  const closed = settle(history).undo;
  const entry: HistoryEntry = {
    label: input.label,
    ...(input.commandId !== undefined ? { commandId: input.commandId } : {}),
    before: input.before,
    after: input.after,
    at: input.now,
    settled: input.policy === 'now',
    ...(input.policy === 'settle' ? { coalesceKey: input.coalesceKey ?? '' } : {}),
  };
  return { undo: [...closed, entry].slice(-HISTORY_LIMIT), redo: [] };
}

/** Moves the newest entry to the redo stack; `undefined` when there is nothing to undo. */
export function undo(history: History): { history: History; entry: HistoryEntry } | undefined {
  const top = history.undo[history.undo.length - 1];
  if (top === undefined) return undefined;
  const entry = top.settled ? top : { ...top, settled: true };
  return { history: { undo: history.undo.slice(0, -1), redo: [...history.redo, entry] }, entry };
}

/** Moves the newest undone entry back; `undefined` when there is nothing to redo. */
export function redo(history: History): { history: History; entry: HistoryEntry } | undefined {
  const top = history.redo[history.redo.length - 1];
  if (top === undefined) return undefined;
  return { history: { undo: [...history.undo, top], redo: history.redo.slice(0, -1) }, entry: top };
}
