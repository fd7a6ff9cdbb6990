import type { Profile } from '../profiles/profile';
import { ITEMS_PER_STEP, runSteps, type Steps } from './steps';

const DAY_MS = 86_400_000;

/** One customer's purchase history as the BG/NBD and Gamma-Gamma models read it. */
export interface RfmRow {
  /** The profile id. */
  id: string;
  /** Repeat purchases: distinct purchase days after the first, up to the calibration end. */
  x: number;
  /** Time from the first purchase day to the last one (0 without repeats), in time units. */
  t_x: number;
  /** Time from the first purchase day to the calibration end (the customer's age), in time units. */
  T: number;
  /** Mean repeat spend: per repeat day the summed value of that day, averaged over repeat days (0 without repeats). */
  zbar: number;
}

/** Options for {@link rfmSummary}. */
export interface RfmOptions {
  /**
   * The last day of the calibration period, inclusive: `YYYY-MM-DD` or epoch milliseconds
   * (read as the UTC day that contains it).
   */
  calibrationEnd: string | number;
  /** The purchase event. Default `order_placed`. */
  eventName?: string;
  /** The numeric event property summed into spend. Default `amount`. */
  valueProp?: string;
  /** Days per time unit. Default 7 (weeks), the unit of the published CDNOW parameters. */
  timeUnitDays?: number;
}

/** The UTC day number (days since 1970-01-01) of a calibration end given as a date or epoch ms. */
export function dayNumber(date: string | number): number {
  if (typeof date === 'number') return Math.floor(date / DAY_MS);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`"${date}" is not a date as YYYY-MM-DD.`);
  return Math.floor(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS);
}

/**
 * Summarises each profile's purchases up to and including the calibration end into
 * (x, t_x, T, zbar), the way Fader, Hardie and Lee summarise CDNOW: purchases are counted on
 * distinct UTC days (several orders on one day are one purchase occasion, their values summed),
 * `x` is the number of purchase days after the first, `t_x` the time from the first to the last
 * purchase day and `T` from the first purchase day to the calibration end, both in
 * `timeUnitDays` units. Profiles without a purchase by the calibration end are left out; the
 * rows keep the order of `profiles`.
 */
export function rfmSummary(profiles: readonly Profile[], options: RfmOptions): RfmRow[] {
  return runSteps(rfmSummarySteps(profiles, options));
}

/** {@link rfmSummary} in steps (see `Steps`). */
export function* rfmSummarySteps(
  profiles: readonly Profile[],
  options: RfmOptions,
): Steps<RfmRow[]> {
  const eventName = options.eventName ?? 'order_placed';
  const valueProp = options.valueProp ?? 'amount';
  const unit = options.timeUnitDays ?? 7;
  if (!(unit > 0)) throw new RangeError(`timeUnitDays must be positive, got ${unit}.`);
  const endDay = dayNumber(options.calibrationEnd);
  const rows: RfmRow[] = [];
  let read = 0;
  for (const profile of profiles) {
    if (++read % ITEMS_PER_STEP === 0) yield;
    let firstDay = Infinity;
    let lastDay = -Infinity;
    const spendByDay = new Map<number, number>();
    for (const event of profile.events) {
      if (event.name !== eventName) continue;
      const day = Math.floor(event.at / DAY_MS);
      if (day > endDay) continue;
      const value = Number(event.props?.[valueProp] ?? 0);
      spendByDay.set(day, (spendByDay.get(day) ?? 0) + (Number.isFinite(value) ? value : 0));
      if (day < firstDay) firstDay = day;
      if (day > lastDay) lastDay = day;
    }
    if (firstDay === Infinity) continue;
    const x = spendByDay.size - 1;
    let repeatSpend = 0;
    for (const [day, spend] of spendByDay) if (day !== firstDay) repeatSpend += spend;
    rows.push({
      id: profile.id,
      x,
      t_x: (lastDay - firstDay) / unit,
      T: (endDay - firstDay) / unit,
      zbar: x > 0 ? repeatSpend / x : 0,
    });
  }
  return rows;
}
