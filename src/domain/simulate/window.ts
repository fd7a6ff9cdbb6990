import { DAY_MS } from '../conditions/time.ts';
import type { Profile } from '../profiles/profile.ts';
import type { SimulationOptions } from './options.ts';

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
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  if (options.start === undefined || options.horizonDays === undefined) {
    for (const p of profiles) {
      const n = p.events.length;
      if (n === 0) continue;
      const a = (p.events[0] as { at: number }).at;
      const b = (p.events[n - 1] as { at: number }).at;
      if (a < first) first = a;
      if (b > last) last = b;
    }
  }
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
