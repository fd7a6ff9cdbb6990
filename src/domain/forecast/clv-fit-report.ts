import { z } from 'zod';
import type { Profile } from '../profiles/profile';
import { fitBgNbdSteps } from './bgnbd-fit';
import { customerLifetimeValue } from './clv';
import { holdoutCheckSteps } from './clv-holdout';
import { clvFitWarnings } from './clv-warnings';
import { fitGammaGammaSteps } from './gamma-gamma';
import { calibrationDay, dayToDate, defaultCalibrationEnd, purchaseSpan } from './purchase-days';
import { rfmSummarySteps } from './rfm-summary';
import { quantiles } from './statistics';
import { ITEMS_PER_STEP, runSteps, type Steps } from './steps';

const fitSchema = <P extends z.ZodType>(params: P) =>
  z.object({
    params,
    logLikelihood: z.number(),
    customers: z.number(),
    evaluations: z.number(),
    converged: z.boolean(),
    degenerate: z
      .object({
        reason: z.enum(['too_few_customers', 'no_repeat_buyers', 'no_dropout', 'unbounded_b']),
        message: z.string(),
      })
      .nullable(),
  });

const warningSchema = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('bgnbd-degenerate'),
    reason: z.enum(['too_few_customers', 'no_repeat_buyers', 'no_dropout', 'unbounded_b']),
    message: z.string(),
  }),
  z.object({
    code: z.literal('few-repeat-buyers'),
    repeatBuyers: z.number(),
    minimum: z.number(),
  }),
  z.object({ code: z.literal('spend-mean-undefined'), q: z.number() }),
  z.object({ code: z.literal('not-converged'), model: z.enum(['bgnbd', 'gamma-gamma']) }),
]);

const trackingWeekSchema = z.object({
  week: z.number(),
  from: z.string(),
  days: z.number(),
  holdout: z.boolean(),
  actual: z.number(),
  predicted: z.number(),
  cumulativeActual: z.number(),
  cumulativePredicted: z.number(),
});

const holdoutSchema = z.object({
  calibrationEnd: z.string(),
  holdoutEnd: z.string(),
  holdoutWeeks: z.number(),
  customers: z.number(),
  actualHoldoutPurchases: z.number(),
  predictedHoldoutPurchases: z.number(),
  tracking: z.array(trackingWeekSchema),
  conditional: z.array(
    z.object({
      x: z.number(),
      orMore: z.boolean(),
      customers: z.number(),
      actual: z.number(),
      predicted: z.number(),
    }),
  ),
});

/**
 * A CLV fit as the app shows and caches it: both models fitted on the calibration period, the
 * fit's warnings, the holdout check when purchases follow the calibration end, and the spread of
 * customers' values over {@link CLV_REPORT_HORIZON_WEEKS}. Plain data, so it can cross a worker
 * boundary and be stored; the schema checks it when read back.
 */
export const clvReportSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    calibrationEnd: z.string(),
    /** The last purchase day of the set. */
    lastPurchase: z.string(),
    bgnbd: fitSchema(z.object({ r: z.number(), alpha: z.number(), a: z.number(), b: z.number() })),
    gammaGamma: fitSchema(z.object({ p: z.number(), q: z.number(), gamma: z.number() })),
    customers: z.number(),
    repeatBuyers: z.number(),
    warnings: z.array(warningSchema),
    holdout: holdoutSchema.nullable(),
    valueQuantiles: z.object({ p50: z.number(), p90: z.number(), max: z.number() }),
  }),
  z.object({
    ok: z.literal(false),
    /** What in the data stopped the fit, for a screen to word; absent when an error stopped it. */
    reason: z.enum(['no-purchases', 'none-by-calibration-end', 'no-repeat-buyers']).optional(),
    /** What stopped the fit, in English (logs, and the screen when there is no `reason`). */
    message: z.string(),
    calibrationEnd: z.string().nullable(),
    warnings: z.array(warningSchema),
  }),
]);
export type ClvReport = z.infer<typeof clvReportSchema>;

