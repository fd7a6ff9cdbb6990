import { describe, expect, it } from 'vitest';
import {
  bgnbdDegeneracy,
  bgnbdExpectedPurchases,
  bgnbdProbabilityAlive,
  bgnbdTotalLogLikelihood,
  hyp2f1,
  rfmSummary,
  type BgNbdParams,
} from '../../../src/domain/forecast';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles';
import { runClv } from '../../../src/domain/forecast/clv-report.ts';

const NOW = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
// Purchases without drop-outs (as the demo data had before the generator drew BG/NBD histories)
// drive a fit to large a and b, where the transformed series used to overflow. These are the
// parameters such a fit gave (a ≈ 2.3e3, b ≈ 1.3e5), evaluated on a generated set.
const profiles = generateProfiles({ count: 2_000, seed: 1, start: NOW - 365 * DAY, end: NOW });
const CALIBRATION_END = '2025-09-18';
const FEW_DROPOUTS: BgNbdParams = {
  r: 1.4206072026795977,
  alpha: 9.738516941744413,
  a: 2313.9912901701014,
  b: 131048.29025833649,
};

/** FHL 2005 equation 10 summed as printed: fine for large a, which keeps its series short. */
function closedForm(p: BgNbdParams, t: number, x: number, t_x: number, T: number): number {
  const z = t / (p.alpha + T + t);
  const bracket =
    1 -
    ((p.alpha + T) / (p.alpha + T + t)) ** (p.r + x) *
      hyp2f1(p.r + x, p.b + x, p.a + p.b + x - 1, z);
  return ((p.a + p.b + x - 1) / (p.a - 1)) * bracket * bgnbdProbabilityAlive(p, x, t_x, T);
}

describe('BG/NBD where the fit drifts to few drop-outs', () => {
  const params = FEW_DROPOUTS;
  const model = { summary: rfmSummary(profiles, { calibrationEnd: CALIBRATION_END }) };

  it('reads these large a and b as a degenerate fit, with a finite likelihood', () => {
    expect(bgnbdDegeneracy(params, model.summary)?.reason).toBe('unbounded_b');
    expect(Number.isFinite(bgnbdTotalLogLikelihood(params, model.summary))).toBe(true);
  });

  it('gives every customer finite expected purchases equal to the closed form', () => {
    for (const row of model.summary) {
      const expected = bgnbdExpectedPurchases(params, 52, row.x, row.t_x, row.T);
      expect(Number.isFinite(expected)).toBe(true);
      expect(expected).toBeGreaterThan(0);
      expect(expected).toBeCloseTo(closedForm(params, 52, row.x, row.t_x, row.T), 8);
    }
  });

  it('stays sensible: more weeks, more purchases; never more than the purchase rate allows', () => {
    const row = model.summary.find((r) => r.x > 0) ?? model.summary[0];
    if (row === undefined) throw new Error('no customers');
    let previous = 0;
    for (const weeks of [1, 13, 52, 520]) {
      const e = bgnbdExpectedPurchases(params, weeks, row.x, row.t_x, row.T);
      expect(e).toBeGreaterThan(previous);
      // An alive customer buys at the posterior mean rate (r + x)/(α + T) at most.
      expect(e).toBeLessThanOrEqual(((params.r + row.x) / (params.alpha + row.T)) * weeks);
      previous = e;
    }
  });

  it('values the set in the CLV worker instead of failing', () => {
    const outcome = runClv({ profiles, calibrationEnd: CALIBRATION_END, horizonWeeks: 52 });
    if (!outcome.ok) throw new Error(outcome.message);
    const { p50, p90, max } = outcome.valueQuantiles;
    expect([p50, p90, max].every(Number.isFinite)).toBe(true);
    expect(p50).toBeGreaterThan(0);
    expect(p50).toBeLessThanOrEqual(p90);
    expect(p90).toBeLessThanOrEqual(max);
  });

  it('stays finite at extreme parameters on either side', () => {
    const extremes: BgNbdParams[] = [
      { r: 2.5e6, alpha: 1.1e6, a: 4.4e8, b: 2.7e-9 },
      { r: 0.125, alpha: 0.33, a: 2.5e6, b: 0.0065 },
      { r: 0.2, alpha: 4, a: 1e-3, b: 1e-3 },
    ];
    for (const p of extremes) {
      for (const [x, t_x, T] of [
        [0, 0, 1.5],
        [1, 0.4, 0.4],
        [12, 30, 40],
      ] as const) {
        const e = bgnbdExpectedPurchases(p, 52, x, t_x, T);
        expect(Number.isFinite(e)).toBe(true);
        expect(e).toBeGreaterThanOrEqual(0);
      }
    }
  });
});
