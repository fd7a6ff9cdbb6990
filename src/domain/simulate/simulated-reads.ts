import type { ConditionGroup, ConditionNode } from '../conditions/condition-schema.ts';
import type { ProfileEvent } from '../profiles/profile.ts';
import type { EventMatcher } from './event-match.ts';
import type { MessagePlan, PlanStep } from './plan-step.ts';
import type { TriggerPlan } from './trigger-plan.ts';

/** Bits of `MessagePlan.keepEvents`: which simulated events of a message step join the timeline. */
export const KEEP = {
  delivered: 1,
  opened: 2,
  clicked: 4,
  unsubscribed: 8,
  nps: 16,
  goal: 32,
} as const;
export const KEEP_ALL = 63;

function addConditionReads(node: ConditionNode | ConditionGroup, out: Set<string>): void {
  if (node.type === 'group') for (const rule of node.rules) addConditionReads(rule, out);
  else if (node.type === 'event_count') out.add(node.event);
}

/**
 * What reads the events a run adds to a profile's timeline: by name (conditions, the goal, exit
 * criteria: any event of the name may be read), or only through the tests of waits for an
 * event, which read an event's name and props (never its time).
 */
export interface EventsRead {
  readonly byName: ReadonlySet<string>;
  /** Names no one reads but waits, with those waits' tests. */
  readonly byWaits: ReadonlyMap<string, readonly EventMatcher[]>;
}

/**
 * What anything in a run reads from a profile's timeline (conditions, waits, the goal, exit
 * criteria), or null when that cannot be told (a trigger that is not one of the profile's own
 * events, such as a segment, may read any event).
 */
export function eventsRead(
  steps: readonly PlanStep[],
  triggers: readonly TriggerPlan[],
  goalEvent: string | null,
  exitEvents: readonly string[],
): EventsRead | null {
  if (triggers.some((t) => t.event === undefined)) return null;
  const byName = new Set<string>(exitEvents);
  if (goalEvent !== null) byName.add(goalEvent);
  const waits = new Map<string, EventMatcher[]>();
  for (const step of steps) {
    for (const group of step.conditions) addConditionReads(group, byName);
    if (step.predicates.length > step.conditions.length) return null;
    if (step.waitMatch !== null) {
      if (step.waitEvent === '') return null;
      const tests = waits.get(step.waitEvent);
      if (tests === undefined) waits.set(step.waitEvent, [step.waitMatch]);
      else tests.push(step.waitMatch);
    }
  }
  for (const name of byName) waits.delete(name);
  return { byName, byWaits: waits };
}

/**
 * Whether anything reads a message's event named `name`, whose props are one of `props`: read
 * by name, or accepted by the test of a wait for it (an engagement wait takes only its own
 * message's events, by their `stepId`).
 */
function isRead(
  read: EventsRead,
  name: string,
  props: readonly Readonly<Record<string, string | number>>[],
): boolean {
  if (read.byName.has(name)) return true;
  const tests = read.byWaits.get(name);
  if (tests === undefined) return false;
  return props.some((p) => {
    const probe: ProfileEvent = { name, at: 0, props: p };
    return tests.some((test) => test(probe));
  });
}

/** Which of message `m`'s simulated events `read` reads (bits of {@link KEEP}). */
function keptOf(m: MessagePlan, read: EventsRead): number {
  const own = [m.props];
  return (
    (isRead(read, m.deliveredEvent, own) ? KEEP.delivered : 0) |
    (isRead(read, m.openedEvent, own) ? KEEP.opened : 0) |
    (isRead(read, m.clickedEvent, own) ? KEEP.clicked : 0) |
    (isRead(read, m.unsubscribedEvent, own) ? KEEP.unsubscribed : 0) |
    (isRead(read, 'nps_response', m.npsProps) ? KEEP.nps : 0) |
    KEEP.goal
  );
}

/**
 * Marks on each message step which of its simulated events are read (see {@link eventsRead}).
 * Events nobody reads are still drawn and counted, so results are the same; only the work of
 * adding them to the timeline is saved. Traced profiles keep every event.
 */
export function markKeptEvents(steps: readonly PlanStep[], read: EventsRead | null): void {
  for (const step of steps) {
    const m = step.message;
    if (m === null) continue;
    m.keepEvents = read === null ? KEEP_ALL : keptOf(m, read);
  }
}

function readsAttribute(node: ConditionNode | ConditionGroup, path: string): boolean {
  if (node.type === 'group') return node.rules.some((rule) => readsAttribute(rule, path));
  return node.type === 'attribute' && node.attribute === path;
}

/**
 * Whether anything in a run may read a profile's tags after the journey changed them: a
 * condition on tags, the propensity attribute, a wait until a date attribute, or a trigger that
 * is not one of the profile's own events (conservatively). SMS billing renders the profile as
 * given, not as changed. When nothing does, the simulator leaves tag changes out: nothing it
 * reports could differ.
 */
export function tagsRead(
  steps: readonly PlanStep[],
  triggers: readonly TriggerPlan[],
  propensityAttribute: string | null,
): boolean {
  if (propensityAttribute === 'tags' || triggers.some((t) => t.event === undefined)) return true;
  return steps.some(
    (step) =>
      step.predicates.length > step.conditions.length ||
      step.conditions.some((group) => readsAttribute(group, 'tags')) ||
      step.untilAttribute === 'tags',
  );
}
