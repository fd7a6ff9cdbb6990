import { describe, expect, it } from 'vitest';
import { stepsLoop } from '../../../src/domain/simulate/plan-loops.ts';

const steps = (...next: number[][]) => next.map((n) => ({ next: n }));

describe('whether a journey’s steps loop', () => {
  it('finds no loop where two branches meet again (a diamond)', () => {
    expect(stepsLoop(steps([1, 2], [3], [3], [-1]))).toBe(false);
  });

  it('finds a loop back to an earlier step, and a step leading to itself', () => {
    expect(stepsLoop(steps([1], [2], [-1, 1]))).toBe(true);
    expect(stepsLoop(steps([0]))).toBe(true);
  });

  it('finds a loop among steps no trigger reaches', () => {
    expect(stepsLoop(steps([-1], [2], [1]))).toBe(true);
  });

  it('walks a chain of as many steps as a journey may have without running out of stack', () => {
    const chain = Array.from({ length: 5_000 }, (_, i) => [i + 1 < 5_000 ? i + 1 : -1]);
    expect(stepsLoop(steps(...chain))).toBe(false);
    chain[4_999] = [0];
    expect(stepsLoop(steps(...chain))).toBe(true);
  });
});
