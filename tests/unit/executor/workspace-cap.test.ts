import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  delay,
  email,
  journeyOf,
  onEvent,
  person,
} from '../../../src/domain/conformance/case-builder.ts';
import {
  NO_WORKSPACE_FREQUENCY_CAP,
  type WorkspaceFrequencyCap,
} from '../../../src/domain/contract/executor-contract.ts';
import { compile, type Profile } from '../../../src/domain/index.ts';
import {
  advanceProfile,
  type ProfileJourney,
} from '../../../src/executor/engine/advance-profile.ts';
import type { SendIntent } from '../../../src/executor/engine/send-intent.ts';
import { emptyJourneyState } from '../../../src/executor/engine/state.ts';
import { Tally } from '../../../src/executor/engine/tally.ts';
import { versionPlan } from '../../../src/executor/engine/version-plan.ts';
import { workspaceCapOf } from '../../../src/executor/engine/workspace-cap.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 12);

/** On sign-up, wait `days` (none when 0), then one email. */
function journey(id: string, days: number): ProfileJourney {
  const steps: Parameters<typeof journeyOf>[2] = [['t', 'event', onEvent('signed_up')]];
  const links: Parameters<typeof journeyOf>[3] = [];
  if (days > 0) {
    steps.push(['d', 'delay', delay(days, 'days')]);
    links.push(['t', 'next', 'd'], ['d', 'next', 'm']);
  } else links.push(['t', 'next', 'm']);
  steps.push(['m', 'email', email(`From ${id}`)]);
  const { spec } = compile(journeyOf(id, id, steps, links), { version: 1 });
  if (spec === null) throw new Error('the test journey does not compile');
  const vp = versionPlan(spec, 1, T0 - DAY);
  return {
    plans: {
      journeyId: id,
      live: vp,
      byVersion: new Map([[1, vp]]),
      stops: [],
    },
    state: emptyJourneyState(),
  };
}

const signedUp = (): Profile => person('p-1', [['signed_up', new Date(T0).toISOString()]]);
const capOf = (max: number, periodDays: number): WorkspaceFrequencyCap => ({
  enabled: true,
  max,
  periodDays,
  perChannel: {},
});

/** Advances one profile at each of `stops`, keeping its message history between them as a batch does. */
function run(journeys: ProfileJourney[], cap: WorkspaceFrequencyCap, stops: number[]) {
  const tally = new Tally();
  const sends: SendIntent[] = [];
  let profile = signedUp();
  let history: [number, number][] = [];
  let from = T0;
  for (const now of stops) {
    const workspace = workspaceCapOf(cap, history);
    const out = advanceProfile({ profile, journeys, workspace, from, now, tally, sends });
    profile = out.profile;
    history = workspace.history.recent(now, workspace.rule);
    from = out.dueAt;
  }
  const capped = [...tally.byVersion.entries()].flatMap(([key, deltas]) =>
    (deltas['suppressed|m|frequency_cap'] ?? 0) > 0 ? [key.split('\u0000')[0]] : [],
  );
  return { sends, capped };
}

describe('the workspace frequency cap across journeys', () => {
  it('lets every journey send when no workspace cap is set', () => {
    const { sends } = run(
      [journey('later', 1), journey('at-once', 0)],
      NO_WORKSPACE_FREQUENCY_CAP,
      [T0 + 3 * DAY],
    );
    expect(sends.map((s) => s.journeyId).sort()).toEqual(['at-once', 'later']);
  });

  it('caps the later message whichever journey is advanced first, in one go or batch by batch', () => {
    for (const stops of [
      [T0 + 3 * DAY],
      [T0, T0 + DAY, T0 + 3 * DAY],
      [T0 + DAY / 2, T0 + 3 * DAY],
    ])
      for (const order of [
        [journey('later', 1), journey('at-once', 0)],
        [journey('at-once', 0), journey('later', 1)],
      ]) {
        const { sends, capped } = run(order, capOf(1, 7), stops);
        expect(sends.map((s) => s.journeyId)).toEqual(['at-once']);
        expect(capped).toEqual(['later']);
      }
  });

  it('lets the later message go once the period has passed', () => {
    const { sends } = run([journey('later', 8), journey('at-once', 0)], capOf(1, 7), [
      T0 + 10 * DAY,
    ]);
    expect(sends.map((s) => s.journeyId)).toEqual(['at-once', 'later']);
  });

  it('never lets more than the cap through in any window, and caps only what it must', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 2, maxLength: 5 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 1, max: 14 }), { minLength: 1, maxLength: 4 }),
        (delays, max, periodDays, gaps) => {
          const journeys = delays.map((d, i) => journey(`j${i}`, d));
          let at = T0;
          const stops = gaps.map((g) => (at += g * DAY));
          stops.push(T0 + 20 * DAY);
          const { sends, capped } = run(journeys, capOf(max, periodDays), stops);
          const times = sends.map((s) => s.at).sort((a, b) => a - b);
          for (const t of times)
            expect(
              times.filter((u) => u > t - periodDays * DAY && u <= t).length,
            ).toBeLessThanOrEqual(max);
          expect(sends.length + capped.length).toBe(delays.length);
          // A message is capped only when the window before it is full.
          for (const id of capped) {
            const due = T0 + (delays[Number(id?.slice(1))] ?? 0) * DAY;
            expect(times.filter((u) => u > due - periodDays * DAY && u <= due).length).toBe(max);
          }
        },
      ),
      { seed: 20261206, numRuns: 150 },
    );
  });
});
