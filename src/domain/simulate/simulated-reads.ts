import type { ConditionGroup, ConditionNode } from '../conditions/condition-schema.ts';
import type { PlanStep } from './plan-step.ts';
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
 * The names of the events anything in a run reads from a profile's timeline (conditions, waits,
 * the goal, exit criteria), or null when that cannot be told (a trigger that is not one of the
 * profile's own events, such as a segment, may read any event).
 */
export function eventsRead(
  steps: readonly PlanStep[],
  triggers: readonly TriggerPlan[],
  goalEvent: string | null,
  exitEvents: readonly string[],
): Set<string> | null {
  if (triggers.some((t) => t.event === undefined)) return null;
  const out = new Set<string>(exitEvents);
  if (goalEvent !== null) out.add(goalEvent);
  for (const step of steps) {
    for (const group of step.conditions) addConditionReads(group, out);
    if (step.predicates.length > step.conditions.length) return null;
    if (step.waitMatch !== null) {
      if (step.waitEvent === '') return null;
      out.add(step.waitEvent);
    }
  }
  return out;
}

/**
 * Marks on each message step which of its simulated events are read (see {@link eventsRead}).
 * Events nobody reads are still drawn and counted, so results are the same; only the work of
 * adding them to the timeline is saved. Traced profiles keep every event.
 */
export function markKeptEvents(steps: readonly PlanStep[], read: ReadonlySet<string> | null): void {
  for (const step of steps) {
    const m = step.message;
    if (m === null) continue;
    if (read === null) {
      m.keepEvents = KEEP_ALL;
      continue;
    }
    m.keepEvents =
      (read.has(m.deliveredEvent) ? KEEP.delivered : 0) |
      (read.has(m.openedEvent) ? KEEP.opened : 0) |
      (read.has(m.clickedEvent) ? KEEP.clicked : 0) |
      (read.has(m.unsubscribedEvent) ? KEEP.unsubscribed : 0) |
      (read.has('nps_response') ? KEEP.nps : 0) |
      KEEP.goal;
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
