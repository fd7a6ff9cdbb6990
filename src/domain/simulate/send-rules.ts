import type { SpecSettings } from '../compile/spec-schema.ts';
import { DAY_MS } from '../conditions/time.ts';
import { CHANNELS } from '../channels.ts';
import type { SimulationPlan } from './plan.ts';
import type { ProfileState } from './profile-state.ts';
import type { ZoneClock } from './zone-clock.ts';

/**
 * The send-time rules of spec §4 that the simulator and the reference executor share, so both
 * decide quiet hours and frequency caps the same way.
 */

/**
 * Quiet hours (spec §4): when `t` falls inside the quiet period in `zone`, the instant the period
 * ends; else null. The period is `[start, end)` local time and wraps midnight when `end ≤ start`.
 */
export function quietHoursEnd(
  quiet: SimulationPlan['quiet'],
  zone: ZoneClock,
  t: number,
): number | null {
  const local = zone.toLocal(t);
  const ms = local - Math.floor(local / DAY_MS) * DAY_MS;
  const inside =
    quiet.startMs <= quiet.endMs
      ? ms >= quiet.startMs && ms < quiet.endMs
      : ms >= quiet.startMs || ms < quiet.endMs;
  if (!inside) return null;
  let endLocal = local - ms + quiet.endMs;
  if (endLocal <= local) endLocal += DAY_MS;
  return zone.fromLocal(endLocal);
}

/**
 * Frequency cap at send time (spec §4): whether the profile already received `max` messages in
 * the rolling window, overall or on channel `c` when a per-channel cap is set. Returns the number
 * sent in the overall window when capped, else -1.
 */
export function cappedBy(
  cap: SimulationPlan['cap'],
  state: Pick<ProfileState, 'sendsWithin'>,
  c: number,
  t: number,
): number {
  const overall = state.sendsWithin(t, cap.periodMs, -1);
  const channelMax = cap.channelMax[c] as number;
  const overCap =
    overall >= cap.max ||
    (channelMax > 0 && state.sendsWithin(t, cap.channelPeriodMs[c] as number, c) >= channelMax);
  return overCap ? overall : -1;
}

/** A frequency cap as spec §4 writes it, in the form `cappedBy` reads. */
export function capRuleOf(cap: SpecSettings['frequencyCap']): SimulationPlan['cap'] {
  const channelMax = new Int32Array(CHANNELS.length);
  const channelPeriodMs = new Float64Array(CHANNELS.length);
  CHANNELS.forEach((c, i) => {
    const perChannel = cap.perChannel[c];
    if (perChannel !== undefined) {
      channelMax[i] = perChannel.max;
      channelPeriodMs[i] = perChannel.periodDays * DAY_MS;
    }
  });
  return {
    enabled: cap.enabled,
    max: cap.max,
    periodMs: cap.periodDays * DAY_MS,
    channelMax,
    channelPeriodMs,
  };
}
