import { describe, expect, it } from 'vitest';
import type { Spec } from '../../../src/domain/compile/spec-schema.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { mergeResults } from '../../../src/domain/simulate/merge.ts';
import { createSimulationPlan } from '../../../src/domain/simulate/plan.ts';
import { simulationResultSchema } from '../../../src/domain/simulate/result-schema.ts';
import { simulate, simulatePartition } from '../../../src/domain/simulate/simulate.ts';
import { withResolvedWindow } from '../../../src/domain/simulate/window.ts';
import { TEMPLATES } from '../../../src/domain/templates/templates.ts';
import { at, brokenCounts, email, event, person, specOf } from './helpers.ts';
import { specOfTemplate } from '../../support/template-spec.ts';

const profiles = generateProfiles({
  count: 3_000,
  seed: 11,
  start: at('2022-01-01T00:00:00Z'),
  end: at('2024-07-01T00:00:00Z'),
});
const options = { seed: 3, start: at('2024-01-01T00:00:00Z'), horizonDays: 180, traceSample: 5 };

const templateSpec = (id: string): Spec => specOfTemplate(id, at('2024-01-01T00:00:00Z'));

function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}

describe('simulate: determinism and partitions', () => {
  it('gives identical results for the same seed and different ones for another seed', () => {
    const spec = templateSpec('welcome-series');
    const a = simulate(spec, profiles, options);
    const b = simulate(spec, profiles, options);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = simulate(spec, profiles, { ...options, seed: 4 });
    expect(JSON.stringify(c.channels)).not.toBe(JSON.stringify(a.channels));
    expect(simulationResultSchema.safeParse(a).success).toBe(true);
  });

  it.each(TEMPLATES.map((t) => t.id))(
    'merges partitions of %s into exactly the single-run result',
    (id) => {
      const spec = templateSpec(id);
      const whole = simulate(spec, profiles, options);
      const resolved = withResolvedWindow(options, profiles);
      const cuts = [0, 700, 1_900, profiles.length];
      const parts = cuts
        .slice(1)
        .map((to, i) =>
          simulatePartition(createSimulationPlan(spec, resolved), profiles.slice(cuts[i], to), i),
        );
      expect(JSON.stringify(mergeResults(parts))).toBe(JSON.stringify(whole));
      expect(
        JSON.stringify(mergeResults([parts[2], parts[0], parts[1]].filter((p) => p !== undefined))),
      ).toBe(JSON.stringify(whole));
      expect(whole.traces.filter((t) => t.sampled)).toHaveLength(
        Math.min(5, whole.profilesEntered),
      );
      expect(brokenCounts(whole)).toEqual([]);
    },
  );

  it('holds out exactly the profiles the spec hash names (FNV-1a of id:journeyId:control)', () => {
    const spec = specOf(
      [
        ['t', 'event', event('visit')],
        ['m', 'email', email()],
      ],
      [['t', 'next', 'm']],
      { controlGroupPercent: 25 },
      'journey-x',
    );
    const crowd = Array.from({ length: 400 }, (_, i) =>
      person(`c${i}`, [['visit', '2024-05-01T10:00:00Z']]),
    );
    const ids = crowd.map((p) => p.id);
    const r = simulate(spec, crowd, {
      start: at('2024-05-01T00:00:00Z'),
      horizonDays: 2,
      traceProfileIds: ids,
    });
    const held = r.traces
      .filter((t) => t.control)
      .map((t) => t.profileId)
      .sort();
    const expected = ids.filter((id) => fnv(`${id}:journey-x:control`) % 10_000 < 2_500).sort();
    expect(held).toEqual(expected);
  });

  it("lets an entry condition read the profile's own control-group draw, at any partitioning", () => {
    const spec = specOf(
      [
        [
          't',
          'segment_entry',
          {
            condition: {
              type: 'group',
              op: 'and',
              rules: [{ type: 'control_group', inGroup: true }],
            },
          },
        ],
        ['m', 'email', email()],
      ],
      [['t', 'next', 'm']],
      { controlGroupPercent: 40 },
      'journey-y',
    );
    const crowd = Array.from({ length: 200 }, (_, i) => person(`c${i}`, []));
    const window = { start: at('2024-05-01T00:00:00Z'), horizonDays: 2 };
    const whole = simulate(spec, crowd, { ...window, traceProfileIds: crowd.map((p) => p.id) });
    const held = crowd.filter((p) => fnv(`${p.id}:journey-y:control`) % 10_000 < 4_000);
    expect(whole.traces.map((t) => t.profileId).sort()).toEqual(held.map((p) => p.id).sort());
    expect(whole.controlEntries).toBe(held.length);
    const plan = createSimulationPlan(spec, window);
    const parts = [crowd.slice(0, 77), crowd.slice(77)].map((ps, i) =>
      simulatePartition(plan, ps, i),
    );
    expect(mergeResults(parts)).toEqual(simulate(spec, crowd, window));
  });

  it('picks the random-split variant from FNV-1a of id:stepId as the spec says', () => {
    const spec = specOf(
      [
        ['t', 'event', event('visit')],
        [
          's',
          'random_split',
          {
            variants: [
              { key: 'a', label: 'A', percent: 30 },
              { key: 'b', label: 'B', percent: 70 },
            ],
          },
        ],
      ],
      [['t', 'next', 's']],
    );
    const crowd = Array.from({ length: 50 }, (_, i) =>
      person(`r${i}`, [['visit', '2024-05-01T10:00:00Z']]),
    );
    const r = simulate(spec, crowd, {
      start: at('2024-05-01T00:00:00Z'),
      horizonDays: 2,
      traceProfileIds: crowd.map((p) => p.id),
    });
    for (const t of r.traces) {
      const u = (fnv(`${t.profileId}:s`) % 10_000) / 100;
      expect(t.runs[0]?.steps[1]?.branch).toBe(u < 30 ? 'a' : 'b');
    }
  });
});
