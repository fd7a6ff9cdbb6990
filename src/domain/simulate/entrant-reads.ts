import type { SimulationPlan } from './plan.ts';
import { OP } from './plan-step.ts';

/**
 * Whether a run of `plan` reads the object of (about) every entrant: an attribute, its zone, or
 * its events as objects. Then `EntrantBatch` reads the objects ahead, a batch at a time, where
 * their first reads overlap; else each is built only if something asks for it (see
 * `ProfileState.profile`), and most never are. Only a question of speed: either way the run
 * reads the same values, so a wrong answer costs time, never a result.
 */
export function readsEntrantObjects(plan: SimulationPlan, names: readonly string[]): boolean {
  if (plan.propensity !== null) return true;
  // A test of an event's props reads the objects of real events of its name only: none when no
  // profile has such events (e.g. a wait for an open of the journey's own email).
  const real = new Set(names);
  const goal = plan.goal;
  if (goal !== null && !goal.byName && real.has(goal.event)) return true;
  if (!plan.stopsByName && plan.exitEvents.some((name) => real.has(name))) return true;
  for (const step of plan.steps) {
    switch (step.op) {
      case OP.firstMatch:
        if (step.shortcuts.some((s) => s === null)) return true;
        break;
      case OP.waitUntil:
      case OP.timeWindow:
        return true;
      case OP.waitForEvent:
        if (!step.waitByName && (step.waitEvent === '' || real.has(step.waitEvent))) return true;
        break;
      case OP.message: {
        const m = step.message;
        if (m !== null && plan.quiet.enabled && m.quiet) return true;
        break;
      }
      case OP.updateProfile:
        if (step.operations.some((op) => op.type === 'set_attribute' || plan.tagsRead)) return true;
        break;
    }
  }
  return false;
}
