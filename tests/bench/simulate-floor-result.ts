/**
 * What the floor loop works out, named as the engine's `SimulationResult` names it, and the check
 * that the two agree: the floor must simulate the bench journey under the engine's model, not a
 * cheaper one, or its time is no floor for the engine's.
 */
import type { SimulationResult } from '../../src/domain/simulate/result-schema.ts';

/** The channels the bench journey sends on. */
export type FloorChannel = 'email' | 'sms' | 'push';

/** One step's figures, as in `SimulationResult['steps'][id]`. */
export interface FloorStep {
  entered: number;
  byBranch: Record<string, number>;
  waiting: number;
  exited: number;
  sent: number;
  units: number;
}

/** One channel's figures, as in `SimulationResult['channels'][channel]`. */
export interface FloorChannelResult {
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  unsubscribed: number;
  suppressed: { unreachable: number; unsubscribed: number };
}

/**
 * Everything a strategist reads off the bench journey's result that the floor computes: every
 * field is the field of the same path in the engine's result, so {@link floorMismatch} can walk
 * it. (Figures derived from these, such as rates, costs and quantiles, are left to the engine.)
 */
export interface FloorResult {
  profiles: number;
  profilesEntered: number;
  entries: number;
  entriesRefused: { active_run: number; reentry_never: number };
  steps: Record<string, FloorStep>;
  channels: Record<FloorChannel, FloorChannelResult>;
  goal: {
    conversions: number;
    revenueCents: number;
    timeToConvertHours: { histogram: number[] };
  };
  messagesPerProfile: number[];
  sendsPerDay: Record<FloorChannel, number[]>;
  entriesPerDay: number[];
  conversionsPerDay: number[];
}

function shown(value: unknown): string {
  return Array.isArray(value) ? `a list of ${value.length}` : (JSON.stringify(value) ?? 'nothing');
}

/** The first path under `path` where `floor` and `engine` differ, or null (walks `floor`'s keys). */
function firstDifference(floor: unknown, engine: unknown, path: string): string | null {
  if (typeof floor === 'number') {
    return floor === engine ? null : `${path}: floor ${floor}, engine ${shown(engine)}`;
  }
  if (Array.isArray(floor)) {
    if (!Array.isArray(engine) || engine.length !== floor.length)
      return `${path}: floor a list of ${floor.length}, engine ${shown(engine)}`;
    for (let i = 0; i < floor.length; i++) {
      const found = firstDifference(floor[i], engine[i], `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof floor === 'object' && floor !== null) {
    if (typeof engine !== 'object' || engine === null || Array.isArray(engine))
      return `${path}: engine ${shown(engine)}`;
    const theirs = engine as Record<string, unknown>;
    for (const [key, value] of Object.entries(floor)) {
      const found = firstDifference(value, theirs[key], path === '' ? key : `${path}.${key}`);
      if (found !== null) return found;
    }
    return null;
  }
  return `${path}: the floor holds ${shown(floor)}, which is no figure`;
}

/**
 * Where the floor's figures and the engine's result differ, first field first (e.g.
 * `channels.email.opened: floor 480, engine 481`), or null when every figure of the floor is the
 * engine's. Steps and their branches are compared both ways.
 */
export function floorMismatch(floor: FloorResult, engine: SimulationResult): string | null {
  const found = firstDifference(floor, engine, '');
  if (found !== null) return found;
  // The walk reads the floor's keys only: a step or branch only the engine has is a difference too.
  const extraStep = Object.keys(engine.steps).find((id) => !Object.hasOwn(floor.steps, id));
  if (extraStep !== undefined) return `steps.${extraStep}: the floor has no such step`;
  for (const [id, step] of Object.entries(floor.steps)) {
    const branches = Object.keys(engine.steps[id]?.byBranch ?? {});
    const extra = branches.find((key) => !Object.hasOwn(step.byBranch, key));
    if (extra !== undefined) return `steps.${id}.byBranch.${extra}: the floor has no such branch`;
  }
  return null;
}
