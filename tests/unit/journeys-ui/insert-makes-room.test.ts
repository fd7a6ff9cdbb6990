import { describe, expect, it } from 'vitest';
import { createJourney, sequentialIds } from '../../../src/domain/index.ts';
import { STEP_COLUMN, createEditorStore } from '../../../src/editor/index.ts';

function line() {
  const store = createEditorStore(
    createJourney('Line', 0, () => 'j1'),
    { newId: sequentialIds('s') },
  );
  const add = (kind: string, x: number, y = 0) => {
    store.dispatch('addStep', { kind, position: { x, y } });
    return store.getState().selection.stepIds[0] ?? '';
  };
  const trigger = add('event', 0);
  const email = add('email', 400);
  const exit = add('exit', 800);
  const aside = add('sms', 400, 300);
  store.dispatch('connect', { from: trigger, branch: 'next', to: email });
  store.dispatch('connect', { from: email, branch: 'next', to: exit });
  const first = store.getState().document.connections[0]?.id ?? '';
  return { store, ids: { trigger, email, exit, aside }, first };
}

const x = (store: ReturnType<typeof line>['store'], id: string) =>
  store.getState().document.steps.find((s) => s.id === id)?.position.x;

describe('inserting a step into a connection', () => {
  it('gives it a column of its own and moves the steps after it right', () => {
    const { store, ids, first } = line();
    store.dispatch('addStep', { kind: 'delay', position: { x: 80, y: 0 }, insertInto: first });
    const delay = store.getState().selection.stepIds[0] ?? '';
    expect(x(store, delay)).toBe(STEP_COLUMN);
    expect(x(store, ids.email)).toBe(2 * STEP_COLUMN);
    expect(x(store, ids.exit)).toBe(800 + 2 * STEP_COLUMN - 400);
    expect(x(store, ids.trigger)).toBe(0);
    expect(x(store, ids.aside)).toBe(400);
  });

  it('moves nothing when there is room already', () => {
    const { store, ids } = line();
    const second = store.getState().document.connections[1]?.id ?? '';
    store.dispatch('addStep', { kind: 'delay', position: { x: 0, y: 200 }, insertInto: second });
    store.dispatch('moveSteps', { positions: { [ids.exit]: { x: 2000, y: 0 } } });
    const before = x(store, ids.exit);
    const third = store.getState().document.connections.find((c) => c.to === ids.exit)?.id ?? '';
    store.dispatch('addStep', { kind: 'push', position: { x: 1000, y: 0 }, insertInto: third });
    expect(x(store, ids.exit)).toBe(before);
  });

  it('undoes as one step, putting every step back', () => {
    const { store, first } = line();
    const before = store.getState().document;
    store.dispatch('addStep', { kind: 'delay', position: { x: 80, y: 0 }, insertInto: first });
    store.undo();
    expect(store.getState().document.steps).toEqual(before.steps);
  });
});
