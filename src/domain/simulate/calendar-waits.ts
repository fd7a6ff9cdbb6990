import { DAY_MS } from '../conditions/time.ts';
import { civilFromDays, clampedDate, yearOfLocal } from './calendar.ts';
import { readDate } from './local-time.ts';
import type { PlanStep } from './plan-step.ts';
import type { ProfileState } from './profile-state.ts';
import { weekdayOf } from './zone-clock.ts';

// Scratch space: these run one at a time on one thread.
const DATE_PARTS = new Int32Array(3);
const YEAR_SCRATCH = new Int32Array(3);

/**
 * wait_until (spec §5.3): the fixed instant; or, for an attribute, this local year's occurrence of
 * (date + offsetDays) at the local time if still ahead, else that date itself; NaN goes on at once.
 */
export function untilTime(step: PlanStep, state: ProfileState, t: number): number {
  if (step.untilRead === null) return step.untilAt;
  const parts = DATE_PARTS;
  if (!readDate(step.untilRead(state.view), parts)) return Number.NaN;
  const zone = state.zone();
  const shifted =
    clampedDate(parts[0] as number, parts[1] as number, parts[2] as number) +
    step.untilOffsetDays * DAY_MS;
  const own = zone.fromLocal(shifted + step.untilLocalMs);
  civilFromDays(Math.floor(shifted / DAY_MS), parts);
  const year = yearOfLocal(zone.toLocal(t), YEAR_SCRATCH);
  const thisYear = zone.fromLocal(
    clampedDate(year, parts[1] as number, parts[2] as number) + step.untilLocalMs,
  );
  if (thisYear > t) return thisYear;
  return own > t ? own : Number.NaN;
}

/** time_window: `t` when inside the window, else the next local opening. */
export function windowOpens(step: PlanStep, state: ProfileState, t: number): number {
  const zone = state.zone();
  const local = zone.toLocal(t);
  const day = Math.floor(local / DAY_MS);
  const ms = local - day * DAY_MS;
  const mask = step.windowMask;
  if ((mask & (1 << weekdayOf(day))) !== 0 && ms >= step.windowStartMs && ms < step.windowEndMs)
    return t;
  for (let k = 0; k <= 7; k++) {
    const d = day + k;
    if ((mask & (1 << weekdayOf(d))) === 0 || (k === 0 && ms >= step.windowStartMs)) continue;
    return zone.fromLocal(d * DAY_MS + step.windowStartMs);
  }
  return t;
}
