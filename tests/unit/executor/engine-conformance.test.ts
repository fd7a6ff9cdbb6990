import { describe, expect, it } from 'vitest';
import {
  buildConformanceCases,
  compareOutcomes,
  type ExpectedOutcome,
} from '../../../src/domain/conformance/conformance-kit.ts';
import { advanceJourney } from '../../../src/executor/engine/advance-journey.ts';
import { buildCounts, sumDeltas } from '../../../src/executor/engine/build-counts.ts';
import { runsOutcome } from '../../../src/executor/engine/run-outcome.ts';
import { emptyJourneyState, type JourneyProfileState } from '../../../src/executor/engine/state.ts';
import { Tally } from '../../../src/executor/engine/tally.ts';
import { versionPlan } from '../../../src/executor/engine/version-plan.ts';
import { workspaceCapOf } from '../../../src/executor/engine/workspace-cap.ts';
import { NO_WORKSPACE_FREQUENCY_CAP } from '../../../src/domain/contract/executor-contract.ts';
import type { Profile } from '../../../src/domain/index.ts';

const DAY = 86_400_000;
const cases = buildConformanceCases();

/** Runs a case through the engine, advancing each profile at the given instants. */
function runCase(c: (typeof cases)[number], stops: (profile: Profile, end: number) => number[]) {
  const start = Date.parse(c.window.start);
  const end = start + c.window.horizonDays * DAY;
  const vp = versionPlan(c.spec, 1, start);
  const plans = {
    journeyId: c.spec.journey.id,
    live: vp,
    byVersion: new Map([[1, vp]]),
    stops: [],
  };
  const tally = new Tally();
  const profiles: ExpectedOutcome['profiles'] = {};
  for (const original of c.profiles) {
    let profile = original;
    const state: JourneyProfileState = emptyJourneyState();
    for (const now of stops(original, end)) {
      const workspace = workspaceCapOf(NO_WORKSPACE_FREQUENCY_CAP, []);
      profile = advanceJourney({ profile, plans, state, now, tally, sends: [], workspace }).profile;
    }
    if (state.runs.length > 0)
      profiles[original.id] = {
        control: vp.plan.controlThreshold > 0 && state.runs.every((r) => r.control),
        runs: runsOutcome(state),
      };
  }
  const counts = buildCounts(vp, sumDeltas([...tally.byVersion.values()]));
  const steps: ExpectedOutcome['steps'] = {};
  for (const id of Object.keys(counts.steps).sort()) {
    const s = counts.steps[id];
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

// Heavy (seconds here, several times that on a loaded CI machine): a generous limit of its own.
describe('the executor engine against the conformance kit', { timeout: 120_000 }, () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s, advanced in one go', (_id, c) => {
    expect(
      compareOutcomes(
        c.expected,
        runCase(c, (_p, end) => [end - 1]),
      ),
    ).toEqual([]);
  });

  it.each(cases.map((c) => [c.id, c] as const))(
    '%s, advanced at every event, just after it, and every 5 days',
    (_id, c) => {
      const start = Date.parse(c.window.start);
      const stops = (p: Profile, end: number) => {
        const at = new Set<number>([start]);
        for (const e of p.events) {
          if (e.at >= start && e.at < end) at.add(e.at);
          if (e.at + 1 >= start && e.at + 1 < end) at.add(e.at + 1);
        }
        for (let t = start; t < end; t += 5 * DAY) at.add(t);
        at.add(end - 1);
        return [...at].sort((a, b) => a - b);
      };
      expect(compareOutcomes(c.expected, runCase(c, stops))).toEqual([]);
    },
    60_000,
  );
});
