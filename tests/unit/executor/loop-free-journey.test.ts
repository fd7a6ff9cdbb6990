import { describe, expect, it } from 'vitest';
import {
  delay,
  journeyOf,
  onEvent,
  ordersAtLeast,
  person,
} from '../../../src/domain/conformance/case-builder.ts';
import { NO_WORKSPACE_FREQUENCY_CAP } from '../../../src/domain/contract/executor-contract.ts';
import { compile, simulate, type Spec } from '../../../src/domain/index.ts';
import { advanceJourney } from '../../../src/executor/engine/advance-journey.ts';
import { buildCounts, sumDeltas } from '../../../src/executor/engine/build-counts.ts';
import { emptyJourneyState } from '../../../src/executor/engine/state.ts';
import { Tally } from '../../../src/executor/engine/tally.ts';
import { versionPlan } from '../../../src/executor/engine/version-plan.ts';
import { workspaceCapOf } from '../../../src/executor/engine/workspace-cap.ts';

/**
 * The runaway bound (2,000 step entries) is for loops. A journey without one cannot run away:
 * a run enters each of its steps once, and a journey may have up to 5,000 steps. The executor
 * used to end a run of such a long journey at its 2,001st step (`loop_guard`), and the simulator
 * predicted the same stop. Likewise the bound of 1,000 steps in one instant: both stopped a run
 * passing more than that many instant steps (conditions) of a journey without a loop.
 */
const START = Date.UTC(2026, 0, 5, 9);
const DAY = 86_400_000;
const LENGTH = 2_100;

type Step = [string, string, Record<string, unknown>];
const aMinute = (id: string): Step => [id, 'delay', delay(1, 'minutes')];
/** A condition that always holds: the run passes it at the instant it arrives. */
const atOnce = (id: string): Step => [id, 'if_else', { condition: ordersAtLeast(0, null) }];

function longJourney(step: (id: string) => Step, branch: string): Spec {
  const ids = Array.from({ length: LENGTH }, (_, i) => `d${String(i).padStart(4, '0')}`);
  const { spec } = compile(
    journeyOf(
      'long',
      'Long',
      [['t', 'event', onEvent('signed_up')], ...ids.map(step)],
      [
        ['t', 'next', ids[0] as string],
        ...ids.slice(1).map((id, i) => [ids[i] as string, branch, id] as [string, string, string]),
      ],
    ),
  );
  if (spec === null) throw new Error('the long journey does not compile');
  return spec;
}

describe('a journey without a loop, longer than the runaway bound', () => {
  const customer = person('walker', [['signed_up', new Date(START + 1_000).toISOString()]]);

  it.each([
    ['a minute at each step', aMinute, 'next'],
    ['all steps at one instant', atOnce, 'yes'],
  ] as const)(
    'is walked to its end by the executor, as the simulator predicts (%s)',
    (_, step, branch) => {
      const spec = longJourney(step, branch);
      const vp = versionPlan(spec, 1, START);
      const plans = {
        journeyId: 'long',
        live: vp,
        byVersion: new Map([[1, vp]]),
        stops: [],
        liveUntil: Number.POSITIVE_INFINITY,
      };
      const tally = new Tally();
      const state = emptyJourneyState();
      const workspace = workspaceCapOf(NO_WORKSPACE_FREQUENCY_CAP, []);
      advanceJourney({
        profile: customer,
        plans,
        state,
        now: START + 3 * DAY,
        tally,
        sends: [],
        workspace,
      });
      expect(state.runs.map((r) => r.end)).toEqual(['completed']);

      const actual = buildCounts(vp, sumDeltas([...tally.byVersion.values()]));
      const simulated = simulate(spec, [customer], { seed: 1, start: START, horizonDays: 3 });
      expect(simulated.stopped.profiles).toBe(0);
      const last = `d${String(LENGTH - 1).padStart(4, '0')}`;
      expect(actual.steps[last]?.exitedBy).toMatchObject({ completed: 1, loop_guard: 0 });
      expect(simulated.steps[last]?.exitedBy).toMatchObject({ completed: 1, loop_guard: 0 });
    },
  );
});
