import { describe, expect, it } from 'vitest';
import { add, chain, harness } from './fixtures.ts';

describe('addStep', () => {
  it('adds a step of the kind with its default config and label, and selects it', () => {
    const { store } = harness();
    const id = add(store, 'email', 120, 80);
    const { document, selection } = store.getState();
    expect(document.steps).toHaveLength(1);
    expect(document.steps[0]).toMatchObject({
      id,
      kind: 'email',
      label: 'Email',
      position: { x: 120, y: 80 },
    });
    expect(Object.keys(document.steps[0]?.config ?? {}).length).toBeGreaterThan(0);
    expect(selection).toEqual({ stepIds: [id], connectionIds: [] });
  });

  it('refuses an unknown kind and leaves the state alone', () => {
    const { store } = harness();
    const before = store.getState();
    const result = store.dispatch('addStep', { kind: 'teleport', position: { x: 0, y: 0 } });
    expect(result).toEqual({
      ok: false,
      code: 'unknown-step-kind',
      reason: expect.stringContaining('teleport'),
      values: { kind: 'teleport' },
    });
    expect(store.getState()).toBe(before);
  });

  it('inserts into a connection: source → new step → old target', () => {
    const { store } = harness();
    const { trigger, email } = chain(store);
    const old = store.getState().document.connections.find((c) => c.from === trigger);
    const result = store.dispatch('addStep', {
      kind: 'delay',
      position: { x: 150, y: 0 },
      insertInto: old?.id,
    });
    expect(result.ok).toBe(true);
    const doc = store.getState().document;
    const inserted = store.getState().selection.stepIds[0];
    expect(doc.connections.some((c) => c.id === old?.id)).toBe(false);
    expect(doc.connections).toContainEqual(
      expect.objectContaining({ from: trigger, fromBranch: 'next', to: inserted }),
    );
    expect(doc.connections).toContainEqual(
      expect.objectContaining({ from: inserted, fromBranch: 'next', to: email }),
    );
  });

  it('refuses to insert a trigger into a connection', () => {
    const { store } = harness();
    const { trigger } = chain(store);
    const old = store.getState().document.connections.find((c) => c.from === trigger);
    const result = store.dispatch('addStep', {
      kind: 'event',
      position: { x: 0, y: 0 },
      insertInto: old?.id,
    });
    expect(result.ok).toBe(false);
    expect(store.getState().document.connections).toHaveLength(2);
  });

  it('attaches to a free branch', () => {
    const { store } = harness();
    const condition = add(store, 'if_else');
    store.dispatch('addStep', {
      kind: 'exit',
      position: { x: 300, y: 0 },
      attachTo: { from: condition, branch: 'no' },
    });
    const exit = store.getState().selection.stepIds[0];
    expect(store.getState().document.connections).toEqual([
      expect.objectContaining({ from: condition, fromBranch: 'no', to: exit }),
    ]);
  });
});

describe('connect', () => {
  it('draws an arrow from a branch to a step', () => {
    const { store } = harness();
    const trigger = add(store, 'event');
    const email = add(store, 'email');
    const result = store.dispatch('connect', { from: trigger, branch: 'next', to: email });
    expect(result.ok).toBe(true);
    expect(store.getState().document.connections).toEqual([
      { id: expect.any(String), from: trigger, fromBranch: 'next', to: email },
    ]);
  });

  it.each([
    [
      'into a trigger',
      (ids: { trigger: string; email: string; delay: string }) => [ids.email, 'next', ids.trigger],
    ],
    [
      'a second arrow from one branch',
      (ids: { trigger: string; email: string; delay: string }) => [ids.trigger, 'next', ids.delay],
    ],
    [
      'to itself',
      (ids: { trigger: string; email: string; delay: string }) => [ids.email, 'next', ids.email],
    ],
  ])('refuses %s with a reason', (_name, pick) => {
    const { store } = harness();
    const ids = chain(store);
    const [from, branch, to] = pick(ids) as [string, string, string];
    const before = store.getState().document;
    const result = store.dispatch('connect', { from, branch, to });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).not.toBe('');
    expect(store.getState().document).toBe(before);
  });

  it('refuses a loop without a wait', () => {
    const { store } = harness();
    const a = add(store, 'email');
    const b = add(store, 'sms');
    store.dispatch('connect', { from: a, branch: 'next', to: b });
    const result = store.dispatch('connect', { from: b, branch: 'next', to: a });
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/loop/) });
  });

  it('lets several arrows lead into one step', () => {
    const { store } = harness();
    const condition = add(store, 'if_else');
    const exit = add(store, 'exit');
    expect(store.dispatch('connect', { from: condition, branch: 'yes', to: exit }).ok).toBe(true);
    expect(store.dispatch('connect', { from: condition, branch: 'no', to: exit }).ok).toBe(true);
  });
});

