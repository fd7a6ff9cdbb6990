import { describe, expect, it } from 'vitest';
import {
  COMMANDS,
  HOST_COMMANDS,
  REGISTERED_COMMANDS,
  SHORTCUTS,
  matchShortcut,
  type KeyInput,
} from '../../../src/editor/index.ts';

/** The key press a binding such as `Mod+Shift+Z` describes, as a browser reports it. */
function pressOf(binding: string, mac: boolean): KeyInput {
  const parts = binding.split('+');
  const key = parts.pop() ?? '';
  const mod = parts.includes('Mod');
  const shift = parts.includes('Shift');
  return {
    key:
      key.length === 1 && /[a-z]/i.test(key)
        ? shift
          ? key.toUpperCase()
          : key.toLowerCase()
        : key,
    ctrlKey: mod && !mac,
    metaKey: mod && mac,
    shiftKey: shift,
    altKey: false,
  };
}

const keyed = REGISTERED_COMMANDS.flatMap((command) =>
  (command.shortcuts ?? []).map((binding) => ({ id: command.id, binding })),
);

describe('the command registry', () => {
  it('registers every command under its own id, document and host commands alike', () => {
    for (const [id, command] of Object.entries({ ...COMMANDS, ...HOST_COMMANDS }))
      expect(command.id).toBe(id);
    expect(REGISTERED_COMMANDS.map((c) => c.id).sort()).toEqual(
      Object.keys({ ...COMMANDS, ...HOST_COMMANDS }).sort(),
    );
  });

  it('registers undo, redo, cut, auto-layout and fit view with keys', () => {
    const ids = keyed.map((k) => k.id);
    for (const id of ['undo', 'redo', 'cut', 'autoLayout', 'fitView']) expect(ids).toContain(id);
  });

  it('gives no key to two commands', () => {
    const bindings = keyed.map((k) => k.binding);
    expect(new Set(bindings).size).toBe(bindings.length);
  });

  it.each(
    keyed.flatMap((k) => [
      { ...k, mac: false },
      { ...k, mac: true },
    ]),
  )('$binding runs $id (mac: $mac)', ({ id, binding, mac }) => {
    expect(matchShortcut(pressOf(binding, mac), mac)?.action).toBe(id);
  });

  it('lists in SHORTCUTS (the help) exactly the commands that have keys, with their keys', () => {
    expect(SHORTCUTS.map((s) => [s.action, s.keys])).toEqual(
      REGISTERED_COMMANDS.filter((c) => (c.shortcuts ?? []).length > 0).map((c) => [
        c.id,
        c.shortcuts,
      ]),
    );
  });

  it('matches no command for a key no command registers', () => {
    expect(matchShortcut(pressOf('Mod+Q', false), false)).toBeUndefined();
    expect(matchShortcut(pressOf('Shift+K', false), false)).toBeUndefined();
  });
});
