import type { Profile } from '../profiles/profile';
import {
  type BgNbdParams,
  bgnbdExpectedPurchases,
  bgnbdUnconditionalExpectedPurchases,
} from './bgnbd';
import { calibrationDay, purchaseDays } from './purchase-days';
import type { RfmOptions } from './rfm-summary';
import { ITEMS_PER_STEP, runSteps, type Steps } from './steps';

/** One week of the tracking plot: repeat purchases that week and cumulatively, actual and predicted. */
export interface TrackingWeek {
  /** Week index from the first purchase day of the cohort (0 = the first seven days). */
  week: number;
  /** First day of the week, `YYYY-MM-DD`. */
  from: string;
  /** Days of this week inside the period (7 except for a final part week). */
  days: number;
  /** Whether the week lies after the calibration end (in the holdout). */
  holdout: boolean;
  actual: number;
  predicted: number;
  cumulativeActual: number;
  cumulativePredicted: number;
}

/** Customers with the same number of calibration repeat purchases: holdout purchases, actual and expected. */
export interface ConditionalExpectationRow {
  /** Repeat purchases in the calibration period; the last row counts this many or more. */
  x: number;
  /** Whether the row gathers everyone with at least `x`. */
  orMore: boolean;
  customers: number;
  /** Mean repeat purchases per customer in the holdout. */
  actual: number;
  /** Mean expected by BG/NBD given each customer's calibration history. */
  predicted: number;
}

/** The standard checks of a BG/NBD fit on the period held out from it (Fader, Hardie and Lee 2005). */
export interface HoldoutCheck {
  calibrationEnd: string;
  holdoutEnd: string;
  /** Length of the holdout in weeks. */
  holdoutWeeks: number;
  /** Customers with a first purchase by the calibration end (the cohort checked). */
  customers: number;
  /** Repeat purchases in the holdout, summed over the cohort. */
  actualHoldoutPurchases: number;
  /** What the model expects for the same, summed over the cohort. */
  predictedHoldoutPurchases: number;
  /** Week by week from the cohort's first purchase to the holdout end. */
  tracking: TrackingWeek[];
  /** By number of calibration repeat purchases, 0 to {@link MAX_X_ROW} or more. */
  conditional: ConditionalExpectationRow[];
}

/** The conditional-expectation table gathers customers with this many or more repeat purchases. */
export const MAX_X_ROW = 7;

const DAY_MS = 86_400_000;

/**
 * Checks a fitted BG/NBD model against the holdout period (calibration end, holdout end]: the
 * cohort is every profile with a first purchase by the calibration end; its repeat purchase
 * days (distinct days after the first, as `rfmSummary` counts them) are tallied per week and
 * set against the model's expectation Σᵢ E[X(t − sᵢ)] (each customer from their own first
 * purchase sᵢ), cumulatively and per week — the tracking plot — and per number of calibration
 * repeat purchases against E[Y(t*) | x, t_x, T] — the conditional expectations. Times are in
 * `timeUnitDays` (weeks by default), the unit the parameters were fitted in.
 */
export function holdoutCheck(
  params: BgNbdParams,
  profiles: readonly Profile[],
  calibrationEnd: string | number,
  holdoutEnd: string | number,
  options: Pick<RfmOptions, 'eventName' | 'timeUnitDays'> = {},
): HoldoutCheck {
  return runSteps(holdoutCheckSteps(params, profiles, calibrationEnd, holdoutEnd, options));
}

