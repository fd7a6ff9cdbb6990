import { createJourney, sequentialIds, type JourneyDocument } from '../../../src/domain/index.ts';
import { createEditorStore, type EditorStore } from '../../../src/editor/index.ts';

/** A hand-moved clock for history tests. */
export interface TestClock {
  now(): number;
  advance(ms: number): void;
}

export function testClock(start = 1_700_000_000_000): TestClock {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

export function emptyJourney(): JourneyDocument {
  return createJourney('Test journey', 1_700_000_000_000, () => 'journey-1');
}

export interface Harness {
  store: EditorStore;
  clock: TestClock;
}

export function harness(doc: JourneyDocument = emptyJourney()): Harness {
  const clock = testClock();
  const store = createEditorStore(doc, { newId: sequentialIds('id'), now: clock.now });
  return { store, clock };
}

/** Adds a step and returns its id, failing loudly when the command refuses. */
export function add(store: EditorStore, kind: string, x = 0, y = 0): string {
  const result = store.dispatch('addStep', { kind, position: { x, y } });
  if (!result.ok) throw new Error(result.reason);
  const id = store.getState().selection.stepIds[0];
  if (id === undefined) throw new Error('addStep selected nothing');
  return id;
}

/** Trigger → email → delay, connected. */
export function chain(store: EditorStore): { trigger: string; email: string; delay: string } {
  const trigger = add(store, 'event', 0, 0);
  const email = add(store, 'email', 300, 0);
  const delay = add(store, 'delay', 600, 0);
  for (const [from, to] of [
    [trigger, email],
    [email, delay],
  ] as const) {
    const r = store.dispatch('connect', { from, branch: 'next', to });
    if (!r.ok) throw new Error(r.reason);
  }
  return { trigger, email, delay };
}
