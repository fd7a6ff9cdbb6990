import type { Profile } from '../../domain/profiles/profile.ts';

/** The UTC day (`YYYY-MM-DD`) of the latest event in the profiles; today without events. */
export function lastEventDay(profiles: readonly Profile[], now: () => number = Date.now): string {
  let last = Number.NEGATIVE_INFINITY;
  for (const p of profiles) {
    const e = p.events[p.events.length - 1];
    if (e !== undefined && e.at > last) last = e.at;
  }
  return new Date(Number.isFinite(last) ? last : now()).toISOString().slice(0, 10);
}
