import type { Spec } from '../compile/spec-schema.ts';
import type { EventCountRule } from '../conditions/condition-schema.ts';

/** One event count of a step ("within the last N days"; null: over all time), and where it is. */
export interface EventCountWindow {
  stepId: string;
  /** The path of its `withinDays` inside the step, e.g. `condition.rules.0.withinDays`. */
  field: string;
  withinDays: number | null;
}

/**
 * An event count rule of a condition, wherever in a step its condition is. Its window must be a
 * window (null or a finite number): an object of user-named keys that merely looks like a rule
 * must not make a window of `undefined` or a string.
 */
function isEventCount(value: object): value is EventCountRule {
  if (!('type' in value) || value.type !== 'event_count' || !('withinDays' in value)) return false;
  const days = value.withinDays;
  return days === null || (typeof days === 'number' && Number.isFinite(days));
}

/**
 * Every event count in a spec's steps (conditions, segments, splits), in step order. A step's
 * `next` is not read: its keys are path names and its values step ids, both chosen by the user
 * (a path named `type` leading to a step `event_count` is not a count).
 */
export function eventCountWindows(spec: Spec): EventCountWindow[] {
  const found: EventCountWindow[] = [];
  const walk = (stepId: string, value: unknown, path: readonly string[]): void => {
    if (value === null || typeof value !== 'object') return;
    if (isEventCount(value)) {
      found.push({
        stepId,
        field: [...path, 'withinDays'].join('.'),
        withinDays: value.withinDays,
      });
      return;
    }
    for (const [key, inner] of Object.entries(value)) walk(stepId, inner, [...path, key]);
  };
  for (const [stepId, step] of Object.entries(spec.steps))
    for (const [key, part] of Object.entries(step)) if (key !== 'next') walk(stepId, part, [key]);
  return found;
}

/**
 * The furthest back, in days, a spec reads a profile's events over a bounded window: an event
 * count "within the last N days" and the goal's window. A count over all time (`withinDays:
 * null`) has no bound and is not counted here: it sees the events the executor keeps
 * (EVENT_RETENTION_DAYS).
 */
export function eventLookBackDays(spec: Spec): number {
  let days = spec.settings.goal?.windowDays ?? 0;
  for (const { withinDays } of eventCountWindows(spec))
    if (withinDays !== null) days = Math.max(days, withinDays);
  return days;
}

/** Kept beyond a version's look-back, so a window's edge never lands on a pruned event. */
const LOOK_BACK_MARGIN_DAYS = 1;

/** A stored version's spec, and when it was published (ms since the epoch). */
export interface StoredSpec {
  spec: Spec;
  publishedAt: number;
}

const DAY_MS = 86_400_000;

/** How many days a version keeps events from its publish on: its longest window plus a margin. */
function daysWanted(spec: Spec): number {
  return eventLookBackDays(spec) + LOOK_BACK_MARGIN_DAYS;
}

/**
 * How many days of events a backend keeping them `retentionDays` keeps from now on while `specs`
 * are stored: more when one of them looks back over a longer bounded window, plus a margin. What
 * pruning keeps. A window that is not a finite number is ignored rather than made NaN.
 */
export function eventDaysKept(retentionDays: number, specs: Iterable<Spec>): number {
  let days = retentionDays;
  for (const spec of specs) {
    const wanted = daysWanted(spec);
    if (Number.isFinite(wanted)) days = Math.max(days, wanted);
  }
  return days;
}

/**
 * How many days of events the backend holds at `now`, which a count's look-back warning compares
 * its window with. A stored version keeps more than the retention only from its publish on: events
 * older than the retention were already deleted then, so it is credited with the retention plus
 * the whole days it has been stored, up to what it keeps.
 */
export function eventDaysHeld(
  retentionDays: number,
  stored: Iterable<StoredSpec>,
  now: number,
): number {
  let days = retentionDays;
  for (const { spec, publishedAt } of stored) {
    const storedDays = Math.max(0, Math.floor((now - publishedAt) / DAY_MS));
    const held = Math.min(daysWanted(spec), retentionDays + storedDays);
    if (Number.isFinite(held)) days = Math.max(days, held);
  }
  return days;
}
