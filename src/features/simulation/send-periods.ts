import type { CalendarUnit } from '../../ui/charts/calendar-categories.ts';

const DAY_MS = 86_400_000;
/** Beyond this many days the chart sums weeks: a bar per day would be too thin to read. */
const MAX_DAILY_POINTS = 92;
/** Beyond two years the chart sums calendar months: more than 105 weeks crowd the axis. */
const MAX_WEEKLY_DAYS = 731;

/** A run of simulated days summed into one point of the chart. */
export interface SendPeriod {
  /** When the period's first simulated day starts (epoch ms). */
  start: number;
  /** Its first simulated day (0 at the run's start) and the one after its last. */
  fromDay: number;
  toDay: number;
  /** Days a whole period of its kind has (1, 7, or the month's length). */
  fullDays: number;
}

/**
 * The periods a chart of `days` simulated days from `start` sums into: days up to 92, weeks from
 * the first day up to two years, calendar months (at UTC) beyond. A week or month the run covers
 * only in part is shorter than `fullDays`.
 */
export function sendPeriods(
  start: number,
  days: number,
): { unit: CalendarUnit; periods: SendPeriod[] } {
  if (days <= MAX_DAILY_POINTS) {
    return {
      unit: 'day',
      periods: Array.from({ length: days }, (_, d) => ({
        start: start + d * DAY_MS,
        fromDay: d,
        toDay: d + 1,
        fullDays: 1,
      })),
    };
  }
  if (days <= MAX_WEEKLY_DAYS) {
    return {
      unit: 'week',
      periods: Array.from({ length: Math.ceil(days / 7) }, (_, w) => ({
        start: start + w * 7 * DAY_MS,
        fromDay: w * 7,
        toDay: Math.min(days, w * 7 + 7),
        fullDays: 7,
      })),
    };
  }
  const periods: SendPeriod[] = [];
  let fromDay = 0;
  while (fromDay < days) {
    const first = new Date(start + fromDay * DAY_MS);
    const year = first.getUTCFullYear();
    const month = first.getUTCMonth();
    const monthStart = Date.UTC(year, month, 1);
    const nextMonth = Date.UTC(year, month + 1, 1);
    // The first simulated day that starts in the next month.
    const toDay = Math.min(days, Math.ceil((nextMonth - start) / DAY_MS));
    periods.push({
      start: monthStart,
      fromDay,
      toDay,
      fullDays: Math.round((nextMonth - monthStart) / DAY_MS),
    });
    fromDay = toDay;
  }
  return { unit: 'month', periods };
}

/** Daily values summed over each period. */
export function sumPerPeriod(daily: readonly number[], periods: readonly SendPeriod[]): number[] {
  return periods.map((p) => {
    let sum = 0;
    for (let d = p.fromDay; d < p.toDay; d++) sum += daily[d] ?? 0;
    return sum;
  });
}
