import { describe, expect, it } from 'vitest';
import { compile, contentHash, specToJson } from '../../../src/domain/index';
import { diffSpecs, isEmptyDiff } from '../../../src/features/publish/spec-diff';
import {
  hasUnpublishedChanges,
  specForVersion,
} from '../../../src/features/publish/unpublished-changes';
import { twoEditions, welcomeJourney } from './journeys';

const specOf = (doc: ReturnType<typeof welcomeJourney>, version: number) => {
  const { spec } = compile(doc, { version });
  if (spec === null) throw new Error('does not compile');
  return spec;
};

describe('diffSpecs', () => {
  it('lists steps added, removed and changed (with fields) and settings changed', () => {
    const { before, after } = twoEditions();
    const diff = diffSpecs(specOf(before, 1), specOf(after, 2));
    expect(diff.added).toEqual([{ id: 'new-exit', label: 'New exit', kind: 'exit' }]);
    expect(diff.removed).toEqual([{ id: 'legacy-exit', label: 'Legacy exit', kind: 'exit' }]);
    expect(diff.changed).toEqual([
      { id: 'wait-2-days', label: 'Wait 2 days', kind: 'delay', fields: ['amount', 'durationMs'] },
    ]);
    expect(diff.settingsChanged).toEqual(['controlGroupPercent']);
    expect(diff.journeyChanged).toEqual([]);
  });

  it('ignores the version number and reports name changes', () => {
    const doc = welcomeJourney();
    expect(isEmptyDiff(diffSpecs(specOf(doc, 1), specOf(doc, 2)))).toBe(true);
    const renamed = diffSpecs(specOf(doc, 1), specOf({ ...doc, name: 'Hello' }, 2));
    expect(renamed.journeyChanged).toEqual(['name']);
    expect(isEmptyDiff(renamed)).toBe(false);
  });

  it('treats every step as added for a first version', () => {
    const spec = specOf(welcomeJourney(), 1);
    const diff = diffSpecs(null, spec);
    expect(diff.added.map((s) => s.id).sort()).toEqual(Object.keys(spec.steps).sort());
    expect(diff.removed).toEqual([]);
  });
});

describe('hasUnpublishedChanges', () => {
  it('is false for the published draft, true once it changes, false when never published', () => {
    const { before, after } = twoEditions();
    const published = { version: 1, specHash: contentHash(specToJson(specOf(before, 1))) };
    expect(hasUnpublishedChanges(before, published)).toBe(false);
    // Only positions moved: the spec has no positions, so nothing to publish.
    const moved = {
      ...before,
      steps: before.steps.map((s) => ({ ...s, position: { x: s.position.x + 5, y: 0 } })),
    };
    expect(hasUnpublishedChanges(moved, published)).toBe(false);
    expect(hasUnpublishedChanges(after, published)).toBe(true);
    expect(hasUnpublishedChanges(after, undefined)).toBe(false);
  });

  it('is true when the draft has errors', () => {
    const doc = welcomeJourney();
    const published = { version: 1, specHash: specForVersion(doc, 1)?.specHash ?? '' };
    const broken = { ...doc, steps: doc.steps.filter((s) => s.kind !== 'event') };
    expect(specForVersion(broken, 1)).toBeNull();
    expect(hasUnpublishedChanges(broken, published)).toBe(true);
  });
});
