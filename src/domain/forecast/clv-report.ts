import type { BgNbdParams } from './bgnbd.ts';
import type { ModelFit } from './bgnbd-fit.ts';
import { customerLifetimeValue, fitClv } from './clv.ts';
import { quantiles } from './statistics.ts';
import { projectedClvEffect, type ClvEffect } from './clv-effect.ts';
import type { GammaGammaParams } from './gamma-gamma.ts';
import type { Profile } from '../profiles/profile.ts';

/** Fit the CLV models to a set's purchase history and, optionally, value a journey's effect. */
export interface ClvRequest {
  profiles: readonly Profile[];
  /** Last day of the purchase history the models learn from (`YYYY-MM-DD` or epoch ms). */
  calibrationEnd: string | number;
  /** The horizon valued, in weeks. */
  horizonWeeks: number;
  /** Extra purchases per profile from the forecast; none: fit only. */
  effects?: readonly { id: string; extraPurchases: number; extraRevenue?: number }[];
}

/** A journey's projected CLV effect, summed over the profiles. */
export type ClvEffectTotals = Omit<ClvEffect, 'perProfile'>;

/** The fitted models, and the effect's totals when effects were given. */
export type ClvOutcome =
  | {
      ok: true;
      bgnbd: ModelFit<BgNbdParams>;
      gammaGamma: ModelFit<GammaGammaParams>;
      /** Profiles with a purchase by the calibration end. */
      customers: number;
      /** The customers' CLV over the horizon: median, 90th percentile and largest. */
      valueQuantiles: { p50: number; p90: number; max: number };
      effect: ClvEffectTotals | null;
    }
  | { ok: false; message: string };

/** Fits BG/NBD and Gamma-Gamma and projects the effect; a set without repeat buyers is a clear error. */
export function runClv(request: ClvRequest): ClvOutcome {
  try {
    const model = fitClv(request.profiles, { calibrationEnd: request.calibrationEnd });
    let effect: ClvEffectTotals | null = null;
    if (request.effects !== undefined && request.effects.length > 0) {
      const { perProfile: _perProfile, ...totals } = projectedClvEffect(
        model,
        request.profiles,
        request.effects,
        { horizonWeeks: request.horizonWeeks, asOf: request.calibrationEnd },
      );
      effect = totals;
    }
    const values = model.summary.map(
      (row) =>
        customerLifetimeValue(model.bgnbd.params, model.gammaGamma.params, row, {
          horizonWeeks: request.horizonWeeks,
        }).value,
    );
    const [p50 = 0, p90 = 0, max = 0] = quantiles(values, [0.5, 0.9, 1]);
    return {
      ok: true,
      valueQuantiles: { p50, p90, max },
      bgnbd: model.bgnbd,
      gammaGamma: model.gammaGamma,
      customers: model.summary.length,
      effect,
    };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
