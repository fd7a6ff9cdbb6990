import type { IdGenerator } from '../domain/index.ts';
import type { EditorState } from './editor-state.ts';
import type { Refusal, RefusalCode } from './refusal.ts';

/**
 * How undo history captures an update: `now` records one entry at once; `never` records nothing
 * (loads, remote changes, selection); `settle` merges a run of updates with the same coalesce key
 * (a drag, typing in one field) into one entry.
 */
export type RecordPolicy = 'now' | 'never' | 'settle';

/** Services a command may use; injected so tests are deterministic. */
export interface CommandContext {
  newId: IdGenerator;
  /** Epoch milliseconds. */
  now(): number;
}

/** A command's answer when it ran. */
export interface CommandDone {
  ok: true;
  state: EditorState;
  /** Overrides the command's default capture policy. */
  record?: RecordPolicy;
  /** Updates with the same key merge while they settle. */
  coalesceKey?: string;
  /** Text the command produced, e.g. the clipboard JSON of `copySelection`. */
  output?: string;
}

/** A command's answer when it refused; the state is unchanged. */
export interface CommandRefused extends Refusal {
  ok: false;
  /** In English, for logs and tests; the screens word the refusal from its code. */
  reason: string;
}

export type CommandResult = CommandDone | CommandRefused;

/** A keyboard shortcut in the form `Mod+Shift+Z`; `Mod` is Cmd on macOS and Ctrl elsewhere. */
export type Shortcut = string;

/** What every registered command shows the user: its name, its help line and its keys. */
export interface CommandInfo {
  id: string;
  label: string;
  /** The help dialog's line; the label when absent. */
  description?: string;
  /** Keys that run it; the keyboard map and the help dialog are read from these. */
  shortcuts?: readonly Shortcut[];
  /** Shown as a button in the canvas toolbar, in registry order. */
  toolbar?: boolean;
  /** A short symbol the toolbar shows instead of the label (the label stays its accessible name). */
  icon?: string;
}

/**
 * A user action as a registered object, shared by the toolbar, shortcuts, menus and tests.
 * `perform` returns the new state and performs no side effect.
 */
export interface Command<A> extends CommandInfo {
  /** The default capture policy of this command's updates. */
  record: RecordPolicy;
  enabled(state: EditorState): boolean;
  perform(state: EditorState, args: A, context: CommandContext): CommandResult;
}

/** Shorthand for a successful result. */
export function done(
  state: EditorState,
  extra: Omit<CommandDone, 'ok' | 'state'> = {},
): CommandDone {
  return { ok: true, state, ...extra };
}

/** Shorthand for a refusal. */
export function refuse(
  code: RefusalCode,
  reason: string,
  values?: Record<string, string>,
): CommandRefused {
  return { ok: false, code, reason, ...(values === undefined ? {} : { values }) };
}

/** Passes on a refusal met on the way (an arrow's, a paste's). */
export function refuseWith(refusal: Refusal & { reason: string }): CommandRefused {
  return refuse(refusal.code, refusal.reason, refusal.values);
}
