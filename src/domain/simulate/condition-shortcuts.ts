import { CHANNELS, type Channel } from '../channels.ts';
import type { ConditionGroup } from '../conditions/condition-schema.ts';
import { DAY_MS } from '../conditions/time.ts';

/**
 * A condition group of one rule the run loop answers itself, without the compiled closures
 * (the predicate, the event counter and the context's `countEvents` or `reachable`): whether the
 * profile is reachable on a channel, or how many events of a name it had in a window. It gives
 * what the group's compiled predicate gives.
 */
export interface ConditionShortcut {
  readonly kind: 'reachable' | 'count';
  /** reachable: the channel's index in `CHANNELS` (-1 for a count), and its name. */
  readonly channel: number;
  readonly channelName: Channel;
  /** count: the event name ('' for reachable). */
  readonly event: string;
  readonly windowMs: number;
  /** Counting stops at this many, as the compiled counter does. */
  readonly stopAt: number;
  /** The count holds when it is in `[min, max]`. */
  readonly min: number;
  readonly max: number;
}

/**
 * Every shortcut has every field, in one order: the loop then reads them all through one
 * object shape, whichever kind it meets.
 */
function reachableShortcut(channelName: Channel): ConditionShortcut {
  return {
    kind: 'reachable',
    channel: CHANNELS.indexOf(channelName),
    channelName,
    event: '',
    windowMs: 0,
    stopAt: 0,
    min: 0,
    max: 0,
  };
}

function countShortcut(
  event: string,
  windowMs: number,
  stopAt: number,
  min: number,
  max: number,
): ConditionShortcut {
  return { kind: 'count', channel: -1, channelName: 'email', event, windowMs, stopAt, min, max };
}

/** The shortcut for `group`, or null when its compiled predicate must be asked. */
export function conditionShortcut(group: ConditionGroup): ConditionShortcut | null {
  if (group.rules.length !== 1) return null;
  const rule = group.rules[0];
  if (rule === undefined) return null;
  if (rule.type === 'reachable') return reachableShortcut(rule.channel);
  if (rule.type !== 'event_count' || rule.propertyFilters.length > 0) return null;
  const n = rule.count;
  const windowMs = rule.withinDays === null ? Number.POSITIVE_INFINITY : rule.withinDays * DAY_MS;
  switch (rule.comparison) {
    case 'at_least':
      return n === 0 ? null : countShortcut(rule.event, windowMs, n, n, Number.POSITIVE_INFINITY);
    case 'at_most':
      return countShortcut(rule.event, windowMs, n + 1, 0, n);
    case 'exactly':
      return countShortcut(rule.event, windowMs, n + 1, n, n);
  }
}
