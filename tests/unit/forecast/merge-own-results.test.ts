import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Spec } from '../../../src/domain/compile/spec-schema.ts';
import { mergeOwnResults } from '../../../src/domain/forecast/merge-own-results.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import type { Profile } from '../../../src/domain/profiles/profile.ts';
import { mergeResults } from '../../../src/domain/simulate/merge.ts';
import { createSimulationPlan } from '../../../src/domain/simulate/plan.ts';
import type { SimulationResult } from '../../../src/domain/simulate/result-schema.ts';
import { simulatePartition } from '../../../src/domain/simulate/simulate.ts';
import { specOfTemplate } from '../../support/template-spec.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 1);
const OPTIONS = { start: NOW - 120 * DAY, horizonDays: 120 };

const templateSpec = (id: string): Spec => specOfTemplate(id, NOW);

const profiles = generateProfiles({ count: 1_200, seed: 5, start: NOW - 365 * DAY, end: NOW });
const specs = [templateSpec('welcome-series'), templateSpec('abandoned-cart')];

/**
 * The partial results of one run cut into batches at `cuts`, tracing `traced` of the profiles
 * by id (as a forecast worker traces its sample) and sampling `sample` more.
 */
function batchResults(spec: Spec, cuts: number[], traced: Profile[], sample: number) {
  const bounds = [0, ...cuts, profiles.length];
  const plan = createSimulationPlan(spec, {
    ...OPTIONS,
    seed: 3,
    traceSample: sample,
    traceProfileIds: traced.map((p) => p.id),
  });
  return bounds.slice(1).map((to, i) => simulatePartition(plan, profiles.slice(bounds[i], to), 0));
}

describe('merging a worker’s own batch results', () => {
  it('gives what mergeResults gives, traces and all, for any cut of the profiles (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...specs),
        fc.uniqueArray(fc.integer({ min: 1, max: profiles.length - 1 }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 30 }),
        (spec, cuts, every, sample) => {
          cuts.sort((a, b) => a - b);
          const traced = every === 0 ? [] : profiles.filter((_, i) => i % every === 0);
          const parts = batchResults(spec, cuts, traced, sample);
          const expected: SimulationResult = mergeResults(parts);
          const merged = mergeOwnResults(parts);
          expect(merged).toEqual(expected);
          // A cut that traced someone is a real test of the traces' merge.
          if (traced.length > 0) expect(merged.traces.length).toBeGreaterThan(0);
        },
      ),
      { seed: 20, numRuns: 25 },
    );
  });
});
