// The forecast's table of a random split's branches: each figure as the tallies give it, the
// rate of the runs that took a branch (not a ratio of two rounded means), and a comparison whose
// interval holds its own difference.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceTallies } from '../../../src/domain/forecast/trace-tallies.ts';
import {
  compareSplitBranches,
  type VariantView,
} from '../../../src/features/forecast/forecast-model.ts';

/** A variant whose traced replications took a split's branches `entered` and `converted` times. */
function viewOf(
  branches: readonly { entered: number; converted: number }[],
  replications: number,
): VariantView {
  const paths: TraceTallies['paths'] = {};
  branches.forEach((b, i) => {
    paths[`split:v${i}`] = {
      stepId: 'split',
      stepLabel: 'A/B test',
      stepKind: 'random_split',
      branch: `v${i}`,
      entered: b.entered,
      converted: b.converted,
      revenue: 0,
      npsScores: Array.from({ length: 11 }, () => 0),
    };
  });
  const tallies: TraceTallies = {
    traced: 0,
    overCap: 0,
    paths,
    converters: {},
    perfectOrder: {
      before: { orders: 0, delivered: 0, perfect: 0 },
      during: { orders: 0, delivered: 0, perfect: 0 },
    },
  };
  // Only what the branch comparison reads of a variant: its tallies and how many replications.
  return { name: 'A', tallies, tracedReplications: replications } as VariantView;
}

const branch = fc
  .tuple(fc.integer({ min: 0, max: 400 }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([entered, share]) => ({ entered, converted: Math.floor(entered * share) }));

describe('a random split’s branches in the forecast', () => {
  it('gives each branch the rate of the runs that took it, over all traced replications', () => {
    // 7 runs and 2 conversions over 3 replications: 2.33 and 0.67 a replication, a rate of
    // 28.6 %, which rounding each mean first would show as 1 of 2, 50 %.
    const [split] = compareSplitBranches(
      viewOf(
        [
          { entered: 7, converted: 2 },
          { entered: 8, converted: 2 },
        ],
        3,
      ),
      0.9,
    );
    expect(split?.branches[0]?.rate).toBeCloseTo(2 / 7, 12);
    expect(split?.branches[0]?.entered).toBeCloseTo(7 / 3, 12);
    expect(split?.branches[0]?.converted).toBeCloseTo(2 / 3, 12);
  });

  it('keeps every identity the table shows, for any tallies (seeded)', () => {
    fc.assert(
      fc.property(
        fc.array(branch, { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 1, max: 20 }),
        (branches, replications) => {
          const [split] = compareSplitBranches(viewOf(branches, replications), 0.9);
          if (split === undefined) throw new Error('no split');
          const first = split.branches[0];
          split.branches.forEach((b, i) => {
            const tally = branches[i] ?? { entered: 0, converted: 0 };
            expect(b.entered * replications).toBeCloseTo(tally.entered, 9);
            expect(b.converted * replications).toBeCloseTo(tally.converted, 9);
            expect(b.rate).toBeCloseTo(tally.entered > 0 ? tally.converted / tally.entered : 0, 12);
            const versus = b.versusFirst;
            if (versus === null) return;
            expect(versus.diff).toBeCloseTo(b.rate - (first?.rate ?? 0), 12);
            expect(versus.ci.low).toBeLessThanOrEqual(versus.diff + 1e-12);
            expect(versus.ci.high).toBeGreaterThanOrEqual(versus.diff - 1e-12);
          });
        },
      ),
      { numRuns: 500, seed: 20_261_207 },
    );
  });
});
