import type { Spec } from '../compile/spec-schema.ts';
import type { EventCountRule } from '../conditions/condition-schema.ts';

/** One event count of a step ("within the last N days"; null: over all time), and where it is. */
export interface EventCountWindow {
  stepId: string;
  /** The path of its `withinDays` inside the step, e.g. `condition.rules.0.withinDays`. */
  field: string;
  withinDays: number | null;
}

/** An event count rule of a condition, wherever in a step its condition is. */
function isEventCount(value: object): value is EventCountRule {
  return 'type' in value && value.type === 'event_count';
}

/**
 * Every event count in a spec's steps (conditions, segments, splits), in step order. Only event
 * count rules are read: a key of the same name elsewhere (a path named `withinDays` in `next`) is
 * not a window.
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
  for (const [stepId, step] of Object.entries(spec.steps)) walk(stepId, step, []);
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

/**
 * How many days of events a backend keeping them `retentionDays` keeps while `specs` are stored:
 * more when one of them looks back over a longer bounded window, plus a margin. What pruning
 * keeps, and what a count's look-back warning compares its window with.
 */
export function eventDaysKept(retentionDays: number, specs: Iterable<Spec>): number {
  let days = retentionDays;
  for (const spec of specs) days = Math.max(days, eventLookBackDays(spec) + LOOK_BACK_MARGIN_DAYS);
  return days;
}
