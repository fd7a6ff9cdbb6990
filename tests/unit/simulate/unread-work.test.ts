import { describe, expect, it } from 'vitest';
import { mergeResults } from '../../../src/domain/simulate/merge.ts';
import { createSimulationPlan, type SimulationPlan } from '../../../src/domain/simulate/plan.ts';
import { simulatePartition } from '../../../src/domain/simulate/simulate.ts';
import { KEEP, KEEP_ALL } from '../../../src/domain/simulate/simulated-reads.ts';
import { benchProfiles } from '../../bench/simulate-floor.ts';
import { BENCH_OPTIONS, benchSpec } from '../../bench/simulate-spec.ts';
import { DAYS, forEveryCase, START } from './random-cases.ts';

/** The plan doing all the work it may skip: every simulated event kept, every tag change made. */
function withoutSkipping(plan: SimulationPlan): SimulationPlan {
  const steps = plan.steps.map((step) =>
    step.message === null ? step : { ...step, message: { ...step.message, keepEvents: KEEP_ALL } },
  );
  return { ...plan, steps, tagsRead: true };
}

describe('work nothing reads is skipped without changing results', () => {
  it('keeps only the simulated events that something reads, and skips unread tag changes', () => {
    const plan = createSimulationPlan(benchSpec(), BENCH_OPTIONS);
    const keeps = plan.steps.flatMap((s) => (s.message === null ? [] : [s.message.keepEvents]));
    // The bench journey waits for an email open and has a goal: opens and conversions are kept.
    expect(keeps.every((k) => (k & KEEP.delivered) === 0)).toBe(true);
    expect(keeps.some((k) => (k & KEEP.opened) !== 0)).toBe(true);
    expect(keeps.every((k) => (k & KEEP.goal) !== 0)).toBe(true);
    expect(plan.tagsRead).toBe(false);
  });

  it('gives the result of the plan that does every piece of work, on random journeys', () => {
    forEveryCase(
      (spec, profiles, seed) => {
        const plan = createSimulationPlan(spec, { start: START, horizonDays: DAYS, seed });
        const skipping = mergeResults([simulatePartition(plan, profiles, 0)]);
        const full = mergeResults([simulatePartition(withoutSkipping(plan), profiles, 0)]);
        expect(skipping).toEqual(full);
      },
      150,
      2026,
    );
  });

  it('gives the result of the plan that does every piece of work, on the bench journey', () => {
    const plan = createSimulationPlan(benchSpec(), BENCH_OPTIONS);
    const profiles = benchProfiles(3_000);
    expect(simulatePartition(plan, profiles, 0)).toEqual(
      simulatePartition(withoutSkipping(plan), profiles, 0),
    );
  });
});
