import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  bgnbdExpectedPurchases,
  bgnbdProbabilityAlive,
  bgnbdTotalLogLikelihood,
  fitBgNbd,
  fitGammaGamma,
  gammaGammaExpectedSpend,
  gammaGammaLogLikelihood,
  hyp2f1,
  rfmSummary,
} from '../../../src/domain/forecast';
import { importCdnow } from '../../../src/domain/profiles/import/cdnow';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dataDir = path.resolve(repoRoot, 'public/data/cdnow');
const { profiles } = importCdnow(readFileSync(path.join(dataDir, 'CDNOW_sample.txt'), 'utf8'));
const published = readFileSync(path.join(dataDir, 'cdnow_sample_summary.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.trim().split(',').map(Number));
const summary = rfmSummary(profiles, { calibrationEnd: '1997-09-30' });

// How long the fits take is measured by `npm run bench -- clv-fit`, not here: a wall-clock limit
// in a unit test fails on a loaded CI machine.
const bgFit = { result: fitBgNbd(summary) };
const ggFit = { result: fitGammaGamma(summary) };

const withinOnePercent = (actual: number, expected: number): void => {
  expect(Math.abs(actual / expected - 1)).toBeLessThan(0.01);
};

describe('rfmSummary on the CDNOW sample', () => {
  it('reproduces the published calibration summary row by row', () => {
    expect(summary).toHaveLength(2_357);
    expect(published).toHaveLength(2_357);
    expect(summary.reduce((s, r) => s + r.x, 0)).toBe(2_457);
    summary.forEach((row, i) => {
      const [id, x, tx, T, zbar] = published[i] ?? [];
      expect(profiles[i]?.attributes.custom.sampleId).toBe(id);
      expect(row.x).toBe(x);
      expect(row.t_x).toBeCloseTo(tx ?? NaN, 2);
      expect(row.T).toBeCloseTo(T ?? NaN, 2);
      expect(Math.abs(row.zbar - (zbar ?? NaN))).toBeLessThanOrEqual(0.005 + 1e-9);
    });
  });

  it('counts only purchases up to the calibration end', () => {
    const early = rfmSummary(profiles, { calibrationEnd: '1997-03-31' });
    expect(early).toHaveLength(2_357);
    expect(early.reduce((s, r) => s + r.x, 0)).toBeLessThan(2_457);
    const beforeAll = rfmSummary(profiles, { calibrationEnd: '1996-12-31' });
    expect(beforeAll).toEqual([]);
  });
});

describe('BG/NBD on the CDNOW sample', () => {
  it('reproduces the published maximum-likelihood parameters within 1 %', () => {
    const { params, converged } = bgFit.result;
    expect(converged).toBe(true);
    withinOnePercent(params.r, 0.243);
    withinOnePercent(params.alpha, 4.414);
    withinOnePercent(params.a, 0.793);
    withinOnePercent(params.b, 2.426);
    expect(bgFit.result.logLikelihood).toBeCloseTo(-9582.43, 1);
    expect(bgnbdTotalLogLikelihood(params, summary)).toBeCloseTo(bgFit.result.logLikelihood, 6);
  });

  it("gives the paper's conditional expectation for its example customer", () => {
    // FHL 2005: x = 2, t_x = 30.43, T = 38.86 expects 1.226 purchases in the next 39 weeks.
    const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    expect(bgnbdExpectedPurchases(published, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 2);
  });

  it('matches the untransformed closed form with the plain hypergeometric series', () => {
    const p = bgFit.result.params;
    for (const [t, x, tx, T] of [
      [39, 2, 30.43, 38.86],
      [10, 0, 0, 30],
      [52, 7, 35, 38],
      [78, 1, 1.71, 38.86],
    ] as const) {
      const z = t / (p.alpha + T + t);
      const bracket =
        1 -
        ((p.alpha + T) / (p.alpha + T + t)) ** (p.r + x) *
          hyp2f1(p.r + x, p.b + x, p.a + p.b + x - 1, z);
      const direct =
        (((p.a + p.b + x - 1) / (p.a - 1)) * bracket) /
        (1 + (x > 0 ? (p.a / (p.b + x - 1)) * ((p.alpha + T) / (p.alpha + tx)) ** (p.r + x) : 0));
      expect(bgnbdExpectedPurchases(p, t, x, tx, T)).toBeCloseTo(direct, 10);
    }
  });

  it('forecasts the 39-week holdout in aggregate within 15 %', () => {
    // 1,882 repeat purchase days happened; the model expects about 1,653 (it under-forecasts
    // CDNOW's holdout a little, as in the paper's tracking plot).
    // The 39 weeks after calibration: repeat purchase days from 1997-10-01 to 1998-06-30.
    const full = rfmSummary(profiles, { calibrationEnd: '1998-06-30' });
    const actual = full.reduce((s, r, i) => s + r.x - (summary[i]?.x ?? 0), 0);
    const p = bgFit.result.params;
    const expected = summary.reduce(
      (s, r) => s + bgnbdExpectedPurchases(p, 39, r.x, r.t_x, r.T),
      0,
    );
    expect(actual).toBe(1_882);
    expect(Math.abs(expected / actual - 1)).toBeLessThan(0.15);
  });

  it('grows expected purchases with the horizon and keeps P(alive) in (0, 1]', () => {
    const p = bgFit.result.params;
    let previous = 0;
    for (const t of [1, 5, 26, 52, 260, 2600]) {
      const e = bgnbdExpectedPurchases(p, t, 3, 20, 38);
      expect(e).toBeGreaterThan(previous);
      previous = e;
    }
    expect(bgnbdExpectedPurchases(p, 0, 3, 20, 38)).toBe(0);
    expect(bgnbdProbabilityAlive(p, 0, 0, 38)).toBe(1);
    const recent = bgnbdProbabilityAlive(p, 5, 38, 38);
    const lapsed = bgnbdProbabilityAlive(p, 5, 2, 38);
    expect(recent).toBeGreaterThan(lapsed);
    expect(lapsed).toBeGreaterThan(0);
  });

  it('stays exact at a = 1, where the closed form divides by zero', () => {
    const p = { r: 0.5, alpha: 5, a: 1, b: 2 };
    const near = bgnbdExpectedPurchases({ ...p, a: 1 + 1e-7 }, 39, 2, 20, 38);
    expect(bgnbdExpectedPurchases(p, 39, 2, 20, 38)).toBeCloseTo(near, 5);
  });
});

describe('Gamma-Gamma on the CDNOW sample', () => {
  it('reproduces the published parameters within 1 % on the 946 repeat customers', () => {
    const { params, customers, converged } = ggFit.result;
    expect(converged).toBe(true);
    expect(customers).toBe(946);
    withinOnePercent(params.p, 6.25);
    withinOnePercent(params.q, 3.74);
    withinOnePercent(params.gamma, 15.45);
  });

  it("shrinks a customer's mean spend towards the population mean", () => {
    const p = ggFit.result.params;
    const population = (p.p * p.gamma) / (p.q - 1);
    expect(gammaGammaExpectedSpend(p, 0, 0)).toBeCloseTo(population, 10);
    const few = gammaGammaExpectedSpend(p, 1, 100);
    const many = gammaGammaExpectedSpend(p, 20, 100);
    expect(few).toBeGreaterThan(population);
    expect(few).toBeLessThan(many);
    expect(many).toBeLessThan(100);
    expect(gammaGammaExpectedSpend({ p: 2, q: 0.5, gamma: 3 }, 0, 0)).toBeNaN();
  });

  it('has its maximum at the fitted parameters', () => {
    const p = ggFit.result.params;
    const total = (q: typeof p): number =>
      summary
        .filter((r) => r.x > 0)
        .reduce((s, r) => s + gammaGammaLogLikelihood(q, r.x, r.zbar), 0);
    const best = total(p);
    expect(best).toBeCloseTo(ggFit.result.logLikelihood, 6);
    for (const key of ['p', 'q', 'gamma'] as const) {
      expect(total({ ...p, [key]: p[key] * 1.02 })).toBeLessThan(best);
      expect(total({ ...p, [key]: p[key] * 0.98 })).toBeLessThan(best);
    }
  });
});
