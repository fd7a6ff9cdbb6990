import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  sequentialIds,
  TEMPLATES,
  unsafeNameProblem,
  validate,
  withSafeStepIds,
  type JourneyDocument,
} from '../../../src/domain/index.ts';

const HOSTILE = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '',
  ' padded ',
  'a\u202eb',
];

/** A template with some of its step ids (and their arrows) replaced by hostile ones. */
function withIds(doc: JourneyDocument, replace: ReadonlyMap<string, string>): JourneyDocument {
  const rename = (id: string) => replace.get(id) ?? id;
  return {
    ...doc,
    steps: doc.steps.map((s) => ({ ...s, id: rename(s.id) })),
    connections: doc.connections.map((c) => ({
      ...c,
      id: replace.has(c.from) ? rename(c.from) : c.id,
      from: rename(c.from),
      to: rename(c.to),
    })),
  };
}

/** The journey's shape by step label: what leads to what, on which path. */
const shape = (doc: JourneyDocument) => {
  const label = new Map(doc.steps.map((s) => [s.id, s.label]));
  return doc.connections
    .map((c) => `${label.get(c.from)}:${c.fromBranch}->${label.get(c.to)}`)
    .sort();
};

describe('withSafeStepIds', () => {
  it('gives every unusable step and arrow id a fresh one, keeping the steps, arrows and their settings', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TEMPLATES),
        fc.uniqueArray(fc.constantFrom(...HOSTILE), { minLength: 1, maxLength: HOSTILE.length }),
        (template, hostile) => {
          const doc = template.build(0, sequentialIds('t'));
          const picked = doc.steps.slice(0, hostile.length);
          const original = withIds(doc, new Map(picked.map((s, i) => [s.id, hostile[i] ?? ''])));
          const { document, renamed } = withSafeStepIds(original, sequentialIds('safe'));
          expect(renamed.map((r) => r.from).sort()).toEqual(hostile.slice(0, picked.length).sort());
          for (const s of document.steps) expect(unsafeNameProblem(s.id)).toBeUndefined();
          for (const c of document.connections) expect(unsafeNameProblem(c.id)).toBeUndefined();
          expect(new Set(document.steps.map((s) => s.id)).size).toBe(document.steps.length);
          expect(shape(document)).toEqual(shape(original));
          expect(document.steps.map((s) => [s.label, s.kind, s.config, s.position])).toEqual(
            original.steps.map((s) => [s.label, s.kind, s.config, s.position]),
          );
          expect(validate(document).filter((d) => d.code === 'unsafe-id')).toEqual([]);
        },
      ),
      { seed: 20261206, numRuns: 200 },
    );
  });

  it('points a wait that watches a renamed message at its new id', () => {
    const doc = TEMPLATES[0]?.build(0, sequentialIds('t'));
    if (doc === undefined) throw new Error('no template');
    const email = doc.steps.find((s) => s.kind === 'email');
    if (email === undefined) throw new Error('no email');
    doc.steps.push({
      id: 'watch',
      kind: 'wait_for_event',
      label: 'Opened it?',
      position: { x: 0, y: 600 },
      config: {
        target: { type: 'engagement', stepId: '__proto__', engagement: 'opened' },
        timeout: { amount: 3, unit: 'days' },
      },
    });
    const hostile = withIds(doc, new Map([[email.id, '__proto__']]));
    const { document, renamed } = withSafeStepIds(hostile, sequentialIds('safe'));
    expect(renamed).toEqual([{ from: '__proto__', to: 'safe-1', label: email.label }]);
    expect(document.steps.find((s) => s.id === 'watch')?.config).toMatchObject({
      target: { type: 'engagement', stepId: 'safe-1' },
    });
  });

  it('follows the renamed message even in a wait whose other settings are wrong, changing nothing else', () => {
    const doc = TEMPLATES[0]?.build(0, sequentialIds('t'));
    if (doc === undefined) throw new Error('no template');
    const email = doc.steps.find((s) => s.kind === 'email');
    if (email === undefined) throw new Error('no email');
    // A timeout the form refuses, and a setting this version does not know: both kept as they are.
    const config = {
      target: { type: 'engagement', stepId: '__proto__', engagement: 'opened' },
      timeout: { amount: -3, unit: 'days' },
      note: 'from a newer Wayfinder',
    };
    doc.steps.push({
      id: 'watch',
      kind: 'wait_for_event',
      label: 'Opened it?',
      position: { x: 0, y: 600 },
      config: config as never, // not a valid wait config, on purpose: the type would refuse it
    });
    const hostile = withIds(doc, new Map([[email.id, '__proto__']]));
    const { document } = withSafeStepIds(hostile, sequentialIds('safe'));
    expect(document.steps.find((s) => s.id === 'watch')?.config).toEqual({
      ...config,
      target: { ...config.target, stepId: 'safe-1' },
    });
  });

  it('gives two steps that share an unusable id a fresh id each, the arrows following the first', () => {
    const doc = TEMPLATES[0]?.build(0, sequentialIds('t'));
    if (doc === undefined) throw new Error('no template');
    const [first, second] = doc.steps.filter((s) => s.kind !== doc.steps[0]?.kind);
    if (first === undefined || second === undefined) throw new Error('too few steps');
    const hostile = withIds(
      doc,
      new Map([
        [first.id, ''],
        [second.id, ''],
      ]),
    );
    const { document, renamed } = withSafeStepIds(hostile, sequentialIds('safe'));
    expect(renamed).toEqual([
      { from: '', to: 'safe-1', label: first.label },
      { from: '', to: 'safe-2', label: second.label },
    ]);
    expect(document.steps.map((s) => s.label)).toEqual(hostile.steps.map((s) => s.label));
    expect(new Set(document.steps.map((s) => s.id)).size).toBe(document.steps.length);
    expect(validate(document).filter((d) => d.code === 'duplicate-step-id')).toEqual([]);
    for (const c of document.connections) {
      expect(c.from).not.toBe('');
      expect(c.to).not.toBe('');
      if (c.to === 'safe-2') throw new Error('an arrow to the shared id went to the second step');
    }
  });

  it('leaves a journey with usable ids as it is', () => {
    const doc = TEMPLATES[1]?.build(0, sequentialIds('t'));
    if (doc === undefined) throw new Error('no template');
    expect(withSafeStepIds(doc, sequentialIds('safe'))).toEqual({ document: doc, renamed: [] });
  });
});
