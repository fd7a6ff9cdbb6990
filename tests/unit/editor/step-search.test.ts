import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JourneyStep } from '../../../src/domain/index.ts';
import { findSteps } from '../../../src/editor/step-search.ts';

const step = (id: string, kind: string, label: string): JourneyStep => ({
  id,
  kind,
  label,
  config: {},
  position: { x: 0, y: 0 },
});

const KIND_LABELS: Record<string, string> = {
  email: 'E-mail',
  delay: 'Délai',
  wait_for_event: 'Attente d’un événement',
};
const kindLabel = (kind: string) => KIND_LABELS[kind] ?? kind;

const STEPS = [
  step('trigger-1', 'event', 'Signed up'),
  step('welcome', 'email', 'Welcome email'),
  step('wait-2', 'delay', 'Wait 2 days'),
  step('e-2', 'email', 'Second welcome'),
  step('watch', 'wait_for_event', 'Opened it?'),
  step('tip', 'email', 'Tips: getting started'),
];
const ids = (found: readonly JourneyStep[]) => found.map((s) => s.id);

describe('findSteps', () => {
  it('lists every step, in the journey’s order, for an empty query', () => {
    expect(ids(findSteps(STEPS, '', kindLabel))).toEqual(ids(STEPS));
    expect(ids(findSteps(STEPS, '   ', kindLabel))).toEqual(ids(STEPS));
  });

  it('finds by name, by kind as the user reads it or as its id, and by id', () => {
    expect(ids(findSteps(STEPS, 'welcome', kindLabel))).toEqual(['welcome', 'e-2']);
    // The kind in the user's language, its accents optional, and the kind's own id.
    expect(ids(findSteps(STEPS, 'delai', kindLabel))).toEqual(['wait-2']);
    expect(ids(findSteps(STEPS, 'EVÉNEMENT', kindLabel))).toEqual(['watch']);
    expect(ids(findSteps(STEPS, 'wait_for', kindLabel))).toEqual(['watch']);
    expect(ids(findSteps(STEPS, 'trigger-1', kindLabel))).toEqual(['trigger-1']);
    expect(findSteps(STEPS, 'nothing like it', kindLabel)).toEqual([]);
  });

  it('puts names that start with the query first, then names holding it, then the rest', () => {
    // "Tips…" starts with it, "Signed up"'s id does not count as its name.
    expect(ids(findSteps(STEPS, 't', kindLabel)).slice(0, 1)).toEqual(['tip']);
    // Every word must match, across name and kind: "email" is the kind of the three emails.
    expect(ids(findSteps(STEPS, 'email welcome', kindLabel))).toEqual(['welcome', 'e-2']);
    expect(ids(findSteps(STEPS, 'e-mail second', kindLabel))).toEqual(['e-2']);
  });

  it('matches an id whole, never word by word', () => {
    // "wait-2" holds "2" and "wait" is a name's word, but the id is not split.
    expect(ids(findSteps(STEPS, 'welcome 2', kindLabel))).toEqual([]);
    expect(ids(findSteps(STEPS, 'e-2', kindLabel))).toEqual(['e-2']);
  });

  it('returns exactly the steps where every word is in the name or kind, or the query in the id, each once', () => {
    const word = fc.constantFrom('wel', 'come', 'mail', 'e', 'wait', 'délai', 'x', '2', 'IT?');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 3 }), (words) => {
        const found = findSteps(STEPS, words.join(' '), kindLabel);
        const fold = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
        const holds = (s: JourneyStep) =>
          words.every((w) => fold(`${s.label} ${kindLabel(s.kind)} ${s.kind}`).includes(fold(w))) ||
          (words.length > 0 && fold(s.id).includes(fold(words.join(' '))));
        expect(new Set(ids(found)).size).toBe(found.length);
        expect(ids(found).sort()).toEqual(ids(STEPS.filter(holds)).sort());
      }),
      { seed: 20261207 },
    );
  });
});
