import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  bgnbdDegeneracy,
  clvFitWarnings,
  clvReport,
  clvReportSchema,
} from '../../../src/domain/forecast';
import { importCdnow } from '../../../src/domain/profiles/import/cdnow';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { profiles } = importCdnow(
  readFileSync(path.join(repoRoot, 'public/data/cdnow/CDNOW_sample.txt'), 'utf8'),
);
const within = (actual: number, expected: number, share: number) =>
  expect(Math.abs(actual / expected - 1)).toBeLessThan(share);

describe('clvReport', () => {
  it('fits on the calibration period and checks the holdout (CDNOW, 1997-09-30)', () => {
    const report = clvReport(profiles, '1997-09-30');
    expect(clvReportSchema.parse(report)).toEqual(report);
    if (!report.ok) throw new Error(report.message);
    within(report.bgnbd.params.r, 0.2426, 0.005);
    within(report.bgnbd.params.alpha, 4.414, 0.005);
    within(report.bgnbd.params.a, 0.7929, 0.005);
    within(report.bgnbd.params.b, 2.426, 0.005);
    within(report.gammaGamma.params.p, 6.25, 0.005);
    within(report.gammaGamma.params.q, 3.74, 0.005);
    within(report.gammaGamma.params.gamma, 15.44, 0.005);
    expect(report.lastPurchase).toBe('1998-06-30');
    expect(report.holdout?.actualHoldoutPurchases).toBe(1_882);
    expect(report.warnings).toEqual([]);
  });

  it('holds out the last third by default and nothing with "all"', () => {
    const byDefault = clvReport(profiles, 'default');
    const all = clvReport(profiles, 'all');
    if (!byDefault.ok || !all.ok) throw new Error('fit failed');
    expect(byDefault.calibrationEnd).toBe('1997-12-30');
    expect(byDefault.holdout?.holdoutEnd).toBe('1998-06-30');
    expect(all.calibrationEnd).toBe('1998-06-30');
    expect(all.holdout).toBeNull();
  });

  it('says why a set without repeat buyers cannot be fitted, with the warning', () => {
    const firstOnly = profiles.slice(0, 50).map((p) => ({ ...p, events: p.events.slice(0, 1) }));
    const report = clvReport(firstOnly, 'all');
    expect(report.ok).toBe(false);
    expect(report.warnings).toEqual([
      { code: 'bgnbd-degenerate', reason: 'too_few_customers', message: expect.any(String) },
    ]);
    expect(clvReport([], 'all')).toMatchObject({
      ok: false,
      reason: 'no-purchases',
      calibrationEnd: null,
    });
  });
});

describe('clvFitWarnings', () => {
  const fit = (params: { r: number; alpha: number; a: number; b: number }, converged = true) => ({
    params,
    logLikelihood: -1,
    customers: 500,
    evaluations: 1,
    converged,
    degenerate: bgnbdDegeneracy(params, histories),
  });
  const histories = Array.from({ length: 500 }, (_, i) => ({ x: i % 3, t_x: 1, T: 10 }));

  it('carries the BG/NBD fit’s degenerate flag (a → 0, b → ∞) and a search that did not converge', () => {
    expect(clvFitWarnings(histories, fit({ r: 1, alpha: 1, a: 1e-5, b: 1 }), null)).toEqual([
      { code: 'bgnbd-degenerate', reason: 'no_dropout', message: expect.any(String) },
    ]);
    expect(
      clvFitWarnings(histories, fit({ r: 1, alpha: 1, a: 1, b: 5e4 }, false), null).map(
        (w) => w.code,
      ),
    ).toEqual(['bgnbd-degenerate', 'not-converged']);
    expect(clvFitWarnings(histories, fit({ r: 1, alpha: 1, a: 1, b: 3 }), null)).toEqual([]);
  });

  it('flags few repeat buyers and a spend model without a mean', () => {
    const few = histories.map((h, i) => ({ ...h, x: i < 10 ? 1 : 0 }));
    const gg = {
      params: { p: 1, q: 0.8, gamma: 1 },
      logLikelihood: -1,
      customers: 10,
      evaluations: 1,
      converged: true,
      degenerate: null,
    };
    expect(clvFitWarnings(few, null, gg)).toEqual([
      { code: 'few-repeat-buyers', repeatBuyers: 10, minimum: 30 },
      { code: 'spend-mean-undefined', q: 0.8 },
    ]);
  });
});
