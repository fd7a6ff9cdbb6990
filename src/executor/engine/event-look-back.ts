import type { Spec } from '../../domain/index.ts';

/**
 * The furthest back, in days, a spec reads a profile's events over a bounded window: an event
 * count "within the last N days" (conditions, segments, splits) and the goal's window. A count
 * over all time (`withinDays: null`) has no bound and is not counted here: it sees the events
 * the executor keeps (EVENT_RETENTION_DAYS).
 */
export function eventLookBackDays(spec: Spec): number {
  let days = spec.settings.goal?.windowDays ?? 0;
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'withinDays' && typeof inner === 'number') days = Math.max(days, inner);
      else walk(inner);
    }
  };
  walk(spec.steps);
  walk(spec.settings);
  return days;
}
