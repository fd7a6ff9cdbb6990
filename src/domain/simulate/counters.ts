import { CHANNELS } from '../channels.ts';
import { DAY_MS } from '../conditions/time.ts';

/** Per-channel counter columns. */
export const CHANNEL_COUNTS = ['sent', 'delivered', 'opened', 'clicked', 'unsubscribed'] as const;
export const SENT = 0;
export const DELIVERED = 1;
export const OPENED = 2;
export const CLICKED = 3;
export const UNSUBSCRIBED = 4;

/** Suppression causes, in the order the simulator checks them. */
export const SUPPRESSION_CAUSES = [
  'unreachable',
  'unsubscribed',
  'quiet_hours_dropped',
  'quiet_hours_deferred',
  'frequency_cap',
] as const;
export type SuppressionCause = (typeof SUPPRESSION_CAUSES)[number];
export const UNREACHABLE = 0;
export const UNSUBSCRIBED_CAUSE = 1;
export const QUIET_DROPPED = 2;
export const QUIET_DEFERRED = 3;
export const FREQUENCY_CAP = 4;

/** How a run ended at a step (spec §3.2–3.4): `completed` is a branch whose `next` is null. */
export const EXIT_REASONS = [
  'exit',
  'completed',
  'exit_criteria',
  'goal',
  'control_group',
  'loop_guard',
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];
export const EXIT_STEP = 0;
export const COMPLETED = 1;
export const EXIT_CRITERIA = 2;
export const GOAL = 3;
export const CONTROL_GROUP = 4;
export const LOOP_GUARD = 5;

/** Why a message deferred by quiet hours was never sent. */
export const DEFERRED_DROP_REASONS = ['exit_criteria', 'goal', 'horizon', 'frequency_cap'] as const;
export const DROPPED_EXIT = 0;
export const DROPPED_GOAL = 1;
export const DROPPED_HORIZON = 2;
export const DROPPED_CAP = 3;

/** Why a trigger firing did not start a run (spec §3.1). */
export const REFUSAL_REASONS = ['active_run', 'reentry_never', 'cooldown'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];
export const REFUSED_ACTIVE = 0;
export const REFUSED_NEVER = 1;
export const REFUSED_COOLDOWN = 2;

/** How many stopped profiles' ids a result keeps (the smallest ids, so partitions merge exactly). */
export const STOPPED_IDS_KEPT = 100;

/** Buckets of the messages-per-profile histogram; the last holds this many or more. */
export const MESSAGE_BUCKETS = 51;
/** Hour buckets of the time-to-convert histogram; the last holds this many hours or more. */
export const MAX_CONVERT_HOURS = 24 * 366;

const C = CHANNELS.length;

/** Adds one to a tally. */
export function bump(a: Float64Array, i: number): void {
  a[i] = (a[i] as number) + 1;
}

/**
 * Raw tallies of one partition: whole numbers only (revenue in cents), so adding partitions
 * gives exactly the tallies of one run over all their profiles.
 */
export class Counters {
  /**
   * Runs started at each step. A step's entries are these and the branches taken into it
   * ({@link stepEntries}), so the run loop tallies no entry per step.
   */
  readonly starts: Float64Array;
  readonly waiting: Float64Array;
  /** Runs ended per step and reason, at `step * EXIT_REASONS.length + reason`. */
  readonly exitedBy: Float64Array;
  /** Branches taken, at the step's `branchBase` + branch. */
  readonly branches: Float64Array;
  readonly stepSent: Float64Array;
  /** Billed units per step: SMS parts, one per message on other channels. */
  readonly stepUnits: Float64Array;
  readonly channel = new Float64Array(C * CHANNEL_COUNTS.length);
  readonly suppressed = new Float64Array(C * SUPPRESSION_CAUSES.length);
  readonly deferredDropped = new Float64Array(C * DEFERRED_DROP_REASONS.length);
  readonly sendsPerDay: Float64Array;
  /** Entries and goal conversions outside the control group per simulated day. */
  readonly entriesPerDay: Float64Array;
  readonly conversionsPerDay: Float64Array;
  readonly messagesPerProfile = new Float64Array(MESSAGE_BUCKETS);
  readonly timeToConvert: Float64Array;
  readonly npsScores = new Float64Array(11);
  readonly entriesRefused = new Float64Array(REFUSAL_REASONS.length);
  /** Profiles stopped by a runaway guard, per step where they were stopped. */
  readonly stoppedAt: Float64Array;
  stoppedProfiles = 0;
  /** The smallest ids of stopped profiles, ascending, at most {@link STOPPED_IDS_KEPT}. */
  readonly stoppedIds: string[] = [];
  profiles = 0;
  profilesEntered = 0;
  controlProfiles = 0;
  entries = 0;
  controlEntries = 0;
  conversions = 0;
  controlConversions = 0;
  revenueCents = 0;
  controlRevenueCents = 0;

