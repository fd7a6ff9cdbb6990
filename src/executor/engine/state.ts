/**
 * What the executor keeps per (profile, journey) between batches: every run with its path, and
 * the profile's recent sends from the journey for the frequency cap. Stored as one JSON value, so
 * advancing a profile rewrites one row however many steps it took.
 */

/** How a run ended (spec §3.2–3.4), as the conformance kit names it. */
export type RunEnd =
  | 'exit'
  | 'completed'
  | 'exit_criteria'
  | 'goal'
  | 'control_group'
  | 'loop_guard'
  /** The journey was stopped while the run was in flight (executor only). */
  | 'stopped';

/** One step of a run's path: arrival, departure (null: still there) and the branch taken. */
export interface RunStepRecord {
  stepId: string;
  at: number;
  leftAt: number | null;
  branch: string | null;
}

export interface RunState {
  /** `${journeyId}:${profileId}:${n}`: stable across retries of the batch that created it. */
  id: string;
  /** The published version it entered with; it keeps it until it ends (spec §3.5). */
  version: number;
  entryAt: number;
  /**
   * The entry's firing among the instant's firings (spec §3.1): the event's place among the
   * profile's events at `entryAt` (stable: later-recorded events at one instant sort after), or
   * -1 for a firing that is not an event (dates, schedules, segments come after the events).
   */
  entryOrdinal: number;
  trigger: string;
  control: boolean;
  /** The step the run is at, when it arrived there, and whether that step was already decided. */
  stepId: string;
  arrivedAt: number;
  waiting: boolean;
  /** When decided: when the step lets the run go, by which branch, and whether a deferred send is due then. */
  wakeAt: number;
  branch: number;
  pending: boolean;
  /** Steps taken in the current instant (loop guard, spec §3.3). */
  hops: number;
  /** Arrivals per step: the attempt number in a send's idempotency key. */
  visits: Record<string, number>;
  steps: RunStepRecord[];
  end: RunEnd | null;
  endedAt: number | null;
  /** The goal conversion attributed to this run has been counted. */
  converted: boolean;
}

/**
 * 2: runs are trimmed to {@link KEPT_RUNS} and `started` counts them all. An executor that reads
 * only 1 holds such a state instead of numbering its next run `runs.length + 1`, which on a
 * trimmed state reused an earlier run's send idempotency keys (sends counted, never written).
 */
export const JOURNEY_STATE_VERSION = 2;

/**
 * Ended runs kept per profile and journey, newest last (`GET …/runs` shows them). Older ones are
 * dropped: their counts are already written, and a flood of entries would otherwise grow the
 * state, rewritten whole at every advance, without bound.
 */
export const KEPT_RUNS = 100;

export interface JourneyProfileState {
  v: typeof JOURNEY_STATE_VERSION;
  /** The latest runs (at most {@link KEPT_RUNS}); only the last may be in progress. */
  runs: RunState[];
  /**
   * Runs ever started, dropped ones included: the next run's number (in its id, and so in its
   * sends' idempotency keys). A version 1 state is read with `runs.length` (see {@link upgradeState}).
   */
  started?: number;
  /** Capped sends from this journey, `[at, channel index]`, oldest first. */
  sends: [number, number][];
}

export function emptyJourneyState(): JourneyProfileState {
  return { v: JOURNEY_STATE_VERSION, runs: [], sends: [] };
}

/** The run still in progress, if any (only the last can be). */
export function activeRun(state: JourneyProfileState): RunState | null {
  const last = state.runs[state.runs.length - 1];
  return last !== undefined && last.end === null ? last : null;
}

/** The number in a run's id (`…:n`), 0 when it has none. */
function runNumber(run: RunState | undefined): number {
  const n = Number(run?.id.slice(run.id.lastIndexOf(':') + 1));
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

/** The highest number among the kept runs' ids (0 for none). */
function highestRunNumber(runs: readonly RunState[]): number {
  let highest = 0;
  for (const run of runs) highest = Math.max(highest, runNumber(run));
  return highest;
}

/**
 * The number of the next run to start (1 for the first): past every run ever started, and past
 * every kept run's own number whatever `started` says (an executor from before the count may
 * have numbered a run from the trimmed list's length), so no two runs share send keys.
 */
export function nextRunNumber(state: JourneyProfileState): number {
  return Math.max(state.started ?? state.runs.length, highestRunNumber(state.runs)) + 1;
}

/**
 * Reads a state of the version before (1: runs kept, `started` perhaps) as this version's: no
 * fewer started than it counted, than it kept, nor than the highest run number it kept.
 * Mutates and returns it; other versions are left as they are.
 */
export function upgradeState(state: { v?: unknown; runs?: unknown; started?: unknown }): void {
  if (state.v !== 1 || !Array.isArray(state.runs)) return;
  const runs = state.runs as RunState[];
  const counted =
    typeof state.started === 'number' && Number.isSafeInteger(state.started) ? state.started : 0;
  state.v = JOURNEY_STATE_VERSION;
  state.started = Math.max(counted, runs.length, highestRunNumber(runs));
}

/** Adds a run started now (numbered {@link nextRunNumber}), keeping the latest {@link KEPT_RUNS}. */
export function addRun(state: JourneyProfileState, run: RunState): void {
  state.started = nextRunNumber(state);
  state.runs.push(run);
  if (state.runs.length > KEPT_RUNS) state.runs.splice(0, state.runs.length - KEPT_RUNS);
}
