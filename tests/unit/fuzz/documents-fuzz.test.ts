import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FuzzChecker } from '../../fuzz/check-input.ts';
import { baseInputs, buildCase, fuzzCaseArb } from '../../fuzz/document-mutations.ts';

const RUNS = 10_000;
const checker = new FuzzChecker();

describe('documents and specs fuzz', () => {
  it(`${RUNS.toLocaleString('en-US')} mutated templates and specs: no throw, every broken input refused, every accepted one sound`, async () => {
    const bases = baseInputs();
    await fc.assert(
      fc.asyncProperty(fuzzCaseArb, async (c) => {
        const { input, mustBeInvalid } = buildCase(bases, c);
        await checker.check(input, c.asSpec, mustBeInvalid);
      }),
      { seed: 20261206, numRuns: RUNS },
    );
    const { stats } = checker;
    expect(stats.inputs).toBe(RUNS);
    // The mix must exercise both sides of every guarantee, not only refusals.
    expect(stats.documents).toBeGreaterThan(RUNS / 3);
    expect(stats.specs).toBeGreaterThan(RUNS / 3);
    expect(stats.valid).toBeGreaterThan(RUNS / 20);
    expect(stats.mustBeInvalid).toBeGreaterThan(RUNS / 4);
    expect(stats.cliRuns).toBeGreaterThan(RUNS);
    // About 18 s on a quiet machine; 165 s in a shuffled run on this loaded two-core machine.
  }, 600_000);
});
