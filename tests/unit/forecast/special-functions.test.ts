import { describe, expect, it } from 'vitest';
import {
  criticalValue,
  hyp2f1,
  lgamma,
  logAddExp,
  minimize,
  normalCdf,
  normalQuantile,
  regularizedIncompleteBeta,
  studentTCdf,
  studentTQuantile,
} from '../../../src/domain/forecast';

describe('lgamma', () => {
  it('matches factorials and Γ(½) = √π', () => {
    expect(lgamma(1)).toBeCloseTo(0, 14);
    expect(lgamma(10)).toBeCloseTo(Math.log(362_880), 12);
    expect(lgamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(lgamma(171.5)).toBeCloseTo(709.1431630309282, 10);
    expect(lgamma(1e-8)).toBeCloseTo(18.42068073818021, 12);
    expect(lgamma(-0.5)).toBeCloseTo(1.265512123484645, 12);
    expect(lgamma(0)).toBe(Infinity);
  });

  it('adds logs without overflow', () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logAddExp(-Infinity, 3)).toBe(3);
  });
});

describe('hyp2f1', () => {
  it('matches closed forms', () => {
    for (const z of [-0.9, -0.3, 0.1, 0.5, 0.9, 0.99]) {
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log1p(-z) / z, 10);
      expect(hyp2f1(2.5, 3, 3, z) / (1 - z) ** -2.5).toBeCloseTo(1, 12);
    }
    expect(hyp2f1(0.5, 0.5, 1.5, 0.25)).toBeCloseTo(Math.asin(0.5) / 0.5, 12);
    // A terminating series: 1 − 3 + 2.25 − 0.5.
    expect(hyp2f1(-3, 2, 1, 0.5)).toBeCloseTo(-0.25, 14);
  });

  it('refuses arguments it cannot sum', () => {
    expect(() => hyp2f1(1, 1, -2, 0.5)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, 2, 1.5)).toThrow(RangeError);
    expect(() => hyp2f1(5, 5, 1, 0.999999, { maxTerms: 100 })).toThrow(/converge/);
  });
});

describe('normal and t distributions', () => {
  it('match reference values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(-8)).toBeCloseTo(6.22096057427178e-16, 28);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228138851986274, 10);
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706204736174707, 8);
    expect(studentTQuantile(0.05, 19)).toBeCloseTo(-1.729132811521367, 10);
    expect(studentTCdf(2.228138851986274, 10)).toBeCloseTo(0.975, 12);
    expect(criticalValue(0.9)).toBeCloseTo(1.6448536269514722, 12);
    expect(regularizedIncompleteBeta(0.5, 2, 3)).toBeCloseTo(0.6875, 14);
    expect(() => criticalValue(1)).toThrow(RangeError);
  });
});

describe('minimize', () => {
  it('finds the minimum of the Rosenbrock valley', () => {
    const rosenbrock = (v: readonly number[]): number =>
      100 * ((v[1] ?? 0) - (v[0] ?? 0) ** 2) ** 2 + (1 - (v[0] ?? 0)) ** 2;
    const result = minimize(rosenbrock, [-1.2, 1], { maxEvaluations: 10_000 });
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
    expect(result.converged).toBe(true);
  });

  it('treats NaN as worse than any point', () => {
    const result = minimize((v) => ((v[0] ?? 0) < 0 ? NaN : ((v[0] ?? 0) - 2) ** 2), [1]);
    expect(result.x[0]).toBeCloseTo(2, 5);
  });
});
