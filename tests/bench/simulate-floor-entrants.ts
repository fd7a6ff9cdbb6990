/**
 * The floor's entrants, set up a block of profiles at a time before any of them runs: who enters
 * (from the event columns), their id hashes, and the amount of the profile's own order that would
 * reach the goal. An entrant's first reads of its objects miss the cache; done one entrant after
 * another, each waits for the one before, while the reads of a pass are independent and overlap.
 * The engine sets up its entrants the same way (`EntrantBatch`), so both pay the same for memory.
 */
import type { ProfileEvent } from '../../src/domain/profiles/profile.ts';
import type { ProfileColumns } from '../../src/domain/simulate/profile-columns.ts';

/** Profiles whose entrants are set up together (256 ran about 10% faster than 64; 1,024 no better). */
export const BLOCK = 256;

/** A block's entrants: per entrant, its profile, entry and goal order. */
export interface FloorEntrants {
  count: number;
  readonly profile: Int32Array;
  /** The index (in the event columns) of the order that made the entry. */
  readonly entryEvent: Int32Array;
  /** The FNV-1a hash of the id, the key of every per-profile draw. */
  readonly hash: Uint32Array;
  /** The profile's own first order in the goal's window (-1: none), and its amount in cents. */
  readonly goalEvent: Int32Array;
  readonly goalCents: Float64Array;
  /** Scratch of the passes. */
  readonly withGoal: Int32Array;
  readonly lists: (readonly ProfileEvent[])[];
  readonly events: ProfileEvent[];
  readonly props: ProfileEvent['props'][];
}

/** Room for a block's entrants. */
export function floorEntrants(): FloorEntrants {
  return {
    count: 0,
    profile: new Int32Array(BLOCK),
    entryEvent: new Int32Array(BLOCK),
    hash: new Uint32Array(BLOCK),
    goalEvent: new Int32Array(BLOCK),
    goalCents: new Float64Array(BLOCK),
    withGoal: new Int32Array(BLOCK),
    lists: new Array<readonly ProfileEvent[]>(BLOCK).fill([]),
    events: new Array<ProfileEvent>(BLOCK).fill({ name: '', at: 0 }),
    props: new Array<ProfileEvent['props']>(BLOCK).fill(undefined),
  };
}

/**
 * Finds the entrants among profiles `from` to `to` (at most {@link BLOCK}): those with an order
 * (event `order` of the columns) in `[start, end)`, entering at the first. `goalMs` is the
 * goal's window. Returns how many.
 */
export function findEntrants(
  out: FloorEntrants,
  columns: ProfileColumns,
  from: number,
  to: number,
  order: number,
  start: number,
  end: number,
  goalMs: number,
): number {
  const { eventStart, eventName, eventAt } = columns;
  const { profile, entryEvent, goalEvent, hash } = out;
  let n = 0;
  for (let p = from; p < to; p++) {
    const last = eventStart[p + 1] as number;
    let e = eventStart[p] as number;
    for (; e < last; e++) {
      if (eventName[e] !== order) continue;
      const at = eventAt[e] as number;
      if (at >= start) {
        if (at >= end) e = last;
        break;
      }
    }
    if (e === last) continue;
    profile[n] = p;
    entryEvent[n] = e;
    // The first later order in the goal's window (up to the last instant of the period).
    const entry = eventAt[e] as number;
    const until = Math.min(entry + goalMs, end - 1);
    let goal = -1;
    for (let g = e + 1; g < last; g++) {
      const at = eventAt[g] as number;
      if (at > until) break;
      if (at > entry && eventName[g] === order) {
        goal = g;
        break;
      }
    }
    goalEvent[n++] = goal;
  }
  // The hashes worked out with the columns, which the engine reads too.
  const idHash = columns.idHash as Uint32Array;
  for (let k = 0; k < n; k++) hash[k] = idHash[profile[k] as number] as number;
  readGoalAmounts(out, columns, n);
  out.count = n;
  return n;
}

/**
 * The amounts of the entrants' goal orders, from the profile objects (the columns hold no
 * amounts): the event lists, the events, then their props, each in a pass. Read whether or not
 * an order the journey brings comes first: it saves a cold read in the run of each entrant.
 */
function readGoalAmounts(out: FloorEntrants, columns: ProfileColumns, n: number): void {
  const { profile, goalEvent, withGoal, lists, events, props } = out;
  let m = 0;
  for (let k = 0; k < n; k++) {
    if ((goalEvent[k] as number) < 0) continue;
    withGoal[m] = k;
    lists[m++] = columns.profile(profile[k] as number).events;
  }
  for (let j = 0; j < m; j++) {
    const k = withGoal[j] as number;
    const g = (goalEvent[k] as number) - (columns.eventStart[profile[k] as number] as number);
    events[j] = (lists[j] as readonly ProfileEvent[])[g] as ProfileEvent;
  }
  for (let j = 0; j < m; j++) props[j] = (events[j] as ProfileEvent).props;
  for (let j = 0; j < m; j++) {
    const amount = props[j]?.['amount'];
    out.goalCents[withGoal[j] as number] =
      typeof amount === 'number' && Number.isFinite(amount) ? Math.round(amount * 100) : 0;
  }
}
