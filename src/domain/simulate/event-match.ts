import { compilePropertyFilters, type PropertyFilter } from '../conditions/property-filter.ts';
import type { ProfileEvent } from '../profiles/profile.ts';

/**
 * A compiled test on one event. It reads the event's name and props, never its time: which of a
 * message's simulated events a wait can take is told by probing its test (simulated-reads.ts).
 */
export type EventMatcher = (e: ProfileEvent) => boolean;

/** Matches events by name and property filters. */
export function eventMatcher(name: string, filters: readonly PropertyFilter[]): EventMatcher {
  const props = compilePropertyFilters(filters);
  if (filters.length === 0) return (e) => e.name === name;
  return (e) => e.name === name && props(e.props);
}

/** Index of the first event with `at > t` (events sorted by time). */
export function firstAfter(events: readonly ProfileEvent[], t: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((events[mid] as ProfileEvent).at <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first event with `at >= t`. */
export function firstAtOrAfter(events: readonly ProfileEvent[], t: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((events[mid] as ProfileEvent).at < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first event in (from, to] that `match` accepts, or undefined. */
export function findEvent(
  events: readonly ProfileEvent[],
  from: number,
  to: number,
  match: EventMatcher,
): ProfileEvent | undefined {
  for (let i = firstAfter(events, from); i < events.length; i++) {
    const e = events[i] as ProfileEvent;
    if (e.at > to) return undefined;
    if (match(e)) return e;
  }
  return undefined;
}
