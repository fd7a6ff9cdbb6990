import type { BgNbdParams } from './bgnbd.ts';
import type { ModelFit } from './bgnbd-fit.ts';
import { customerLifetimeValue, fitClvSteps } from './clv.ts';
import { ITEMS_PER_STEP, runSteps, type Steps } from './steps.ts';
import { quantiles } from './statistics.ts';
import { purchaseSpan } from './purchase-days.ts';
import { rfmSummary } from './rfm-summary.ts';
import type { FailureReason } from '../failure/failure-reason.ts';
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
  | {
      ok: false;
      /** What stopped the fit, in English (logs; screens word `reason` or `failure`). */
      message: string;
      /** What in the data stopped the fit, when the data did. */
      reason?: ClvStopReason;
      /** What else stopped it (the set gone, storage), when the data did not. */
      failure?: FailureReason;
    };

/** What in the data stops a CLV fit (see `clvReport`, which reports the same). */
export type ClvStopReason = 'no-purchases' | 'none-by-calibration-end' | 'no-repeat-buyers';

/** Why the data cannot be fitted, worked out once a fit failed (the fit itself only throws). */
function stopReason(request: ClvRequest): ClvStopReason | undefined {
  const summary = rfmSummary(request.profiles, { calibrationEnd: request.calibrationEnd });
  if (summary.length === 0)
    return purchaseSpan(request.profiles) === null ? 'no-purchases' : 'none-by-calibration-end';
  return summary.some((row) => row.x > 0) ? undefined : 'no-repeat-buyers';
}

/** Fits BG/NBD and Gamma-Gamma and projects the effect; a set without repeat buyers is a clear error. */
export function runClv(request: ClvRequest): ClvOutcome {
  return runSteps(runClvSteps(request));
}

/** {@link runClv} in steps (see `Steps`): a worker runs it in slices, so a cancel gets in. */
export function* runClvSteps(request: ClvRequest): Steps<ClvOutcome> {
  try {
    const model = yield* fitClvSteps(request.profiles, { calibrationEnd: request.calibrationEnd });
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
    const values: number[] = [];
    for (const row of model.summary) {
      values.push(
        customerLifetimeValue(model.bgnbd.params, model.gammaGamma.params, row, {
          horizonWeeks: request.horizonWeeks,
        }).value,
      );
      if (values.length % ITEMS_PER_STEP === 0) yield;
    }
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
    const reason = stopReason(request);
    return {
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      ...(reason === undefined ? {} : { reason }),
    };
  }
}
