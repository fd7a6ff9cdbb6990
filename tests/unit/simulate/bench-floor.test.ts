import { describe, expect, it } from 'vitest';
import { createSimulationPlan } from '../../../src/domain/simulate/plan.ts';
import { profileColumns } from '../../../src/domain/simulate/profile-columns.ts';
import type { SimulationResult } from '../../../src/domain/simulate/result-schema.ts';
import { simulatePartition } from '../../../src/domain/simulate/simulate.ts';
import { BENCH_DAYS, BENCH_START, benchProfiles } from '../../bench/simulate-floor.ts';
import { runFloor } from '../../bench/simulate-floor-loop.ts';
import { floorMismatch, type FloorResult } from '../../bench/simulate-floor-result.ts';
import { benchSpec } from '../../bench/simulate-spec.ts';

const DAY = 86_400_000;
const profiles = profileColumns(benchProfiles(4_000));

function engine(seed: number | string, start = BENCH_START, days = BENCH_DAYS): SimulationResult {
  const plan = createSimulationPlan(benchSpec(), { start, horizonDays: days, seed });
  return simulatePartition(plan, profiles, 0);
}

/** Every way through the journey was taken, so each figure the floor computes was put to work. */
function expectEveryPathTaken(floor: FloorResult): void {
  for (const [id, step] of Object.entries(floor.steps)) {
    expect(step.entered, id).toBeGreaterThan(0);
    for (const [key, n] of Object.entries(step.byBranch))
      expect(n, `${id}.${key}`).toBeGreaterThan(0);
  }
  for (const channel of Object.values(floor.channels)) {
    expect(channel.clicked).toBeGreaterThan(0);
    expect(channel.suppressed.unreachable).toBeGreaterThan(0);
  }
  expect(floor.channels.email.suppressed.unsubscribed).toBeGreaterThan(0);
  expect(floor.entriesRefused.active_run).toBeGreaterThan(0);
  expect(floor.entriesRefused.reentry_never).toBeGreaterThan(0);
  expect(floor.goal.conversions).toBeGreaterThan(0);
}

describe('the floor of the simulator bench', () => {
  it.each([1, 'floor'])('gives the engine’s result on bench profiles with seed %s', (seed) => {
    const floor = runFloor(profiles, seed);
    expectEveryPathTaken(floor);
    expect(floorMismatch(floor, engine(seed))).toBeNull();
  });

  it('gives the engine’s result when the horizon stops runs at every wait', () => {
    const start = BENCH_START + 30 * DAY;
    const floor = runFloor(profiles, 2, start, 12);
    for (const id of ['d1', 'wfe', 'd3', 'eng', 'd7'])
      expect(floor.steps[id]?.waiting, id).toBeGreaterThan(0);
    expect(floorMismatch(floor, engine(2, start, 12))).toBeNull();
  });

  it('depends on the seed, as the engine does', () => {
    expect(floorMismatch(runFloor(profiles, 1), engine('floor'))).not.toBeNull();
  });
});

describe('the check of the floor against the engine', () => {
  const result = engine(1);

  it('names the first figure that differs', () => {
    const floor = runFloor(profiles, 1);
    floor.channels.email.opened++;
    expect(floorMismatch(floor, result)).toBe(
      `channels.email.opened: floor ${floor.channels.email.opened}, engine ${result.channels.email.opened}`,
    );
  });

  it('names a day of a per-day list and a bucket of the time to convert', () => {
    const floor = runFloor(profiles, 1);
    floor.sendsPerDay.push[3] = -1;
    expect(floorMismatch(floor, result)).toMatch(/^sendsPerDay\.push\[3\]: floor -1, engine \d+$/);
    const other = runFloor(profiles, 1);
    other.goal.timeToConvertHours.histogram.pop();
    expect(floorMismatch(other, result)).toMatch(
      /^goal\.timeToConvertHours\.histogram: floor a list/,
    );
  });

  it('names a step or a branch that only the engine has', () => {
    const floor = runFloor(profiles, 1);
    delete floor.steps['tag'];
    expect(floorMismatch(floor, result)).toBe('steps.tag: the floor has no such step');
    const other = runFloor(profiles, 1);
    delete other.steps['wfe']?.byBranch['happened'];
    expect(floorMismatch(other, result)).toBe(
      'steps.wfe.byBranch.happened: the floor has no such branch',
    );
  });
});
