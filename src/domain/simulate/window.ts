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

/**
 * Works out the simulated period: `start` defaults to the earliest event of the profiles and
 * `horizonDays` to the whole days spanning their events (at least one). Call it once over the
 * whole profile set before splitting the profiles, so every partition shares one period.
 */
export function resolveSimulationWindow(
  options: Pick<SimulationOptions, 'start' | 'horizonDays'>,
  profiles: readonly Profile[],
): SimulationWindow {
  const span = new EventSpan();
  if (options.start === undefined || options.horizonDays === undefined) {
    for (const p of profiles) {
      const n = p.events.length;
      if (n === 0) continue;
      span.add((p.events[0] as { at: number }).at, (p.events[n - 1] as { at: number }).at);
    }
  }
  return windowOfSpan(options, span);
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

/** {@link resolveSimulationWindow} from the span of the profiles' events. */
export function windowOfSpan(
  options: Pick<SimulationOptions, 'start' | 'horizonDays'>,
  { first, last }: EventSpan,
): SimulationWindow {
  const start =
    options.start !== undefined ? toEpoch(options.start) : Number.isFinite(first) ? first : 0;
  if (!Number.isFinite(start)) throw new RangeError('start must be an epoch time or an ISO date');
  const horizonDays =
    options.horizonDays ??
    (Number.isFinite(last) ? Math.max(1, Math.ceil((last + 1 - start) / DAY_MS)) : 1);
  return { start, end: start + horizonDays * DAY_MS, horizonDays };
}

/** Options with the period written out, ready to send to partitions. */
export function withResolvedWindow(
  options: SimulationOptions,
  profiles: readonly Profile[],
): SimulationOptions {
  const w = resolveSimulationWindow(options, profiles);
  return { ...options, start: w.start, horizonDays: w.horizonDays };
}