/** The horizon of a report's value quantiles (the profile page's thermometer), in weeks. */
export const CLV_REPORT_HORIZON_WEEKS = 52;

/**
 * Where a fit's calibration ends: a given day, `all` for the last purchase day (no holdout, as
 * for scoring customers today), or `default` to hold out the last third of the purchase span.
 */
export type CalibrationChoice = string | 'all' | 'default';

/**
 * Fits BG/NBD and Gamma-Gamma on the purchases up to the calibration end and, when purchases
 * follow it, checks the BG/NBD fit on them (see `holdoutCheck`). Never throws on the data: a
 * set the models cannot learn from gives `ok: false` with the reason and the warnings.
 */
export function clvReport(profiles: readonly Profile[], calibration: CalibrationChoice): ClvReport {
  return runSteps(clvReportSteps(profiles, calibration));
}

/**
 * {@link clvReport} in steps (see `Steps`): a worker fitting a large set lets a cancel in
 * between them, so a fit stopped for a run no longer takes a core from it for seconds.
 */
export function* clvReportSteps(
  profiles: readonly Profile[],
  calibration: CalibrationChoice,
): Steps<ClvReport> {
  const span = purchaseSpan(profiles);
  if (span === null) {
    return {
      ok: false,
      reason: 'no-purchases',
      message: 'no profile has a purchase (an order_placed event)',
      calibrationEnd: null,
      warnings: [],
    };
  }
  const calibrationEnd =
    calibration === 'all'
      ? dayToDate(span.last)
      : calibration === 'default'
        ? (defaultCalibrationEnd(profiles) ?? dayToDate(span.last))
        : dayToDate(calibrationDay(calibration));
  const summary = yield* rfmSummarySteps(profiles, { calibrationEnd });
  if (summary.length === 0) {
    return {
      ok: false,
      reason: 'none-by-calibration-end',
      message: `no purchase by the calibration end ${calibrationEnd}`,
      calibrationEnd,
      warnings: [],
    };
  }
  const bgnbd = yield* fitBgNbdSteps(summary);
  const repeatBuyers = summary.filter((r) => r.x > 0).length;
  const gammaGamma = repeatBuyers > 0 ? yield* fitGammaGammaSteps(summary) : null;
  const warnings = clvFitWarnings(summary, bgnbd, gammaGamma);
  if (gammaGamma === null) {
    return {
      ok: false,
      reason: 'no-repeat-buyers',
      message: `no customer bought again by ${calibrationEnd}, so neither model has anything to learn from`,
      calibrationEnd,
      warnings,
    };
  }
  const lastDay = span.last;
  const holdout =
    lastDay > calibrationDay(calibrationEnd)
      ? yield* holdoutCheckSteps(bgnbd.params, profiles, calibrationEnd, dayToDate(lastDay))
      : null;
  // Without a population mean spend (q ≤ 1) some values are NaN: they are left out of the spread.
  const values: number[] = [];
  for (let i = 0; i < summary.length; i++) {
    if ((i + 1) % ITEMS_PER_STEP === 0) yield;
    const { value } = customerLifetimeValue(
      bgnbd.params,
      gammaGamma.params,
      summary[i] as (typeof summary)[number],
      { horizonWeeks: CLV_REPORT_HORIZON_WEEKS },
    );
    if (Number.isFinite(value)) values.push(value);
  }
  const [p50 = 0, p90 = 0, max = 0] = quantiles(values, [0.5, 0.9, 1]);
  return {
    ok: true,
    calibrationEnd,
    lastPurchase: dayToDate(lastDay),
    bgnbd,
    gammaGamma,
    customers: summary.length,
    repeatBuyers,
    warnings,
    holdout,
    valueQuantiles: { p50, p90, max },
  };
}
