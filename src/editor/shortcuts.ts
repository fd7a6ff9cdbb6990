/** What a key binding does: run a command, travel history, or open the help overlay. */
export type ShortcutAction =
  | 'undo'
  | 'redo'
  | 'deleteSelection'
  | 'copySelection'
  | 'paste'
  | 'cut'
  | 'duplicateSelection'
  | 'selectAll'
  | 'clearSelection'
  | 'nudge'
  | 'help'
  | 'autoLayout'
  | 'fitView';

export interface ShortcutBinding {
  action: ShortcutAction;
  /** `Mod` is Cmd on macOS and Ctrl elsewhere, e.g. `Mod+Shift+Z`. */
  keys: readonly string[];
  description: string;
}

/** Every editor shortcut, in the order the help overlay lists them. */
export const SHORTCUTS: readonly ShortcutBinding[] = [
  { action: 'undo', keys: ['Mod+Z'], description: 'Undo' },
  { action: 'redo', keys: ['Mod+Shift+Z', 'Mod+Y'], description: 'Redo' },
  { action: 'deleteSelection', keys: ['Delete', 'Backspace'], description: 'Delete the selection' },
  { action: 'copySelection', keys: ['Mod+C'], description: 'Copy the selected steps' },
  { action: 'cut', keys: ['Mod+X'], description: 'Cut the selected steps' },
  { action: 'paste', keys: ['Mod+V'], description: 'Paste steps' },
  { action: 'duplicateSelection', keys: ['Mod+D'], description: 'Duplicate the selected steps' },
  { action: 'selectAll', keys: ['Mod+A'], description: 'Select everything' },
  { action: 'clearSelection', keys: ['Escape'], description: 'Clear the selection' },
  {
    action: 'nudge',
    keys: ['Arrow keys'],
    description: 'Move the selected steps (hold Shift for 10×)',
  },
  { action: 'autoLayout', keys: ['Shift+L'], description: 'Tidy the layout' },
  { action: 'fitView', keys: ['Shift+1'], description: 'Fit the journey in view' },
  { action: 'help', keys: ['?'], description: 'Show these shortcuts' },
];

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
  /** For `nudge`: the offset in pixels. */
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

/** Maps a key press to an editor action; `mac` decides whether Cmd or Ctrl is the modifier. */
export function matchShortcut(event: KeyInput, mac: boolean): ShortcutMatch | undefined {
  const mod = mac ? event.metaKey : event.ctrlKey;
  const other = mac ? event.ctrlKey : event.metaKey;
  if (event.altKey || other) return undefined;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (mod) {
    if (key === 'z') return { action: event.shiftKey ? 'redo' : 'undo' };
    if (event.shiftKey) return undefined;
    const byKey: Readonly<Record<string, ShortcutAction>> = {
      y: 'redo',
      c: 'copySelection',
      x: 'cut',
      v: 'paste',
      d: 'duplicateSelection',
      a: 'selectAll',
    };
    const action = byKey[key];
    return action === undefined ? undefined : { action };
  }
  if (key === '?') return { action: 'help' };
  if (key === 'Delete' || key === 'Backspace') return { action: 'deleteSelection' };
  if (key === 'Escape') return { action: 'clearSelection' };
  if (event.shiftKey && key === 'l') return { action: 'autoLayout' };
  if (event.shiftKey && (key === '!' || key === '1')) return { action: 'fitView' };
  const arrow = ARROWS[key];
  if (arrow !== undefined) {
    const step = event.shiftKey ? NUDGE_BIG_STEP : NUDGE_STEP;
    return { action: 'nudge', delta: { dx: arrow.dx * step, dy: arrow.dy * step } };
  }
  return undefined;
}

/** Whether the platform uses Cmd as the shortcut modifier. */
export function isMacPlatform(platform: string): boolean {
  return /mac|iphone|ipad|ipod/i.test(platform);
}

/** `Mod+Shift+Z` written for the platform: `⌘⇧Z` on macOS, `Ctrl+Shift+Z` elsewhere. */
export function formatShortcut(keys: string, mac: boolean): string {
  if (!mac) return keys.replace('Mod', 'Ctrl');
  return keys.replace('Mod+', '⌘').replace('Shift+', '⇧');
}
