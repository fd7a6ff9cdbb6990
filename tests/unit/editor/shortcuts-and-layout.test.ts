import { describe, expect, it } from 'vitest';
import {
  layoutJourney,
  matchShortcut,
  runAutoLayout,
  type KeyInput,
} from '../../../src/editor/index.ts';
import { add, harness } from './fixtures.ts';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('matchShortcut', () => {
  it.each([
    [key('z', { ctrlKey: true }), false, 'undo'],
    [key('Z', { ctrlKey: true, shiftKey: true }), false, 'redo'],
    [key('y', { ctrlKey: true }), false, 'redo'],
    [key('z', { metaKey: true }), true, 'undo'],
    [key('c', { metaKey: true }), true, 'copySelection'],
    [key('v', { ctrlKey: true }), false, 'paste'],
    [key('d', { ctrlKey: true }), false, 'duplicateSelection'],
    [key('a', { ctrlKey: true }), false, 'selectAll'],
    [key('Delete'), false, 'deleteSelection'],
    [key('Backspace'), false, 'deleteSelection'],
    [key('?', { shiftKey: true }), false, 'help'],
  ])('%o on mac=%s is %s', (input, mac, action) => {
    expect(matchShortcut(input, mac)?.action).toBe(action);
  });

  it('does not treat Ctrl as the modifier on macOS', () => {
    expect(matchShortcut(key('z', { ctrlKey: true }), true)).toBeUndefined();
  });

  it('nudges by 1 and by 10 with Shift', () => {
    expect(matchShortcut(key('ArrowLeft'), false)).toEqual({
      action: 'nudge',
      delta: { dx: -1, dy: 0 },
    });
    expect(matchShortcut(key('ArrowDown', { shiftKey: true }), false)).toEqual({
      action: 'nudge',
      delta: { dx: 0, dy: 10 },
    });
  });
});

describe('auto-layout', () => {
  it('lays out left to right and keeps Yes above No', async () => {
    const { store } = harness();
    const trigger = add(store, 'event', 500, 500);
    const condition = add(store, 'if_else', 0, 900);
    const yes = add(store, 'email', 0, 0);
    const no = add(store, 'sms', 0, 0);
    store.dispatch('connect', { from: trigger, branch: 'next', to: condition });
    store.dispatch('connect', { from: condition, branch: 'no', to: no });
    store.dispatch('connect', { from: condition, branch: 'yes', to: yes });
    const positions = await layoutJourney(store.getState().document);
    const at = (id: string) => positions[id] ?? { x: NaN, y: NaN };
    expect(at(trigger).x).toBeLessThan(at(condition).x);
    expect(at(condition).x).toBeLessThan(at(yes).x);
    expect(at(yes).y).toBeLessThan(at(no).y);
  });

  it('applies as one undoable step', async () => {
    const { store } = harness();
    const a = add(store, 'event', 400, 400);
    const b = add(store, 'email', 0, 0);
    store.dispatch('connect', { from: a, branch: 'next', to: b });
    const result = await runAutoLayout(store);
    expect(result.ok).toBe(true);
    const moved = store.getState().document.steps.find((s) => s.id === b)?.position;
    expect(moved?.x).toBeGreaterThan(
      store.getState().document.steps.find((s) => s.id === a)?.position.x ?? Infinity,
    );
    store.undo();
    expect(store.getState().document.steps.find((s) => s.id === a)?.position).toEqual({
      x: 400,
      y: 400,
    });
  });
});
