import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, TEMPLATES } from '../../../src/domain/index.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { simulationOptionsSchema } from '../../../src/domain/simulate/options.ts';
import { createSimulationPlan } from '../../../src/domain/simulate/plan.ts';
import { profileColumns } from '../../../src/domain/simulate/profile-columns.ts';
import { PartitionRun } from '../../../src/domain/simulate/simulate.ts';
import { JoinedPart } from '../../../src/workers/simulation/joined-part.ts';

const START = Date.UTC(2025, 0, 1);
const profiles = generateProfiles({ count: 600, seed: 5, start: START, end: Date.UTC(2025, 4, 1) });
const columns = profileColumns(profiles);

function specOf(id: string) {
  const template = TEMPLATES.find((t) => t.id === id);
  const spec = template && compile(template.build(START)).spec;
  if (!spec) throw new Error(`template ${id} does not compile`);
  return spec;
}
const welcome = specOf('welcome-series');
const winBack = specOf('win-back');
const parsed = (options: object) => simulationOptionsSchema.parse(options);

describe('JoinedPart', () => {
  it('runs a kept journey with another seed and traces exactly as a run prepared from scratch', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(welcome, winBack),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 1_000 }),
        fc.integer({ min: 1, max: 1_000 }),
        fc.subarray(
          profiles.slice(0, 40).map((p) => p.id),
          { maxLength: 3 },
        ),
        (spec, traceSample, preparedSeed, seed, traceProfileIds) => {
          const kept = new JoinedPart();
          const base = { start: START, horizonDays: 90, traceSample };
          const first = kept.runOf(spec, parsed({ ...base, seed: preparedSeed }), columns);
          const options = parsed({ ...base, seed, traceProfileIds });
          const { plan, prepared } = kept.runOf(spec, options, columns);
          expect(prepared).toBe(first.prepared);
          const reused = new PartitionRun(plan, columns, 0, prepared);
          reused.advance(Number.POSITIVE_INFINITY);
          const fresh = new PartitionRun(createSimulationPlan(spec, options), columns, 0);
          fresh.advance(Number.POSITIVE_INFINITY);
          expect(reused.result()).toEqual(fresh.result());
        },
      ),
      { numRuns: 25, seed: 20261206 },
    );
  });

  it('prepares a journey once per part, whatever the seed, and again when what it depends on changes', () => {
    const kept = new JoinedPart();
    const options = parsed({ start: START, horizonDays: 90, seed: 1, traceSample: 10 });
    const first = kept.runOf(welcome, options, columns).prepared;
    expect(kept.runOf(welcome, { ...options, seed: 9 }, columns).prepared).toBe(first);
    expect(
      kept.runOf(welcome, { ...options, traceProfileIds: [profiles[0]?.id ?? ''] }, columns)
        .prepared,
    ).toBe(first);
    const longer = kept.runOf(welcome, { ...options, horizonDays: 120 }, columns).prepared;
    expect(longer).not.toBe(first);
    const other = kept.runOf(winBack, { ...options, horizonDays: 120 }, columns).prepared;
    expect(other).not.toBe(longer);
    const otherPart = profileColumns(profiles.slice(0, 300));
    expect(kept.runOf(winBack, { ...options, horizonDays: 120 }, otherPart).prepared).not.toBe(
      other,
    );
  });

  it('joins a kept part once, and forgets the journey prepared over it when the part changes', () => {
    const part = new JoinedPart();
    const batches = [profileColumns(profiles.slice(0, 300)), profileColumns(profiles.slice(300))];
    const joined = part.join(batches);
    expect(joined.count).toBe(profiles.length);
    expect(part.join([...batches])).toBe(joined);
    const options = parsed({ start: START, horizonDays: 90 });
    const prepared = part.runOf(welcome, options, joined).prepared;
    const other = part.join(batches.slice(0, 1));
    expect(other).not.toBe(joined);
    expect(other.count).toBe(300);
    const again = part.join(batches);
    expect(again).not.toBe(joined); // one join is kept, not two
    expect(part.runOf(welcome, options, again).prepared).not.toBe(prepared);
  });
});
