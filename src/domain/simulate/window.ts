import { DAY_MS } from '../conditions/time.ts';
import type { Profile } from '../profiles/profile.ts';
import type { SimulationOptions } from './options.ts';
import type { ProfileColumns } from './profile-columns.ts';

/** The simulated period: `[start, end)` in epoch ms. */
export interface SimulationWindow {
  start: number;
  end: number;
  horizonDays: number;
}

function toEpoch(value: number | string): number {
  return typeof value === 'number' ? value : Date.parse(value);
}

/** Days simulated when no profile has an event to date the period by. */
export const UNDATED_HORIZON_DAYS = 30;

/**
 * The period of profiles without events, which cannot date it: 30 days from the UTC midnight of
 * `now` (epoch ms), today for the app and the CLI alike, not 1970.
 */
export function undatedPeriod(now: number): { start: number; horizonDays: number } {
  return { start: Math.floor(now / DAY_MS) * DAY_MS, horizonDays: UNDATED_HORIZON_DAYS };
}

/**
 * Works out the simulated period: `start` defaults to the earliest event of the profiles and
 * `horizonDays` to the whole days spanning their events (at least one); profiles without any
 * event get the {@link undatedPeriod} of `now`. Call it once over the whole profile set before
 * splitting the profiles, so every partition shares one period.
 */
export function resolveSimulationWindow(
  options: Pick<SimulationOptions, 'start' | 'horizonDays'>,
  profiles: readonly Profile[],
  now?: number,
): SimulationWindow {
  const span = new EventSpan();
  if (options.start === undefined || options.horizonDays === undefined) {
    for (const p of profiles) {
      const n = p.events.length;
      if (n === 0) continue;
      span.add((p.events[0] as { at: number }).at, (p.events[n - 1] as { at: number }).at);
    }
  }
  return windowOfSpan(options, span, now);
}

/**
 * The span of profiles' events, from each profile's first and last event, gathered part by
 * part (e.g. over a stored set's chunks) for {@link windowOfSpan}.
 */
export class EventSpan {
  first = Number.POSITIVE_INFINITY;
  last = Number.NEGATIVE_INFINITY;

  add(first: number, last: number): void {
    if (first < this.first) this.first = first;
    if (last > this.last) this.last = last;
  }

  /** Adds every profile of `columns` that has events. */
  addColumns(columns: ProfileColumns): void {
    const { eventStart, eventAt } = columns;
    for (let i = 0; i < columns.count; i++) {
      const from = eventStart[i] as number;
      const to = eventStart[i + 1] as number;
      if (to > from) this.add(eventAt[from] as number, eventAt[to - 1] as number);
    }
  }
}

/**
 * {@link resolveSimulationWindow} from the span of the profiles' events. `now` (epoch ms) is read
 * only when no profile has an event and the options give no start: without it, that is refused.
 */
export function windowOfSpan(
  options: Pick<SimulationOptions, 'start' | 'horizonDays'>,
  { first, last }: EventSpan,
  now?: number,
): SimulationWindow {
  const dated = Number.isFinite(first);
  let start: number;
  if (options.start !== undefined) start = toEpoch(options.start);
  else if (dated) start = first;
  else if (now !== undefined) start = undatedPeriod(now).start;
  else throw new RangeError('profiles without events need a start, or the time now to start today');
  if (!Number.isFinite(start)) throw new RangeError('start must be an epoch time or an ISO date');
  const horizonDays =
    options.horizonDays ??
    (dated ? Math.max(1, Math.ceil((last + 1 - start) / DAY_MS)) : UNDATED_HORIZON_DAYS);
  return { start, end: start + horizonDays * DAY_MS, horizonDays };
}

/** Options with the period written out, ready to send to partitions. */
export function withResolvedWindow(
  options: SimulationOptions,
  profiles: readonly Profile[],
  now?: number,
): SimulationOptions {
  const w = resolveSimulationWindow(options, profiles, now);
  return { ...options, start: w.start, horizonDays: w.horizonDays };
}
