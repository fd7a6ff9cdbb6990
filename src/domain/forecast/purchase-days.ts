import type { Profile } from '../profiles/profile';
import { dayNumber, type RfmOptions } from './rfm-summary';

const DAY_MS = 86_400_000;

/** A customer's distinct purchase days (UTC day numbers), ascending, as `rfmSummary` counts them. */
export function purchaseDays(
  profile: Profile,
  options: Pick<RfmOptions, 'eventName'> = {},
): number[] {
  const eventName = options.eventName ?? 'order_placed';
  const days = new Set<number>();
  for (const event of profile.events) {
    if (event.name === eventName) days.add(Math.floor(event.at / DAY_MS));
  }
  return [...days].sort((a, b) => a - b);
}

/** The first and last purchase day over profiles (UTC day numbers); null without purchases. */
export function purchaseSpan(
  profiles: readonly Profile[],
  options: Pick<RfmOptions, 'eventName'> = {},
): { first: number; last: number } | null {
  const eventName = options.eventName ?? 'order_placed';
  let first = Infinity;
  let last = -Infinity;
  for (const profile of profiles) {
    for (const event of profile.events) {
      if (event.name !== eventName) continue;
      const day = Math.floor(event.at / DAY_MS);
      if (day < first) first = day;
      if (day > last) last = day;
    }
  }
  return first === Infinity ? null : { first, last };
}

/** A UTC day number written as `YYYY-MM-DD`. */
export function dayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The default calibration end: the first two thirds of the purchase span are for fitting and the
 * last third is held out to check the fit, as in the literature's calibration/holdout split.
 * Null without purchases.
 */
export function defaultCalibrationEnd(
  profiles: readonly Profile[],
  options: Pick<RfmOptions, 'eventName'> = {},
): string | null {
  const span = purchaseSpan(profiles, options);
  if (span === null) return null;
  return dayToDate(span.first + Math.floor(((span.last - span.first) * 2) / 3));
}

/** Reads a calibration end the way `rfmSummary` does, as a UTC day number. */
export function calibrationDay(calibrationEnd: string | number): number {
  return dayNumber(calibrationEnd);
}
