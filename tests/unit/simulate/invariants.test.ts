import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/domain/profiles/profile.ts';
import { mergeResults } from '../../../src/domain/simulate/merge.ts';
import { createSimulationPlan, reseedPlan } from '../../../src/domain/simulate/plan.ts';
import { prepareProfiles } from '../../../src/domain/simulate/prepared-profiles.ts';
import {
  PartitionRun,
  simulate,
  simulatePartition,
} from '../../../src/domain/simulate/simulate.ts';
import { withResolvedWindow } from '../../../src/domain/simulate/window.ts';
import { brokenCounts, specOf } from './helpers.ts';
import { DAYS, forEveryCase, START } from './random-cases.ts';

// Heavy (seconds here, several times that on a loaded CI machine): a generous limit of its own.
describe('simulate: invariants on random journeys and profiles', { timeout: 120_000 }, () => {
  it('keeps entered = sum(byBranch) + waiting + exited at every step, and partitions merge exactly', () => {
    let busy = 0;
    forEveryCase(
      (spec, profiles, seed) => {
        const options = { seed, start: START, horizonDays: DAYS, traceSample: 3 };
        const r = simulate(spec, profiles, options);
        expect(brokenCounts(r)).toEqual([]);
        if (Object.values(r.steps).filter((st) => st.entered > 0).length > 2) busy++;
        expect(r.steps['t']?.entered).toBe(r.entries);
        const channelsSent = Object.values(r.channels).reduce((a, c) => a + c.sent, 0);
        expect(Object.values(r.steps).reduce((a, s) => a + s.sent, 0)).toBe(channelsSent);
        const cut = Math.floor(profiles.length / 2);
        const resolved = withResolvedWindow(options, profiles);
        const parts = [profiles.slice(0, cut), profiles.slice(cut)].map((ps, i) =>
          simulatePartition(createSimulationPlan(spec, resolved), ps, i),
        );
        expect(JSON.stringify(mergeResults(parts))).toBe(JSON.stringify(r));
      },
      150,
      20240501,
    );
    // The generated cases must exercise journeys beyond their trigger.
    expect(busy).toBeGreaterThan(50);
  });

  it('runs every seed from profiles prepared once exactly as a plain run with that seed', () => {
    forEveryCase(
      (spec, profiles, seed) => {
        const options = { start: START, horizonDays: DAYS, traceSample: 2 };
        const cut = Math.floor(profiles.length / 2);
        const shares = [profiles.slice(0, cut), profiles.slice(cut)];
        const base = createSimulationPlan(spec, { ...options, seed: 'unused' });
        const prepared = shares.map((ps) => prepareProfiles(base, ps));
        const traced = profiles.filter((_, i) => i % 3 === 0).map((p) => p.id);
        for (const s of [seed, seed + 1]) {
          const plan = reseedPlan(base, s, traced);
          const parts = shares.map((ps, i) => {
            const run = new PartitionRun(plan, ps, i, prepared[i] ?? null);
            while (!run.advance(4));
            return run.result();
          });
          const whole = simulate(spec, profiles, {
            ...options,
            seed: s,
            traceProfileIds: traced,
          });
          expect(JSON.stringify(mergeResults(parts))).toBe(JSON.stringify(whole));
        }
      },
      100,
      20240502,
    );
  });

  it('refuses profiles prepared for another plan or set', () => {
    const spec = specOf([['t', 'event', { event: 'visit', propertyFilters: [] }]], []);
    const profiles: Profile[] = [
      { id: 'a', attributes: { consent: {}, tags: [], custom: {} }, events: [] },
    ];
    const plan = createSimulationPlan(spec, { start: START, horizonDays: DAYS });
    const other = createSimulationPlan(spec, { start: START, horizonDays: DAYS });
    expect(() => new PartitionRun(other, profiles, 0, prepareProfiles(plan, profiles))).toThrow(
      RangeError,
    );
    expect(() => new PartitionRun(plan, [...profiles], 0, prepareProfiles(plan, profiles))).toThrow(
      RangeError,
    );
  });
});
