import type { Profile } from '../profiles/profile';
import {
  type BgNbdParams,
  bgnbdExpectedPurchases,
  bgnbdProbabilityAlive,
  type PurchaseHistory,
} from './bgnbd';
import { fitBgNbdSteps, type ModelFit } from './bgnbd-fit';
import { fitGammaGammaSteps, type GammaGammaParams, gammaGammaExpectedSpend } from './gamma-gamma';
import { runSteps, type Steps } from './steps';
import { rfmSummary, rfmSummarySteps, type RfmOptions, type RfmRow } from './rfm-summary';

/** Options for {@link customerLifetimeValue}. */
export interface ClvOptions {
  /** How far ahead to look, in weeks. */
  horizonWeeks: number;
  /** Discount rate per week (e.g. 0.0019 ≈ 10 % a year); none by default. */
  discountRatePerWeek?: number;
  /** Days per model time unit, as the models were fitted. Default 7 (weeks). */
  timeUnitDays?: number;
}

/** A customer's expected value over a horizon: the "value thermometer". */
export interface ClvScore {
  /** Expected purchases over the horizon (BG/NBD). */
  expectedPurchases: number;
  /** Expected spend per purchase (Gamma-Gamma). */
  expectedSpend: number;
  /** Expected (discounted, when a rate is set) value over the horizon. */
  value: number;
  /** P(alive) now (BG/NBD). */
  probabilityAlive: number;
}

/** A customer's history for valuation: purchases (x, t_x, T) and mean repeat spend. */
export type ClvCustomer = PurchaseHistory & { zbar: number };

/**
 * Expected customer value over `horizonWeeks`: BG/NBD expected purchases × Gamma-Gamma expected
 * spend per purchase (the two are independent in the model). With a discount rate the horizon
 * is cut into weekly steps, each step's expected purchases E[Y(k)] − E[Y(k − 1)] being
 * discounted by (1 + rate)^k (a final part-week step when the horizon is fractional).
 */
export function customerLifetimeValue(
  bgnbd: BgNbdParams,
  gg: GammaGammaParams,
  customer: ClvCustomer,
  options: ClvOptions,
): ClvScore {
  const { x, t_x, T, zbar } = customer;
  const weeksPerUnit = (options.timeUnitDays ?? 7) / 7;
  const horizon = options.horizonWeeks;
  if (!(horizon >= 0)) throw new RangeError(`horizonWeeks must be ≥ 0, got ${horizon}.`);
  const rate = options.discountRatePerWeek ?? 0;
  if (!(rate > -1)) throw new RangeError(`discountRatePerWeek must be > −1, got ${rate}.`);
  const expected = (weeks: number): number =>
    bgnbdExpectedPurchases(bgnbd, weeks / weeksPerUnit, x, t_x, T);
  const expectedPurchases = expected(horizon);
  const expectedSpend = gammaGammaExpectedSpend(gg, x, zbar);
  let discounted = expectedPurchases;
  if (rate !== 0) {
    discounted = 0;
    let previous = 0;
    for (let week = 1; week - 1 < horizon; week++) {
      const end = Math.min(week, horizon);
      const cumulative = end === horizon ? expectedPurchases : expected(end);
      discounted += (cumulative - previous) / (1 + rate) ** end;
      previous = cumulative;
    }
  }
  return {
    expectedPurchases,
    expectedSpend,
    value: discounted * expectedSpend,
    probabilityAlive: bgnbdProbabilityAlive(bgnbd, x, t_x, T),
  };
}

/** Options for {@link fitClv}: how to read the purchase history. */
export type FitClvOptions = RfmOptions;

/** Options for scoring one profile with a fitted {@link ClvModel}. */
export interface ScoreOptions extends Omit<ClvOptions, 'timeUnitDays'> {
  /** The day to score at (`YYYY-MM-DD` or epoch ms); default the calibration end. */
  asOf?: string | number;
}

/** Both fitted models, the summary they were fitted on, and scoring for any profile. */
export interface ClvModel {
  /** The BG/NBD fit. */
  bgnbd: ModelFit<BgNbdParams>;
  /** The Gamma-Gamma fit. */
  gammaGamma: ModelFit<GammaGammaParams>;
  /** The calibration summary, one row per profile with a purchase by the calibration end. */
  summary: RfmRow[];
  /** The options the history was read with. */
  options: FitClvOptions;
  /** The profile's history as of a day (default the calibration end); undefined without a purchase by then. */
  history(profile: Profile, asOf?: string | number): RfmRow | undefined;
  /** The profile's value thermometer; undefined when it has no purchase by `asOf`. */
  score(profile: Profile, options: ScoreOptions): ClvScore | undefined;
}

/**
 * Fits BG/NBD and Gamma-Gamma to a profile set's purchase history (see {@link rfmSummary} for
 * how it is read) and returns a model that scores any profile. Throws a RangeError when no
 * profile has a purchase, or none has a repeat purchase (the spend model has nothing to learn).
 */
export function fitClv(profiles: readonly Profile[], options: FitClvOptions): ClvModel {
  return runSteps(fitClvSteps(profiles, options));
}

/** {@link fitClv} in steps (see `Steps`). */
export function* fitClvSteps(
  profiles: readonly Profile[],
  options: FitClvOptions,
): Steps<ClvModel> {
  const summary = yield* rfmSummarySteps(profiles, options);
  const bgnbd = yield* fitBgNbdSteps(summary);
  const gammaGamma = yield* fitGammaGammaSteps(summary);
  const timeUnitDays = options.timeUnitDays ?? 7;
  const history = (profile: Profile, asOf?: string | number): RfmRow | undefined =>
    rfmSummary([profile], { ...options, calibrationEnd: asOf ?? options.calibrationEnd })[0];
  return {
    bgnbd,
    gammaGamma,
    summary,
    options,
    history,
    score(profile, scoreOptions) {
      const row = history(profile, scoreOptions.asOf);
      if (!row) return undefined;
      return customerLifetimeValue(bgnbd.params, gammaGamma.params, row, {
        ...scoreOptions,
        timeUnitDays,
      });
    },
  };
}