  constructor(
    readonly stepCount: number,
    readonly branchCount: number,
    readonly days: number,
    readonly convertBuckets: number,
  ) {
    this.starts = new Float64Array(stepCount);
    this.waiting = new Float64Array(stepCount);
    this.exitedBy = new Float64Array(stepCount * EXIT_REASONS.length);
    this.branches = new Float64Array(branchCount);
    this.stepSent = new Float64Array(stepCount);
    this.stepUnits = new Float64Array(stepCount);
    this.stoppedAt = new Float64Array(stepCount);
    this.sendsPerDay = new Float64Array(C * days);
    this.entriesPerDay = new Float64Array(days);
    this.conversionsPerDay = new Float64Array(days);
    this.timeToConvert = new Float64Array(convertBuckets);
  }

  /** Ends a run at a step for a reason. */
  exit(step: number, reason: number): void {
    bump(this.exitedBy, step * EXIT_REASONS.length + reason);
  }

  suppress(channel: number, cause: number): void {
    bump(this.suppressed, channel * SUPPRESSION_CAUSES.length + cause);
  }

  /** Records a profile stopped by a runaway guard at a step. */
  stopProfile(step: number, profileId: string): void {
    bump(this.stoppedAt, step);
    this.stoppedProfiles++;
    keepSmallest(this.stoppedIds, profileId, STOPPED_IDS_KEPT);
  }

  dropDeferred(channel: number, reason: number): void {
    bump(this.deferredDropped, channel * DEFERRED_DROP_REASONS.length + reason);
  }

  /** Adds one to a per-day tally at time `t` of a run that starts at `start`; outside the days: nothing. */
  onDay(tally: Float64Array, start: number, t: number): void {
    const day = Math.floor((t - start) / DAY_MS);
    if (day >= 0 && day < this.days) bump(tally, day);
  }

  count(channel: number, column: number): void {
    bump(this.channel, channel * CHANNEL_COUNTS.length + column);
  }
}

/**
 * Entries per step: the runs started there and the branches taken into it, each step's `next`
 * giving its branches' targets (-1 for none), counted from its `branchBase`.
 */
export function stepEntries(
  counters: Counters,
  steps: readonly { readonly next: Int32Array; readonly branchBase: number }[],
): Float64Array {
  const entered = counters.starts.slice();
  const branches = counters.branches;
  for (const { next, branchBase } of steps) {
    for (let b = 0; b < next.length; b++) {
      const to = next[b] as number;
      if (to >= 0) entered[to] = (entered[to] as number) + (branches[branchBase + b] as number);
    }
  }
  return entered;
}

/**
 * Works out the count of each branch that is its step's only one and leads to a step, in a
 * journey without a loop: every run that entered the step and did not end there took it.
 * Untraced runs do not count these (see `FAST` in step-table.ts). `order` is the plan's
 * `flowOrder`. Returns each step's entries, as {@link stepEntries} gives them once settled.
 */
export function settleBranches(
  counters: Counters,
  steps: readonly { readonly next: Int32Array; readonly branchBase: number }[],
  order: Int32Array,
): Float64Array {
  const entered = counters.starts.slice();
  const branches = counters.branches;
  for (const i of order) {
    const { next, branchBase } = steps[i] as (typeof steps)[number];
    if (next.length === 1 && (next[0] as number) >= 0)
      branches[branchBase] =
        (entered[i] as number) - stepExits(counters, i) - (counters.waiting[i] as number);
    for (let b = 0; b < next.length; b++) {
      const to = next[b] as number;
      if (to >= 0) entered[to] = (entered[to] as number) + (branches[branchBase + b] as number);
    }
  }
  return entered;
}

/** Runs ended at `step`, for any reason. */
export function stepExits(counters: Counters, step: number): number {
  let n = 0;
  for (let r = 0; r < EXIT_REASONS.length; r++)
    n += counters.exitedBy[step * EXIT_REASONS.length + r] as number;
  return n;
}

/** Inserts `id` into the ascending `ids`, keeping only the `limit` smallest. */
export function keepSmallest(ids: string[], id: string, limit: number): void {
  let at = ids.length;
  while (at > 0 && (ids[at - 1] as string) > id) at--;
  if (at >= limit) return;
  ids.splice(at, 0, id);
  if (ids.length > limit) ids.pop();
}
