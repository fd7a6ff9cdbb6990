import { describe, expect, it } from 'vitest';
import {
  nextRunNumber,
  upgradeState,
  type JourneyProfileState,
  type RunState,
} from '../../../src/executor/engine/state.ts';

const run = (n: number): RunState => ({ id: `j:p:${n}` }) as RunState; // only the id is read here

describe('run numbers across a state upgrade', () => {
  it('never falls back below a number already used, whatever order the kept runs are in', () => {
    // A version 1 state counted to 350, then an executor from before the count numbered a run
    // from the length of the trimmed list (101): the next run must still be past 350.
    const state = {
      v: 1,
      started: 350,
      runs: [...Array.from({ length: 99 }, (_, i) => run(252 + i)), run(101)],
    };
    upgradeState(state);
    expect(nextRunNumber(state as unknown as JourneyProfileState)).toBe(351);
  });

  it('numbers past the highest kept run when the count was lost', () => {
    const state = { v: 1, runs: [run(7), run(3)] };
    upgradeState(state);
    expect(nextRunNumber(state as unknown as JourneyProfileState)).toBe(8);
  });
});
