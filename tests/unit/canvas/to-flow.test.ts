import { describe, expect, it } from 'vitest';
import { createJourney, sequentialIds } from '../../../src/domain/index.ts';
import { createEditorStore, type EditorState } from '../../../src/editor/index.ts';
import {
  FlowBuilder,
  indexDiagnostics,
  type FlowInput,
} from '../../../src/features/editor/canvas/to-flow.ts';
import { canvasWords } from '../../../src/features/editor/canvas/canvas-words.ts';
import { testIntl } from '../../support/test-intl.ts';

const words = canvasWords(await testIntl('en'));

function setup() {
  const store = createEditorStore(
    createJourney('J', 0, () => 'j'),
    { newId: sequentialIds('s') },
  );
  for (const [kind, x] of [
    ['event', 0],
    ['email', 300],
    ['if_else', 600],
  ] as const) {
    store.dispatch('addStep', { kind, position: { x, y: 0 } });
  }
  const [a, b, c] = store.getState().document.steps.map((s) => s.id) as [string, string, string];
  store.dispatch('connect', { from: a, branch: 'next', to: b });
  store.dispatch('connect', { from: b, branch: 'next', to: c });
  store.dispatch('clearSelection');
  const input = (state: EditorState, overrides: Partial<FlowInput> = {}): FlowInput => ({
    document: state.document,
    selection: state.selection,
    diagnostics: indexDiagnostics([]),
    overlay: undefined,
    measured: new Map(),
    words,
    ...overrides,
  });
  return { store, ids: { a, b, c }, input };
}

describe('FlowBuilder', () => {
  it('describes each step: category type, kind, summary, branches with free flags, aria label', () => {
    const { store, input } = setup();
    const nodes = new FlowBuilder().buildNodes(input(store.getState()));
    expect(nodes.map((n) => n.type)).toEqual(['trigger', 'action', 'condition']);
    expect(nodes[0]?.data.hasTarget).toBe(false);
    expect(nodes[2]?.data.branches).toEqual([
      { key: 'yes', label: 'Yes', free: true },
      { key: 'no', label: 'No', free: true },
    ]);
    expect(nodes[1]?.data.branches).toEqual([{ key: 'next', label: 'Next', free: false }]);
    expect(nodes[1]?.ariaLabel).toBe('Email step: Email');
  });

  it('editing one step rebuilds only that node; the others keep their objects', () => {
    const { store, ids, input } = setup();
    const builder = new FlowBuilder();
    const before = builder.buildNodes(input(store.getState()));
    const edgesBefore = builder.buildEdges(input(store.getState()));
    store.dispatch('updateStepLabel', { stepId: ids.b, label: 'Welcome aboard' });
    const after = builder.buildNodes(input(store.getState()));
    const edgesAfter = builder.buildEdges(input(store.getState()));
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]?.data.label).toBe('Welcome aboard');
    expect(edgesAfter[0]).not.toBe(edgesBefore[0]);
    expect(edgesAfter.length).toBe(2);
  });

  it('selecting a step changes only that node', () => {
    const { store, ids, input } = setup();
    const builder = new FlowBuilder();
    const before = builder.buildNodes(input(store.getState()));
    store.dispatch('setSelection', { stepIds: [ids.c] });
    const after = builder.buildNodes(input(store.getState()));
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(after[2]?.selected).toBe(true);
    expect(after[2]?.data).toBe(before[2]?.data);
  });

  it('badges the worst problem per step and scales edges by simulated volume', () => {
    const { store, ids, input } = setup();
    const diagnostics = indexDiagnostics([
      { severity: 'warning', code: 'no-action', message: 'Careful', params: {}, stepId: ids.b },
      { severity: 'error', code: 'no-trigger', message: 'Broken', params: {}, stepId: ids.b },
    ]);
    const [c1, c2] = store.getState().document.connections.map((c) => c.id) as [string, string];
    const overlay = {
      stepCounts: { [ids.b]: { entered: 10 } },
      connectionCounts: { [c1]: 100, [c2]: 25 },
    };
    const builder = new FlowBuilder();
    const nodes = builder.buildNodes(input(store.getState(), { diagnostics, overlay }));
    expect(nodes[1]?.data).toMatchObject({
      problemSeverity: 'error',
      problemCount: 2,
      problem: expect.objectContaining({ message: 'Broken' }),
      entered: 10,
    });
    expect(nodes[0]?.data.entered).toBe(0);
    const edges = builder.buildEdges(input(store.getState(), { diagnostics, overlay }));
    expect(edges[0]?.data?.count).toBe(100);
    expect(edges[0]?.data?.strokeWidth).toBeGreaterThan(edges[1]?.data?.strokeWidth ?? Infinity);
  });
});

