import { describe, expect, it } from 'vitest';
import { add, chain, emptyJourney, harness } from './fixtures.ts';

describe('undo history', () => {
  it('records each discrete edit at once and undoes/redoes it', () => {
    const { store } = harness();
    const a = add(store, 'event');
    const b = add(store, 'email');
    store.dispatch('connect', { from: a, branch: 'next', to: b });
    expect(store.getHistoryStatus()).toMatchObject({
      canUndo: true,
      canRedo: false,
      undoLabel: 'Connect',
    });
    store.undo();
    expect(store.getState().document.connections).toHaveLength(0);
    store.undo();
    expect(store.getState().document.steps.map((s) => s.id)).toEqual([a]);
    store.redo();
    store.redo();
    expect(store.getState().document.connections).toHaveLength(1);
    expect(store.getHistoryStatus().canRedo).toBe(false);
  });

  it('a drag is one entry however many moves it makes', () => {
    const { store, clock } = harness();
    const id = add(store, 'email', 0, 0);
    for (let i = 1; i <= 30; i++) {
      clock.advance(16);
      store.dispatch(
        'moveSteps',
        { positions: { [id]: { x: i * 3, y: i } } },
        { record: 'settle', coalesceKey: 'drag', settleMs: Infinity },
      );
    }
    clock.advance(5000);
    store.dispatch(
      'moveSteps',
      { positions: { [id]: { x: 100, y: 40 } } },
      { record: 'settle', coalesceKey: 'drag', settleMs: Infinity },
    );
    store.settle();
    expect(store.getState().document.steps[0]?.position).toEqual({ x: 100, y: 40 });
    store.undo();
    expect(store.getState().document.steps[0]?.position).toEqual({ x: 0, y: 0 });
    store.undo();
    expect(store.getState().document.steps).toHaveLength(0);
  });

  it('a second drag after settling is a second entry', () => {
    const { store } = harness();
    const id = add(store, 'email', 0, 0);
    const drag = (x: number) => {
      store.dispatch(
        'moveSteps',
        { positions: { [id]: { x, y: 0 } } },
        { record: 'settle', coalesceKey: 'drag', settleMs: Infinity },
      );
      store.settle();
    };
    drag(10);
    drag(20);
    store.undo();
    expect(store.getState().document.steps[0]?.position.x).toBe(10);
  });

  it('typing in one field merges while it continues, and splits after a pause', () => {
    const { store, clock } = harness();
    const id = add(store, 'email');
    const type = (subject: string) => {
      const config = { ...store.getState().document.steps[0]?.config, subject };
      store.dispatch('updateStepConfig', { stepId: id, config, field: 'subject' });
    };
    for (const text of ['W', 'We', 'Wel', 'Welc', 'Welcome']) {
      clock.advance(200);
      type(text);
    }
    clock.advance(1500);
    type('Welcome!');
    store.undo();
    expect(store.getState().document.steps[0]?.config.subject).toBe('Welcome');
    store.undo();
    expect(store.getState().document.steps[0]?.config.subject).toBe('');
    store.redo();
    expect(store.getState().document.steps[0]?.config.subject).toBe('Welcome');
  });

  it('typing in another field starts a new entry', () => {
    const { store, clock } = harness();
    const id = add(store, 'email');
    const set = (field: string, value: string) => {
      clock.advance(100);
      const config = { ...store.getState().document.steps[0]?.config, [field]: value };
      store.dispatch('updateStepConfig', { stepId: id, config, field });
    };
    set('subject', 'Hi');
    set('body', 'Hello');
    store.undo();
    expect(store.getState().document.steps[0]?.config).toMatchObject({ subject: 'Hi', body: '' });
  });

  it('loading records nothing and clears history', () => {
    const { store } = harness();
    add(store, 'email');
    store.load(emptyJourney());
    expect(store.getHistoryStatus()).toEqual({ canUndo: false, canRedo: false });
    expect(store.undo()).toBe(false);
    expect(store.getState().document.steps).toHaveLength(0);
  });

  it('a new edit clears redo', () => {
    const { store } = harness();
    add(store, 'email');
    store.undo();
    add(store, 'sms');
    expect(store.redo()).toBe(false);
    expect(store.getState().document.steps.map((s) => s.kind)).toEqual(['sms']);
  });

  it('undo restores the selection from before the edit; redo the one after', () => {
    const { store } = harness();
    const { email } = chain(store);
    store.dispatch('setSelection', { stepIds: [email] });
    store.dispatch('deleteSelection');
    expect(store.getState().selection.stepIds).toEqual([]);
    store.undo();
    expect(store.getState().selection.stepIds).toEqual([email]);
    store.redo();
    expect(store.getState().selection.stepIds).toEqual([]);
  });

  it('notifies subscribers on change only', () => {
    const { store } = harness();
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    add(store, 'email');
    expect(calls).toBe(1);
    store.dispatch('clearSelection');
    store.dispatch('clearSelection');
    expect(calls).toBe(2);
    unsubscribe();
    add(store, 'sms');
    expect(calls).toBe(2);
  });

  it('editing one step keeps every other step object, so only one node redraws', () => {
    const { store } = harness();
    const { trigger, email, delay } = chain(store);
    const before = store.getState().document.steps;
    store.dispatch('updateStepLabel', { stepId: email, label: 'Hi' });
    const after = store.getState().document.steps;
    expect(after.find((s) => s.id === trigger)).toBe(before.find((s) => s.id === trigger));
    expect(after.find((s) => s.id === delay)).toBe(before.find((s) => s.id === delay));
    expect(after.find((s) => s.id === email)).not.toBe(before.find((s) => s.id === email));
  });
});
