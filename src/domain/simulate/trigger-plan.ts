import type { EventMatcher } from './event-match.ts';
import type { TraceWhy } from './trace.ts';
import type { ProfileState } from './profile-state.ts';

/**
 * The sequence of a firing that is not one of the profile's events (a date, a schedule, a
 * segment check): it comes after every event at its instant (spec §3.1).
 */
export const AFTER_EVENTS = Number.MAX_SAFE_INTEGER;

/**
 * A trigger compiled to "when may this profile enter next?". Firings are ordered by time, then
 * by sequence: an event's sequence is its index in the profile's history, so events that share
 * an instant keep their order and each is its own entry attempt.
 */
export interface TriggerPlan {
  stepId: string;
  /** True when each firing is one of the profile's events (and reports its sequence). */
  perEvent: boolean;
  /**
   * The first firing after position (`after`, `afterSeq`) and before `end`, or Infinity. A
   * per-event trigger takes events at `after` whose index is above `afterSeq`, and writes the
   * firing's index to `state.firedSeq`; other triggers are asked only for instants they may
   * fire at (at or after `after`).
   */
  nextAt(state: ProfileState, after: number, afterSeq: number, start: number, end: number): number;
  /**
   * For a trigger that fires on each of the profile's own events named `name` (and accepted by
   * `match`, when it filters on properties): lets the simulator find entries from event columns
   * without building the profile (see `prepareColumns`). Undefined: ask `nextAt`.
   */
  event?: { name: string; match: EventMatcher | null };
  /** Why the profile entered, for traces (English, for the CLI). */
  describe(): string;
  /** The same as a code (`trace.entered.<kind>`) and values, for the app to word. */
  why: TraceWhy;
}
