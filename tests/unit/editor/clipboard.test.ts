import { describe, expect, it } from 'vitest';
import { CLIPBOARD_VERSION, PASTE_OFFSET } from '../../../src/editor/index.ts';
import { add, chain, harness } from './fixtures.ts';

describe('clipboard', () => {
  it('copies the selection as a versioned envelope with only the internal connections', () => {
    const { store } = harness();
    const { trigger, email } = chain(store);
    store.dispatch('setSelection', { stepIds: [trigger, email] });
    const result = store.dispatch('copySelection');
    expect(result.ok && result.changed).toBe(false);
    const envelope = JSON.parse(result.ok ? (result.output ?? '') : '') as Record<
      string,
      unknown[]
    >;
    expect(envelope.wayfinderClipboard).toBe(CLIPBOARD_VERSION);
    expect(envelope.steps).toHaveLength(2);
    expect(envelope.connections).toEqual([expect.objectContaining({ from: trigger, to: email })]);
  });

  it('round trip: paste adds copies with new ids, internal connections and an offset, selected', () => {
    const { store } = harness();
    const { trigger, email } = chain(store);
    store.dispatch('setSelection', { stepIds: [trigger, email] });
    const copied = store.dispatch('copySelection');
    const text = copied.ok ? (copied.output ?? '') : '';
    const pasted = store.dispatch('paste', { text });
    expect(pasted.ok).toBe(true);
    const { document, selection } = store.getState();
    expect(document.steps).toHaveLength(5);
    expect(selection.stepIds).toHaveLength(2);
    expect(selection.stepIds).not.toContain(trigger);
    const copies = document.steps.filter((s) => selection.stepIds.includes(s.id));
    expect(copies.map((s) => [s.kind, s.position])).toEqual([
      ['event', { x: PASTE_OFFSET, y: PASTE_OFFSET }],
      ['email', { x: 300 + PASTE_OFFSET, y: PASTE_OFFSET }],
    ]);
    const [copyTrigger, copyEmail] = copies.map((s) => s.id);
    expect(document.connections).toContainEqual(
      expect.objectContaining({ from: copyTrigger, fromBranch: 'next', to: copyEmail }),
    );
    expect(document.connections).toHaveLength(3);
  });

  it('pastes into another journey at a point', () => {
    const source = harness();
    const { email } = chain(source.store);
    source.store.dispatch('setSelection', { stepIds: [email] });
    const copied = source.store.dispatch('copySelection');
    const target = harness();
    target.store.dispatch('paste', {
      text: copied.ok ? (copied.output ?? '') : '',
      at: { x: 10, y: 20 },
    });
    expect(target.store.getState().document.steps).toEqual([
      expect.objectContaining({ kind: 'email', position: { x: 10, y: 20 } }),
    ]);
  });

  it.each([
    ['plain text', 'hello there', /not JSON/],
    ['other JSON', '{"nodes":[]}', /does not hold Wayfinder steps/],
    [
      'another version',
      '{"wayfinderClipboard":2,"steps":[],"connections":[]}',
      /another Wayfinder version/,
    ],
    [
      'a damaged envelope',
      '{"wayfinderClipboard":1,"steps":[{"id":"x"}],"connections":[]}',
      /damaged at steps\.0/,
    ],
    [
      'an unknown kind',
      '{"wayfinderClipboard":1,"steps":[{"id":"x","kind":"fax","label":"Fax","config":{},"position":{"x":0,"y":0}}],"connections":[]}',
      /unknown kind "fax"/,
    ],
  ])('refuses %s with a clear reason and changes nothing', (_name, text, reason) => {
    const { store } = harness();
    chain(store);
    const before = store.getState();
    const result = store.dispatch('paste', { text });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(reason);
    expect(store.getState()).toBe(before);
    expect(store.getHistoryStatus().undoLabel).toBe('Connect');
  });

  it('shows hostile labels as data: pasted text is never evaluated', () => {
    const { store } = harness();
    const text = JSON.stringify({
      wayfinderClipboard: 1,
      steps: [
        {
          id: 's',
          kind: 'email',
          label: '<img src=x onerror=alert(1)>',
          config: {},
          position: { x: 0, y: 0 },
        },
      ],
      connections: [],
    });
    store.dispatch('paste', { text });
    expect(store.getState().document.steps[0]?.label).toBe('<img src=x onerror=alert(1)>');
  });

  it('duplicate copies the selection next to it in one undoable step', () => {
    const { store } = harness();
    const { email, delay } = chain(store);
    store.dispatch('setSelection', { stepIds: [email, delay] });
    store.dispatch('duplicateSelection');
    expect(store.getState().document.steps).toHaveLength(5);
    expect(store.getState().document.connections).toHaveLength(3);
    store.undo();
    expect(store.getState().document.steps).toHaveLength(3);
    expect(store.getState().selection.stepIds).toEqual([email, delay]);
  });
});

describe('a wait that watches a message, copied with it', () => {
  it('watches the pasted message, not the one it was copied from', () => {
    const { store } = harness();
    const { email } = chain(store);
    const wait = add(store, 'wait_for_event', 900, 0);
    const engagement = { type: 'engagement', stepId: email, engagement: 'opened' };
    const configured = store.dispatch('updateStepConfig', {
      stepId: wait,
      config: { target: engagement, timeout: { amount: 3, unit: 'days' } },
    });
    expect(configured.ok).toBe(true);
    store.dispatch('setSelection', { stepIds: [email, wait] });
    const copied = store.dispatch('copySelection');
    store.dispatch('paste', { text: copied.ok ? (copied.output ?? '') : '' });
    const { document, selection } = store.getState();
    const pasted = document.steps.filter((s) => selection.stepIds.includes(s.id));
    const pastedEmail = pasted.find((s) => s.kind === 'email');
    const pastedWait = pasted.find((s) => s.kind === 'wait_for_event');
    expect(pastedWait?.config).toMatchObject({ target: { stepId: pastedEmail?.id } });
    // Copied alone, a wait keeps watching the message it watched.
    store.dispatch('setSelection', { stepIds: [wait] });
    const alone = store.dispatch('copySelection');
    store.dispatch('paste', { text: alone.ok ? (alone.output ?? '') : '' });
    const [copy] = store.getState().selection.stepIds;
    expect(store.getState().document.steps.find((s) => s.id === copy)?.config).toMatchObject({
      target: { stepId: email },
    });
  });
});
