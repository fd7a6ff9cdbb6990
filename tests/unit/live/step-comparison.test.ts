import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareSteps,
  stepsLeadingTo,
  type Successors,
} from '../../../src/domain/live/step-comparison.ts';
import { versionDrift } from '../../../src/domain/live/version-drift.ts';

// signed-up → welcome → wait → ordered? → (yes) exit | (no) code
const GRAPH: Successors = {
  'signed-up': ['welcome'],
  welcome: ['wait'],
  wait: ['ordered'],
  ordered: ['exit', 'code'],
  exit: [],
  code: [],
};
const band = (p10: number, p90: number) => ({ p10, p50: (p10 + p90) / 2, p90 });
const SHARES = {
  'signed-up': band(1, 1),
  welcome: band(0.99, 1),
  wait: band(0.99, 1),
  ordered: band(0.9, 0.97),
  exit: band(0.05, 0.1),
  code: band(0.85, 0.92),
};

function counts(entries: number, entered: Record<string, number>, waiting = {}) {
  const w = waiting as Record<string, number>;
  return {
    entries,
    steps: Object.fromEntries(
      Object.keys(GRAPH).map((id) => [id, { entered: entered[id] ?? 0, waiting: w[id] ?? 0 }]),
    ),
  };
}

describe('compareSteps', () => {
  it('marks a step whose settled share falls well below the forecast range, and only it and after', () => {
    const actual = counts(400, {
      'signed-up': 400,
      welcome: 400,
      wait: 400,
      ordered: 200,
      exit: 10,
      code: 190,
    });
    const result = compareSteps(actual, SHARES, GRAPH);
    expect(result['ordered']?.verdict).toBe('below');
    expect(result['code']?.verdict).toBe('below');
    expect(result['welcome']?.verdict).toBe('within');
    expect(result['ordered']?.actualShare).toBe(0.5);
  });

  it('waits while runs upstream could still bring a step into range', () => {
    const actual = counts(
      400,
      { 'signed-up': 400, welcome: 400, wait: 400, ordered: 200 },
      { wait: 200 },
    );
    expect(compareSteps(actual, SHARES, GRAPH)['ordered']?.verdict).toBe('too-early');
  });

  it('does not call a difference out of a handful of entries', () => {
    const actual = counts(5, { 'signed-up': 5, welcome: 5, wait: 5, ordered: 4, code: 4 });
    expect(compareSteps(actual, SHARES, GRAPH)['ordered']?.verdict).toBe('within');
  });

  it('says there is nothing to compare with no entries or no forecast for the step', () => {
    expect(compareSteps(counts(0, {}), SHARES, GRAPH)['welcome']?.verdict).toBe('no-data');
    expect(compareSteps(counts(10, { welcome: 10 }), {}, GRAPH)['welcome']?.verdict).toBe(
      'no-data',
    );
  });

  it('never marks a share inside the range (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (entries, a, b, at) => {
          const [lo, hi] = a < b ? [a, b] : [b, a];
          const entered = Math.round(entries * (lo + (hi - lo) * at));
          if (entered / entries < lo || entered / entries > hi) return;
          const r = compareSteps(
            { entries, steps: { s: { entered, waiting: 0 } } },
            { s: { p10: lo, p50: lo, p90: hi } },
            { s: [] },
          );
          expect(r['s']?.verdict).toBe('within');
        },
      ),
      { seed: 16, numRuns: 300 },
    );
  });
});

describe('stepsLeadingTo', () => {
  it('finds every step upstream, loops included, and not the step itself', () => {
    expect([...stepsLeadingTo(GRAPH, 'code')].sort()).toEqual([
      'ordered',
      'signed-up',
      'wait',
      'welcome',
    ]);
    expect([...stepsLeadingTo({ a: ['b'], b: ['a', 'c'], c: [] }, 'a')].sort()).toEqual(['b']);
  });
});

describe('versionDrift', () => {
  it('lists the version’s steps a draft removed and says the draft differs', () => {
    const drift = versionDrift(
      { specHash: 'h2', stepIds: ['a', 'c', 'd'] },
      { specHash: 'h1', stepIds: ['a', 'b', 'c'] },
    );
    expect(drift).toEqual({ differs: true, removedStepIds: ['b'], addedStepIds: ['d'] });
  });

  it('is quiet when the draft compiles to the published spec, and differs when it does not compile', () => {
    const same = { specHash: 'h1', stepIds: ['a', 'b'] };
    expect(versionDrift(same, same).differs).toBe(false);
    expect(versionDrift({ ...same, specHash: null }, same).differs).toBe(true);
  });
});