/** {@link holdoutCheck} in steps (see `Steps`). */
export function* holdoutCheckSteps(
  params: BgNbdParams,
  profiles: readonly Profile[],
  calibrationEnd: string | number,
  holdoutEnd: string | number,
  options: Pick<RfmOptions, 'eventName' | 'timeUnitDays'> = {},
): Steps<HoldoutCheck> {
  const unit = options.timeUnitDays ?? 7;
  const calDay = calibrationDay(calibrationEnd);
  const endDay = calibrationDay(holdoutEnd);
  if (!(endDay > calDay)) {
    throw new RangeError('The holdout must end after the calibration end.');
  }
  const holdoutLength = (endDay - calDay) / unit;
  const cohort: { first: number; repeats: number[] }[] = [];
  let cohortStart = Infinity;
  let read = 0;
  for (const profile of profiles) {
    if (++read % ITEMS_PER_STEP === 0) yield;
    const days = purchaseDays(profile, options);
    const first = days[0];
    if (first === undefined || first > calDay) continue;
    cohort.push({ first, repeats: days.slice(1).filter((d) => d <= endDay) });
    if (first < cohortStart) cohortStart = first;
  }
  if (cohort.length === 0)
    throw new RangeError('No customer has a purchase by the calibration end.');

  const weeks = Math.ceil((endDay - cohortStart + 1) / 7);
  const actual = new Float64Array(weeks);
  for (const c of cohort) {
    for (const d of c.repeats) {
      const w = Math.floor((d - cohortStart) / 7);
      actual[w] = (actual[w] ?? 0) + 1;
    }
  }
  // Expected cumulative repeat purchases by the end of each week, customers grouped by first day.
  const firsts = new Map<number, number>();
  for (const c of cohort) firsts.set(c.first, (firsts.get(c.first) ?? 0) + 1);
  const cumulativeAt = (day: number): number => {
    let total = 0;
    for (const [first, count] of firsts) {
      // By the end of `day` a customer first buying on `first` has had (day − first) days to
      // repeat, the age `rfmSummary` gives T.
      const t = (day - first) / unit;
      if (t > 0) total += count * bgnbdUnconditionalExpectedPurchases(params, t);
    }
    return total;
  };
  const tracking: TrackingWeek[] = [];
  let cumulativeActual = 0;
  let previousPredicted = 0;
  for (let w = 0; w < weeks; w++) {
    // Each week sums over the cohort's first days: up to a few hundred.
    yield;
    const fromDay = cohortStart + 7 * w;
    const lastDay = Math.min(fromDay + 6, endDay);
    const cumulativePredicted = cumulativeAt(lastDay);
    cumulativeActual += actual[w] ?? 0;
    tracking.push({
      week: w,
      from: new Date(fromDay * DAY_MS).toISOString().slice(0, 10),
      days: lastDay - fromDay + 1,
      holdout: fromDay > calDay,
      actual: actual[w] ?? 0,
      predicted: cumulativePredicted - previousPredicted,
      cumulativeActual,
      cumulativePredicted,
    });
    previousPredicted = cumulativePredicted;
  }

  const rows = Array.from({ length: MAX_X_ROW + 1 }, (_, x) => ({
    x,
    orMore: x === MAX_X_ROW,
    customers: 0,
    actualSum: 0,
    predictedSum: 0,
  }));
  let actualHoldout = 0;
  let predictedHoldout = 0;
  let checked = 0;
  for (const c of cohort) {
    if (++checked % ITEMS_PER_STEP === 0) yield;
    const inCalibration = c.repeats.filter((d) => d <= calDay);
    const x = inCalibration.length;
    const t_x = x > 0 ? ((inCalibration[x - 1] ?? c.first) - c.first) / unit : 0;
    const T = (calDay - c.first) / unit;
    const held = c.repeats.length - x;
    const expected = bgnbdExpectedPurchases(params, holdoutLength, x, t_x, T);
    const row = rows[Math.min(x, MAX_X_ROW)];
    if (row) {
      row.customers++;
      row.actualSum += held;
      row.predictedSum += expected;
    }
    actualHoldout += held;
    predictedHoldout += expected;
  }
  return {
    calibrationEnd: new Date(calDay * DAY_MS).toISOString().slice(0, 10),
    holdoutEnd: new Date(endDay * DAY_MS).toISOString().slice(0, 10),
    holdoutWeeks: holdoutLength * (unit / 7),
    customers: cohort.length,
    actualHoldoutPurchases: actualHoldout,
    predictedHoldoutPurchases: predictedHoldout,
    tracking,
    conditional: rows
      .filter((r) => r.customers > 0)
      .map((r) => ({
        x: r.x,
        orMore: r.orMore,
        customers: r.customers,
        actual: r.actualSum / r.customers,
        predicted: r.predictedSum / r.customers,
      })),
  };
}
