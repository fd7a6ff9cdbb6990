import { REGISTERED_COMMANDS, type RegisteredCommandId } from './commands/registry.ts';

/** What a key binding runs: a registered command. */
export type ShortcutAction = RegisteredCommandId;

export interface ShortcutBinding {
  action: ShortcutAction;
  /** `Mod` is Cmd on macOS and Ctrl elsewhere, e.g. `Mod+Shift+Z`. */
  keys: readonly string[];
  description: string;
}

/** Every editor shortcut, read from the registered commands, in the order help lists them. */
export const SHORTCUTS: readonly ShortcutBinding[] = REGISTERED_COMMANDS.flatMap((command) =>
  command.shortcuts !== undefined && command.shortcuts.length > 0
    ? [
        {
          action: command.id,
          keys: command.shortcuts,
          description: command.description ?? command.label,
        },
      ]
    : [],
);

/** The parts of a keyboard event a shortcut depends on. */
export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export interface ShortcutMatch {
  action: ShortcutAction;
  /** For `nudge`: the offset in pixels; for `goToStep`: the arrow's direction (±1). */
  delta?: { dx: number; dy: number };
}

const ARROWS: Readonly<Record<string, { dx: number; dy: number }>> = {
  ArrowUp: { dx: 0, dy: -1 },
  ArrowDown: { dx: 0, dy: 1 },
  ArrowLeft: { dx: -1, dy: 0 },
  ArrowRight: { dx: 1, dy: 0 },
};

/** The pixels an arrow key moves a step, and with Shift. */
export const NUDGE_STEP = 1;
export const NUDGE_BIG_STEP = 10;

/** What Shift turns a digit into on a US keyboard, so `Shift+1` also matches the key `!`. */
const SHIFTED_DIGITS: Readonly<Record<string, string>> = {
  '1': '!',
  '2': '@',
  '3': '#',
  '4': '$',
  '5': '%',
  '6': '^',
  '7': '&',
  '8': '*',
  '9': '(',
  '0': ')',
};

interface KeyBinding {
  action: ShortcutAction;
  mod: boolean;
  shift: boolean;
  key: string;
}

/** `Mod+Shift+Z` as its parts. */
function parseKeys(keys: string, action: ShortcutAction): KeyBinding {
  const parts = keys.split('+');
  const key = parts.pop() ?? '';
  return { action, mod: parts.includes('Mod'), shift: parts.includes('Shift'), key };
}

/**
 * Bindings that ask for Shift come first: a named key bound without Shift also matches with it,
 * so `Shift+ArrowUp` (nudge) must be tried before `ArrowUp` (go to a step).
 */
const KEYMAP: readonly KeyBinding[] = SHORTCUTS.flatMap((s) =>
  s.keys.map((keys) => parseKeys(keys, s.action)),
).sort((a, b) => Number(b.shift) - Number(a.shift));

/**
 * Whether a key press is this binding's key. Named keys (`Delete`, `ArrowUp`) ignore Shift
 * unless the binding asks for it (Shift+arrow is the big nudge); letters and digits need Shift
 * exactly as bound (`Mod+Z` is not `Mod+Shift+Z`); a symbol such as `?` is typed with or without
 * Shift depending on the layout, so Shift is not asked of it.
 */
function keyMatches(binding: KeyBinding, event: KeyInput): boolean {
  const bound = binding.key;
  if (binding.shift) {
    if (!event.shiftKey) return false;
    return event.key.toLowerCase() === bound.toLowerCase() || SHIFTED_DIGITS[bound] === event.key;
  }
  if (bound.length > 1) return event.key === bound;
  if (/^[a-z0-9]$/i.test(bound))
    return !event.shiftKey && event.key.toLowerCase() === bound.toLowerCase();
  return event.key === bound;
}

/** Maps a key press to a registered command; `mac` decides whether Cmd or Ctrl is the modifier. */
export function matchShortcut(event: KeyInput, mac: boolean): ShortcutMatch | undefined {
  const mod = mac ? event.metaKey : event.ctrlKey;
  const other = mac ? event.ctrlKey : event.metaKey;
  if (event.altKey || other) return undefined;
  const binding = KEYMAP.find((b) => b.mod === mod && keyMatches(b, event));
  if (binding === undefined) return undefined;
  const arrow = ARROWS[event.key];
  if (binding.action === 'goToStep' && arrow !== undefined)
    return { action: 'goToStep', delta: arrow };
  if (binding.action === 'nudge' && arrow !== undefined) {
    const step = event.shiftKey ? NUDGE_BIG_STEP : NUDGE_STEP;
    return { action: 'nudge', delta: { dx: arrow.dx * step, dy: arrow.dy * step } };
  }
  return { action: binding.action };
}

/** Whether the platform uses Cmd as the shortcut modifier. */
export function isMacPlatform(platform: string): boolean {
  return /mac|iphone|ipad|ipod/i.test(platform);
}

const KEY_SYMBOLS: Readonly<Record<string, string>> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
};

/** `Mod+Shift+Z` written for the platform: `⌘⇧Z` on macOS, `Ctrl+Shift+Z` elsewhere. */
export function formatShortcut(keys: string, mac: boolean, shift = 'Shift'): string {
  const named = keys.replace(/Arrow(Up|Down|Left|Right)/, (arrow) => KEY_SYMBOLS[arrow] ?? arrow);
  if (!mac) return named.replace('Mod', 'Ctrl').replace('Shift+', `${shift}+`);
  return named.replace('Mod+', '⌘').replace('Shift+', '⇧');
}
