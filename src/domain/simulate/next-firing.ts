import type { SimulationPlan } from './plan.ts';
import type { ProfileState } from './profile-state.ts';
import { AFTER_EVENTS, type TriggerPlan } from './trigger-plan.ts';

/** The firing {@link nextFiring} found: its trigger and sequence (spec §3.1). */
export interface Firing {
  trigger: number;
  seq: number;
}

/**
 * The first firing of any trigger after position (`after`, `afterSeq`): by time, then sequence,
 * then trigger order (several triggers on one event are one firing). Returns its time (Infinity:
 * none) and writes its trigger and sequence to `out`. Shared by the simulator and the executor.
 */
export function nextFiring(
  plan: SimulationPlan,
  state: ProfileState,
  after: number,
  afterSeq: number,
  out: Firing,
): number {
  let best = Number.POSITIVE_INFINITY;
  let bestSeq = AFTER_EVENTS;
  let bestTrigger = -1;
  // Non-event triggers fire after the events of an instant, once per instant.
  const timeFrom = afterSeq === AFTER_EVENTS ? after + 1 : after;
  for (let i = 0; i < plan.triggers.length; i++) {
    const trigger = plan.triggers[i] as TriggerPlan;
    let t: number;
    let seq = AFTER_EVENTS;
    if (trigger.perEvent) {
      t = trigger.nextAt(state, after, afterSeq, plan.start, plan.end);
      seq = state.firedSeq;
    } else t = trigger.nextAt(state, timeFrom, afterSeq, plan.start, plan.end);
    if (t < best || (t === best && t !== Number.POSITIVE_INFINITY && seq < bestSeq)) {
      best = t;
      bestSeq = seq;
      bestTrigger = i;
    }
  }
  out.seq = bestSeq;
  if (bestTrigger >= 0) out.trigger = bestTrigger;
  return best;
}