describe('deleteSelection', () => {
  it('removes selected steps with their connections, and selected connections', () => {
    const { store } = harness();
    const { trigger, email, delay } = chain(store);
    store.dispatch('setSelection', { stepIds: [email] });
    store.dispatch('deleteSelection');
    const doc = store.getState().document;
    expect(doc.steps.map((s) => s.id)).toEqual([trigger, delay]);
    expect(doc.connections).toEqual([]);
    expect(store.getState().selection).toEqual({ stepIds: [], connectionIds: [] });
  });

  it('removes only a selected connection', () => {
    const { store } = harness();
    chain(store);
    const first = store.getState().document.connections[0];
    store.dispatch('setSelection', { connectionIds: [first?.id ?? ''] });
    store.dispatch('deleteSelection');
    expect(store.getState().document.steps).toHaveLength(3);
    expect(store.getState().document.connections).toHaveLength(1);
  });

  it('is disabled with nothing selected', () => {
    const { store } = harness();
    add(store, 'email');
    store.dispatch('clearSelection');
    expect(store.isEnabled('deleteSelection')).toBe(false);
  });
});

describe('moving', () => {
  it('moveSteps sets positions and keeps other step objects', () => {
    const { store } = harness();
    const { trigger, email } = chain(store);
    const before = store.getState().document.steps;
    store.dispatch('moveSteps', { positions: { [email]: { x: 5, y: 6 } } });
    const after = store.getState().document.steps;
    expect(after.find((s) => s.id === email)?.position).toEqual({ x: 5, y: 6 });
    expect(after.find((s) => s.id === trigger)).toBe(before.find((s) => s.id === trigger));
  });

  it('nudge moves only the selected steps', () => {
    const { store } = harness();
    const { trigger, email } = chain(store);
    store.dispatch('setSelection', { stepIds: [email] });
    store.dispatch('nudge', { dx: 10, dy: -1 });
    const steps = store.getState().document.steps;
    expect(steps.find((s) => s.id === email)?.position).toEqual({ x: 310, y: -1 });
    expect(steps.find((s) => s.id === trigger)?.position).toEqual({ x: 0, y: 0 });
  });
});

describe('editing', () => {
  it('updateStepConfig replaces the config and drops arrows from branches that disappear', () => {
    const { store } = harness();
    const split = add(store, 'random_split');
    const three = {
      variants: [
        { key: 'a', label: 'A', percent: 40 },
        { key: 'b', label: 'B', percent: 30 },
        { key: 'c', label: 'C', percent: 30 },
      ],
    };
    store.dispatch('updateStepConfig', { stepId: split, config: three, field: 'variants' });
    const exit = add(store, 'exit');
    expect(store.dispatch('connect', { from: split, branch: 'c', to: exit }).ok).toBe(true);
    const fewer = { variants: three.variants.slice(0, 2).map((v) => ({ ...v, percent: 50 })) };
    store.dispatch('updateStepConfig', { stepId: split, config: fewer, field: 'variants' });
    expect(store.getState().document.steps[0]?.config).toEqual(fewer);
    expect(store.getState().document.connections).toEqual([]);
  });

  it('updateStepLabel renames', () => {
    const { store } = harness();
    const id = add(store, 'email');
    store.dispatch('updateStepLabel', { stepId: id, label: 'Welcome aboard' });
    expect(store.getState().document.steps[0]?.label).toBe('Welcome aboard');
  });

  it('refuses to edit a step that is gone', () => {
    const { store } = harness();
    expect(store.dispatch('updateStepLabel', { stepId: 'nope', label: 'x' }).ok).toBe(false);
  });

  it('updateSettings and updateJourneyMeta change the journey', () => {
    const { store } = harness();
    const settings = { ...store.getState().document.settings, defaultTimeZone: 'Europe/Paris' };
    store.dispatch('updateSettings', { settings, field: 'defaultTimeZone' });
    store.dispatch('updateJourneyMeta', {
      name: 'Welcome',
      description: 'Hello',
      lifecycleStage: 'first_contact',
    });
    expect(store.getState().document).toMatchObject({
      name: 'Welcome',
      description: 'Hello',
      lifecycleStage: 'first_contact',
      settings: { defaultTimeZone: 'Europe/Paris' },
    });
  });
});

describe('selection', () => {
  it('selectAll selects every step and connection; setSelection drops unknown ids', () => {
    const { store } = harness();
    chain(store);
    store.dispatch('selectAll');
    expect(store.getState().selection.stepIds).toHaveLength(3);
    expect(store.getState().selection.connectionIds).toHaveLength(2);
    store.dispatch('setSelection', { stepIds: ['ghost'] });
    expect(store.getState().selection.stepIds).toEqual([]);
  });

  it('selection changes record no history', () => {
    const { store } = harness();
    add(store, 'email');
    store.dispatch('selectAll');
    store.dispatch('clearSelection');
    store.undo();
    expect(store.getState().document.steps).toHaveLength(0);
    expect(store.getHistoryStatus().canUndo).toBe(false);
  });
});
