import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  STEP_DEFINITION_LIST,
  STEP_KINDS,
  createSimulationPlan,
  type Spec,
} from '../../../src/domain/index.ts';
import { OP } from '../../../src/domain/simulate/plan-step.ts';
import { VALID_CONFIGS } from '../journey/doc-fixture.ts';
import { specOf, type StepRow } from '../simulate/helpers.ts';

const SIMULATE_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../src/domain/simulate',
);

describe('one definition per step kind, all the way down to the simulator', () => {
  it('gives every trigger kind, and only those, a way to enter', () => {
    for (const def of STEP_DEFINITION_LIST) {
      const isTrigger = def.category === 'trigger';
      expect({ kind: def.kind, enters: def.simulation.trigger !== undefined }).toEqual({
        kind: def.kind,
        enters: isTrigger,
      });
      if (isTrigger) expect(def.simulation.op).toBe(OP.trigger);
      else expect(def.simulation.op).not.toBe(OP.trigger);
    }
  });

  it('plans every kind from its compiled step: branches from the definition, a message on its channel', () => {
    const kinds = STEP_KINDS.filter((k) => k !== 'event' && k !== 'exit');
    const steps: StepRow[] = [
      ['a_trigger', 'event', { event: 'go', propertyFilters: [] }],
      ...kinds.map((kind): StepRow => [`s_${kind}`, kind, { ...VALID_CONFIGS[kind] }]),
      ['z_exit', 'exit', { reason: '' }],
    ];
    const spec: Spec = specOf(steps, [['a_trigger', 'next', 'z_exit']]);
    const plan = createSimulationPlan(spec, { start: Date.UTC(2025, 0, 1), horizonDays: 1 });
    for (const step of plan.steps) {
      const def = STEP_DEFINITION_LIST.find((d) => d.kind === step.kind);
      const specStep = spec.steps[step.id];
      expect(def).toBeDefined();
      expect(specStep).toBeDefined();
      if (def === undefined || specStep === undefined) continue;
      expect(step.op).toBe(def.simulation.op);
      expect(step.branchKeys).toEqual(def.branches(specStep).map((b) => b.key));
      expect(step.branchLabels).toEqual(def.branches(specStep).map((b) => b.label));
      if (def.channel !== undefined) expect(step.message).not.toBeNull();
    }
  });

  it('keeps step kinds out of the simulator: no file there switches on a kind', () => {
    const kindTests = new RegExp(`(case|kind ===|kind !==)\\s*'(${STEP_KINDS.join('|')})'`);
    const offenders = readdirSync(SIMULATE_DIR)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => kindTests.test(readFileSync(path.join(SIMULATE_DIR, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
