import { describe, expect, it } from 'vitest';
import {
  layoutJourney,
  matchShortcut,
  neighbourStep,
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

  it('arrows go from step to step; Ctrl+arrow nudges by 1 and Shift+arrow by 10', () => {
    expect(matchShortcut(key('ArrowLeft'), false)).toEqual({
      action: 'goToStep',
      delta: { dx: -1, dy: 0 },
    });
    expect(matchShortcut(key('ArrowLeft', { ctrlKey: true }), false)).toEqual({
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

  it('lays out top to bottom, Yes left of No, as one undoable change that keeps the direction', async () => {
    const { store } = harness();
    const trigger = add(store, 'event', 500, 500);
    const condition = add(store, 'if_else', 0, 900);
    const yes = add(store, 'email', 0, 0);
    const no = add(store, 'sms', 0, 0);
    store.dispatch('connect', { from: trigger, branch: 'next', to: condition });
    store.dispatch('connect', { from: condition, branch: 'no', to: no });
    store.dispatch('connect', { from: condition, branch: 'yes', to: yes });
    const result = await runAutoLayout(store, {}, 'down');
    expect(result.ok).toBe(true);
    const doc = store.getState().document;
    const at = (id: string) => doc.steps.find((s) => s.id === id)?.position ?? { x: NaN, y: NaN };
    expect(doc.layoutDirection).toBe('down');
    expect(at(trigger).y).toBeLessThan(at(condition).y);
    expect(at(condition).y).toBeLessThan(at(yes).y);
    expect(at(yes).x).toBeLessThan(at(no).x);
    store.undo();
    expect(store.getState().document.layoutDirection).toBeUndefined();
    expect(store.getState().document.steps.find((s) => s.id === trigger)?.position).toEqual({
      x: 500,
      y: 500,
    });
  });
});

describe('going from step to step with the arrow keys', () => {
  function branching() {
    const { store } = harness();
    const trigger = add(store, 'event', 0, 0);
    const condition = add(store, 'if_else', 300, 0);
    const yes = add(store, 'email', 600, -100);
    const no = add(store, 'sms', 600, 100);
    store.dispatch('connect', { from: trigger, branch: 'next', to: condition });
    store.dispatch('connect', { from: condition, branch: 'no', to: no });
    store.dispatch('connect', { from: condition, branch: 'yes', to: yes });
    return { store, trigger, condition, yes, no };
  }
  const right = { dx: 1, dy: 0 };
  const left = { dx: -1, dy: 0 };
  const down = { dx: 0, dy: 1 };
  const up = { dx: 0, dy: -1 };

  it('starts at the trigger, goes forward along the first branch, back, and across branches', () => {
    const { store, trigger, condition, yes, no } = branching();
    const doc = store.getState().document;
    expect(neighbourStep(doc, undefined, right)).toBe(trigger);
    expect(neighbourStep(doc, trigger, right)).toBe(condition);
    expect(neighbourStep(doc, condition, right)).toBe(yes);
    expect(neighbourStep(doc, yes, down)).toBe(no);
    expect(neighbourStep(doc, no, up)).toBe(yes);
    expect(neighbourStep(doc, no, left)).toBe(condition);
    expect(neighbourStep(doc, condition, left)).toBe(trigger);
    expect(neighbourStep(doc, trigger, left)).toBeUndefined();
  });

  it('turns with the journey when it is drawn top to bottom', () => {
    const { store, trigger, condition, yes, no } = branching();
    const doc = { ...store.getState().document, layoutDirection: 'down' as const };
    expect(neighbourStep(doc, trigger, down)).toBe(condition);
    expect(neighbourStep(doc, condition, up)).toBe(trigger);
    // Across is now left and right; "yes" sits above "no" in y, so it is the first across.
    expect(neighbourStep(doc, yes, right)).toBe(no);
  });
});
