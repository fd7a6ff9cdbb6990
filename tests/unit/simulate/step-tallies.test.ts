import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Spec } from '../../../src/domain/compile/spec-schema.ts';
import type { Profile } from '../../../src/domain/profiles/profile.ts';
import { createSimulationPlan } from '../../../src/domain/simulate/plan.ts';
import { profileColumns } from '../../../src/domain/simulate/profile-columns.ts';
import type { SimulationResult } from '../../../src/domain/simulate/result-schema.ts';
import { simulate, simulatePartition } from '../../../src/domain/simulate/simulate.ts';
import { DAYS, journey, profilesArb, START } from './random-cases.ts';

/**
 * A random journey where some branches that led nowhere lead back to an earlier step (or the
 * same one): loops, some with no wait in them, so the runaway guards stop profiles too.
 */
const loopingJourney = fc
  .tuple(journey, fc.array(fc.nat(), { minLength: 8, maxLength: 8 }))
  .map(([spec, picks]): Spec => {
    const ids = Object.keys(spec.steps).filter((id) => id !== 't');
    const steps = { ...spec.steps };
    let pick = 0;
    ids.forEach((id, i) => {
      const step = steps[id] as Spec['steps'][string];
      const next = { ...step.next };
      for (const key of Object.keys(next)) {
        const choice = (picks[pick++ % picks.length] as number) % (i + 3);
        if (next[key] === null && choice <= i) next[key] = ids[choice] as string;
      }
      steps[id] = { ...step, next };
    });
    return { ...spec, steps };
  });

/** Every traced profile's path, tallied per step: entries, branches taken, exits by reason. */
function tallyTraces(result: SimulationResult): Record<string, unknown> {
  const steps: Record<string, { entered: number; byBranch: Record<string, number> }> = {};
  const exits: Record<string, Record<string, number>> = {};
  for (const trace of result.traces)
    for (const run of trace.runs) {
      run.steps.forEach((s, i) => {
        const step = (steps[s.stepId] ??= { entered: 0, byBranch: {} });
        step.entered++;
        // The last step of a run is where it ended; a completed run names the branch that
        // led nowhere, which no counter takes.
        const last = i === run.steps.length - 1;
        if (s.branch !== null && !(last && run.end === 'completed'))
          step.byBranch[s.branch] = (step.byBranch[s.branch] ?? 0) + 1;
        if (last && run.end !== 'horizon') {
          const by = (exits[s.stepId] ??= {});
          by[run.end] = (by[run.end] ?? 0) + 1;
        }
      });
    }
  return { steps, exits };
}

/** The same figures as the result's per-step counters give them. */
function tallyResult(result: SimulationResult): Record<string, unknown> {
  const steps: Record<string, { entered: number; byBranch: Record<string, number> }> = {};
  const exits: Record<string, Record<string, number>> = {};
  for (const s of Object.values(result.steps)) {
    if (s.entered === 0) continue;
    const byBranch = Object.fromEntries(Object.entries(s.byBranch).filter(([, n]) => n > 0));
    steps[s.stepId] = { entered: s.entered, byBranch };
    const by = Object.fromEntries(Object.entries(s.exitedBy).filter(([, n]) => n > 0));
    if (Object.keys(by).length > 0) exits[s.stepId] = by;
    const exited = Object.values(s.exitedBy).reduce((a, n) => a + n, 0);
    expect(s.exited).toBe(exited);
  }
  return { steps, exits };
}

// Heavy (seconds here, several times that on a loaded CI machine): a generous limit of its own.
describe('per-step tallies', { timeout: 120_000 }, () => {
  it('count every step entry, branch and exit a full trace shows, loops and guards included (seeded)', () => {
    let looped = 0;
    let stopped = 0;
    fc.assert(
      fc.property(
        fc.oneof(journey, loopingJourney),
        profilesArb,
        fc.integer({ min: 1, max: 1000 }),
        (spec: Spec, profiles: Profile[], seed) => {
          const options = { seed, start: START, horizonDays: DAYS };
          // Every profile traced: the traces are a second, independent tally of the same runs.
          const traced = simulate(spec, profiles, { ...options, traceSample: profiles.length });
          expect(traced.traces).toHaveLength(traced.profilesEntered);
          expect(tallyResult(traced)).toEqual(tallyTraces(traced));
          // Untraced, from objects and from columns: the same counters.
          const counted = { ...traced, traces: [], traceSample: 0, partition: 0 };
          const plan = createSimulationPlan(spec, options);
          for (const source of [profiles, profileColumns(profiles)])
            expect(simulatePartition(plan, source, 0)).toEqual(counted);
          if (loops(spec)) looped++;
          if (traced.stopped.profiles > 0) stopped++;
        },
      ),
      { numRuns: 120, seed: 20261206 },
    );
    // The cases must loop, and some must run into a guard.
    expect(looped).toBeGreaterThan(20);
    expect(stopped).toBeGreaterThan(3);
  });
});

/** Whether a step can be reached again from itself. */
function loops(spec: Spec): boolean {
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string): boolean => {
    if (state.get(id) === 'open') return true;
    if (state.get(id) === 'done') return false;
    state.set(id, 'open');
    const step = spec.steps[id];
    const found = Object.values(step?.next ?? {}).some((to) => to !== null && visit(to));
    state.set(id, 'done');
    return found;
  };
  return Object.keys(spec.steps).some(visit);
}