describe('FlowBuilder arrow names', () => {
  it('name each arrow with its simulated count, which a screen reader hears at any zoom', () => {
    const { store, input } = setup();
    const [c1, c2] = store.getState().document.connections.map((c) => c.id) as [string, string];
    const overlay = { stepCounts: {}, connectionCounts: { [c1]: 1_200, [c2]: 1 } };
    const builder = new FlowBuilder();
    const plain = builder.buildEdges(input(store.getState())).map((e) => e.ariaLabel);
    const counted = builder
      .buildEdges(input(store.getState(), { overlay }))
      .map((e) => e.ariaLabel);
    expect(counted).toEqual([
      `${plain[0] ?? ''}: 1,200 in the simulation`,
      `${plain[1] ?? ''}: 1 in the simulation`,
    ]);
    expect(builder.buildEdges(input(store.getState())).map((e) => e.ariaLabel)).toEqual(plain);
  });
});

describe('FlowBuilder arrow names, live', () => {
  const actual = { version: 1, show: 'actual' as const, steps: {} };

  it('name each arrow with its actual count, from the editor’s own words', () => {
    const { store, input } = setup();
    const [c1, c2] = store.getState().document.connections.map((c) => c.id) as [string, string];
    const overlay = { stepCounts: {}, connectionCounts: { [c1]: 4_079, [c2]: 0 }, actual };
    const builder = new FlowBuilder();
    const plain = builder.buildEdges(input(store.getState())).map((e) => e.ariaLabel);
    const simulated = builder
      .buildEdges(input(store.getState(), { overlay: { ...overlay, actual: undefined } }))
      .map((e) => e.ariaLabel);
    const live = builder.buildEdges(input(store.getState(), { overlay }));
    expect(live.map((e) => e.ariaLabel)).toEqual([
      expect.stringContaining('4,079'),
      expect.stringContaining('0'),
    ]);
    live.forEach((edge, i) => {
      expect(edge.ariaLabel).not.toBe(plain[i]);
      expect(edge.ariaLabel).not.toBe(simulated[i]);
    });
  });

  it('say one actual run and several in French as its catalogue does elsewhere', async () => {
    const { store, input } = setup();
    const [c1, c2] = store.getState().document.connections.map((c) => c.id) as [string, string];
    const french = canvasWords(await testIntl('fr'));
    const names = (counts: Record<string, number>) =>
      new FlowBuilder()
        .buildEdges(
          input(store.getState(), {
            words: french,
            overlay: { stepCounts: {}, connectionCounts: counts, actual },
          }),
        )
        .map((e) => e.ariaLabel);
    expect(names({ [c1]: 0, [c2]: 1 })).toEqual([
      expect.stringMatching(/ 0 réel$/),
      expect.stringMatching(/ 1 réel$/),
    ]);
    expect(names({ [c1]: 2, [c2]: 1_200 })).toEqual([
      expect.stringMatching(/ 2 réels$/),
      expect.stringMatching(/ 1\u202f200 réels$/),
    ]);
  });
});

describe('FlowBuilder sizes', () => {
  it('gives an unmeasured step an estimated size and handles, and a measured one its measure only', () => {
    const { store, ids, input } = setup();
    const builder = new FlowBuilder();
    const first = builder.buildNodes(input(store.getState()));
    const email = first[1];
    expect(email?.initialWidth).toBe(240);
    expect(email?.handles?.map((h) => h.type)).toEqual(['target', 'source']);
    expect(email?.measured).toBeUndefined();
    const measured = new Map([[ids.b, { width: 240, height: 80 }]]);
    const again = builder.buildNodes(input(store.getState(), { measured }));
    expect(again[1]?.measured).toEqual({ width: 240, height: 80 });
    expect(again[1]?.handles).toBeUndefined();
  });

  it('a step whose summary is only its kind says what it does instead of repeating the header', () => {
    const { store, input } = setup();
    const nodes = new FlowBuilder().buildNodes(input(store.getState()));
    expect(nodes[1]?.data.kindLabel).toBe('Email');
    expect(nodes[1]?.data.summary).toBe('Send an email.');
  });
});
