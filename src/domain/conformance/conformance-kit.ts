import { CHANNELS } from '../channels.ts';
import { compile } from '../compile/compile.ts';
import type { Spec } from '../compile/spec-schema.ts';
import { generateProfiles } from '../profiles/generate/generate-profiles.ts';
import type { Profile } from '../profiles/profile.ts';
import type { SimulationOptions } from '../simulate/options.ts';
import type { SimulationResult } from '../simulate/result-schema.ts';
import { simulate } from '../simulate/simulate.ts';
import { TEMPLATES } from '../templates/templates.ts';
import { EDGE_CASES } from './edge-cases.ts';

const DAY = 86_400_000;
/** The templates are built as of this instant, so the kit is the same on every machine. */
const TEMPLATE_NOW = Date.UTC(2025, 0, 1);
const PROFILES_PER_TEMPLATE = 120;

/** What a backend should have done for one profile: every run, every step, to the minute. */
export interface ExpectedProfile {
  control: boolean;
  runs: {
    entryAt: string;
    trigger: string;
    steps: { stepId: string; at: string; leftAt: string | null; branch: string | null }[];
    end: string;
    endedAt: string | null;
  }[];
}

export interface ExpectedOutcome {
  profiles: Record<string, ExpectedProfile>;
  /** Per step: entered, left by each branch, still waiting at the horizon, and ended there by reason. */
  steps: Record<
    string,
    {
      entered: number;
      byBranch: Record<string, number>;
      waiting: number;
      exitedBy: Record<string, number>;
    }
  >;
}

/** One conformance case: run `spec` over `profiles` from `start` for `horizonDays`; expect `expected`. */
export interface ConformanceCase {
  id: string;
  description: string;
  spec: Spec;
  profiles: Profile[];
  window: { start: string; horizonDays: number };
  expected: ExpectedOutcome;
}

/**
 * Customer behaviour switched off: messages are sent, but no delivery, open, click, unsubscribe,
 * conversion or survey answer is simulated, so the outcome follows from the timelines alone.
 */
export const BEHAVIOUR_OFF: SimulationOptions = {
  behaviour: Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      { deliveredRate: 0, openRate: 0, clickRate: 0, unsubscribeRate: 0, conversionRate: 0 },
    ]),
  ),
  nps: { answerRate: 0 },
};

const iso = (t: number) => new Date(t).toISOString();
const isoOrNull = (t: number | null) => (t === null ? null : iso(t));

/** The outcome of a simulation, in the kit's implementation-neutral form. */
export function outcomeOf(result: SimulationResult): ExpectedOutcome {
  const profiles: Record<string, ExpectedProfile> = {};
  for (const trace of [...result.traces].sort((a, b) => a.profileId.localeCompare(b.profileId))) {
    profiles[trace.profileId] = {
      control: trace.control,
      runs: trace.runs.map((run) => ({
        entryAt: iso(run.entryAt),
        trigger: run.triggerStepId,
        steps: run.steps.map((s) => ({
          stepId: s.stepId,
          at: iso(s.at),
          leftAt: isoOrNull(s.leftAt),
          branch: s.branch,
        })),
        end: run.end,
        endedAt: isoOrNull(run.endedAt),
      })),
    };
  }
  const steps: ExpectedOutcome['steps'] = {};
  for (const id of Object.keys(result.steps).sort()) {
    const s = result.steps[id];
    if (s)
      steps[id] = {
        entered: s.entered,
        byBranch: s.byBranch,
        waiting: s.waiting,
        exitedBy: s.exitedBy,
      };
  }
  return { profiles, steps };
}

/** Runs a case's spec over its profiles as the reference implementation (the simulator) does. */
export function runReference(
  spec: Spec,
  profiles: readonly Profile[],
  window: ConformanceCase['window'],
): ExpectedOutcome {
  const result = simulate(spec, profiles, {
    ...BEHAVIOUR_OFF,
    start: window.start,
    horizonDays: window.horizonDays,
    traceProfileIds: profiles.map((p) => p.id),
  });
  return outcomeOf(result);
}

function compiled(id: string, document: Parameters<typeof compile>[0]): Spec {
  const { spec, diagnostics } = compile(document, { version: 1 });
  if (spec === null) {
    const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    throw new Error(`conformance case ${id} does not compile: ${errors.join('; ')}`);
  }
  return spec;
}

/** Every case: the lifecycle templates over generated customers, then the hand-made edge cases. */
export function buildConformanceCases(): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  for (const template of TEMPLATES) {
    const spec = compiled(template.id, template.build(TEMPLATE_NOW));
    const profiles = generateProfiles({
      count: PROFILES_PER_TEMPLATE,
      seed: `conformance-${template.id}`,
      start: TEMPLATE_NOW - 365 * DAY,
      end: TEMPLATE_NOW,
    });
    const window = { start: iso(TEMPLATE_NOW - 365 * DAY), horizonDays: 420 };
    cases.push({
      id: `template-${template.id}`,
      description: `${template.name}: ${template.description}`,
      spec,
      profiles,
      window,
      expected: runReference(spec, profiles, window),
    });
  }
  for (const edge of EDGE_CASES) {
    const spec = compiled(edge.id, edge.document);
    const window = { start: new Date(edge.start).toISOString(), horizonDays: edge.horizonDays };
    cases.push({
      id: `edge-${edge.id}`,
      description: edge.description,
      spec,
      profiles: edge.profiles,
      window,
      expected: runReference(spec, edge.profiles, window),
    });
  }
  return cases;
}

/** Where an actual outcome differs from the expected one, as readable lines (empty: it conforms). */
export function compareOutcomes(expected: ExpectedOutcome, actual: ExpectedOutcome): string[] {
  const problems: string[] = [];
  const ids = new Set([...Object.keys(expected.profiles), ...Object.keys(actual.profiles)]);
  for (const id of [...ids].sort()) {
    const want = JSON.stringify(expected.profiles[id] ?? null);
    const got = JSON.stringify(actual.profiles[id] ?? null);
    if (want !== got) problems.push(`profile ${id}: expected ${want}, got ${got}`);
  }
  const steps = new Set([...Object.keys(expected.steps), ...Object.keys(actual.steps)]);
  for (const id of [...steps].sort()) {
    const want = JSON.stringify(expected.steps[id] ?? null);
    const got = JSON.stringify(actual.steps[id] ?? null);
    if (want !== got) problems.push(`step ${id}: expected ${want}, got ${got}`);
  }
  return problems;
}
