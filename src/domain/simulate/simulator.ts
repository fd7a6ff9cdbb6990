import type { Profile } from '../profiles/profile.ts';
import {
  bump,
  Counters,
  MESSAGE_BUCKETS,
  REFUSED_ACTIVE,
  REFUSED_COOLDOWN,
  REFUSED_NEVER,
} from './counters.ts';
import { MessageSender } from './messages.ts';
import { nextFiring as sharedNextFiring, type Firing } from './next-firing.ts';
import type { SimulationPlan } from './plan.ts';
import type { EntrantStart } from './column-entries.ts';
import { ColumnFirings } from './column-firings.ts';
import type { PreparedProfiles } from './prepared-profiles.ts';
import type { ProfileColumns } from './profile-columns.ts';
import { ProfileState } from './profile-state.ts';
import { GoalConversions } from './goal-conversions.ts';
import { RunLoop } from './run-loop.ts';
import { ProfileRandom, STREAM, hashMore, hashText } from './seeded.ts';
import { StepTracer } from './step-tracer.ts';
import type { ProfileTrace } from './trace.ts';
import { ZoneRegistry } from './zone-clock.ts';

const NEVER = Number.POSITIVE_INFINITY;
const HOUR_MS = 3_600_000;

/**
 * Runs profiles through a plan one at a time, tallying into {@link Counters}. All state lives
 * in fields reused between profiles, so a profile allocates only when it changes its timeline.
 */
export class ProfileSimulator {
  readonly counters: Counters;
  private readonly state: ProfileState;
  private readonly random = new ProfileRandom();
  private readonly sender: MessageSender;
  private readonly loop: RunLoop;
  private tracer: StepTracer | null = null;
  private entryTrigger = -1;
  /** The sequence of the firing that made the entry (see `AFTER_EVENTS` in trigger-plan.ts). */
  private entrySeq = -1;

  constructor(private readonly plan: SimulationPlan) {
    const convertBuckets =
      plan.goal === null ? 1 : Math.min(24 * 366, Math.ceil(plan.goal.windowMs / HOUR_MS)) + 1;
    this.counters = new Counters(
      plan.steps.length,
      plan.branchCount,
      plan.horizonDays,
      convertBuckets,
    );
    this.state = new ProfileState(new ZoneRegistry(plan.defaultTimeZone), plan.goal?.event ?? '');
    this.sender = new MessageSender(plan, this.state, this.counters, this.random);
    this.loop = new RunLoop(plan, this.state, this.counters, this.sender);
    this.columnFirings = ColumnFirings.for(plan);
    this.conversions = new GoalConversions(plan, this.state, this.counters);
  }

  /**
   * Simulates one profile. Returns its trace when it was requested or sampled and entered the
   * journey, else null.
   */
  runProfile(
    profile: Profile,
    sampleKey: number,
    requested: boolean,
    sampled: boolean,
  ): ProfileTrace | null {
    this.counters.profiles++;
    // Hashing an id costs a noticeable share of a run: only entrants need it, unless the
    // control-group draw (which an entry condition may read) does.
    const drawsControl = this.plan.controlThreshold > 0;
    const entryAt = this.startProfile(profile, drawsControl ? hashText(profile.id) : 0);
    if (entryAt === NEVER) return null;
    if (!drawsControl) this.state.hash = hashText(profile.id);
    return this.runEntries(entryAt, sampleKey, requested, sampled);
  }

  /**
   * Simulates entrant `k` of `prepared` exactly as {@link runProfile} would, from its first entry
   * as worked out beforehand. Counts no profile: the caller counts the whole share at once.
   */
  runEntrant(
    prepared: PreparedProfiles,
    k: number,
    sampleKey: number,
    requested: boolean,
    sampled: boolean,
  ): ProfileTrace | null {
    const start = this.scratchStart;
    start.profile = prepared.entrantProfiles[k] as Profile;
    start.hash = prepared.hash[k] as number;
    start.at = prepared.firstEntry[k] as number;
    start.trigger = prepared.firstTrigger[k] as number;
    start.seq = prepared.firstSeq[k] as number;
    start.control = prepared.control[k] === 1;
    start.reach = prepared.reach[k] as number;
    const source = prepared.source;
    return this.runStart(
      start,
      Array.isArray(source) ? null : (source as ProfileColumns),
      prepared.entrants[k] as number,
      prepared.reachChannels,
      sampleKey,
      requested,
      sampled,
    );
  }

  private readonly scratchStart: EntrantStart = {
    profile: { id: '', attributes: { consent: {}, tags: [], custom: {} }, events: [] },
    hash: 0,
    at: NEVER,
    trigger: -1,
    seq: -1,
    control: false,
    reach: 0,
  };

  /**
   * Simulates profile `index` (of `columns`, when it came from columns) from its `start` as
   * worked out beforehand, exactly as {@link runProfile} would. Counts no profile.
   */
  runStart(
    start: EntrantStart,
    columns: ProfileColumns | null,
    index: number,
    reachChannels: number,
    sampleKey: number,
    requested: boolean,
    sampled: boolean,
  ): ProfileTrace | null {
    const state = this.state;
    if (columns !== null) state.resetColumns(columns, index, start.profile);
    else state.reset(start.profile as Profile);
    state.hash = start.hash;
    state.control = start.control;
    state.reach = start.reach;
    state.reachKnown = reachChannels;
    this.entryTrigger = start.trigger;
    this.entrySeq = start.seq;
    return this.runEntries(start.at, sampleKey, requested, sampled);
  }

  /**
   * The seed-independent start of a profile's simulation: when it first enters (Infinity:
   * never); {@link entryTriggerIndex} and {@link heldOut} then tell by which trigger, and
   * whether it is held out (spec §3.2: a property of the profile, which the `control_group`
   * rule of an entry condition reads too).
   */
  firstEntry(profile: Profile, hash: number): number {
    return this.startProfile(profile, hash);
  }

  /** The trigger of the entry {@link firstEntry} found. */
  get entryTriggerIndex(): number {
    return this.entryTrigger;
  }

  /** The sequence of the firing {@link firstEntry} found. */
  get entrySequence(): number {
    return this.entrySeq;
  }

  /** Whether the profile {@link firstEntry} looked at is held out. */
  get heldOut(): boolean {
    return this.state.control;
  }

  private startProfile(profile: Profile, hash: number): number {
    const { plan, state } = this;
    state.reset(profile);
    state.hash = hash;
    state.control =
      plan.controlThreshold > 0 &&
      hashMore(hash, plan.controlSuffix) % 10_000 < plan.controlThreshold;
    const at = this.nextFiring(plan.start, -1);
    this.entryTrigger = this.firedTrigger;
    this.entrySeq = this.firedSeq;
    return at;
  }

  private runEntries(
    first: number,
    sampleKey: number,
    requested: boolean,
    sampled: boolean,
  ): ProfileTrace | null {
    const { plan, state, counters } = this;
    let entryAt = first;
    this.random.reseed(plan.seedHash, state.hash, STREAM.behaviour);
    this.sender.reset();
    counters.profilesEntered++;
    if (state.control) counters.controlProfiles++;
    this.tracer =
      requested || sampled
        ? new StepTracer(plan, state, state.profile.id, sampleKey, requested, sampled)
        : null;
    this.sender.tracing = this.tracer !== null;
    this.loop.tracer = this.tracer;
    this.loop.stopped = false;
    while (entryAt !== NEVER) {
      if (state.control) counters.controlEntries++;
      else {
        counters.entries++;
        counters.onDay(counters.entriesPerDay, this.plan.start, entryAt);
      }
      const exitAt = this.loop.run(entryAt, this.entryTrigger);
      // The firing that made this entry (finding the next entry moves it on).
      const seq = this.entrySeq;
      const next = this.loop.stopped ? NEVER : this.nextEntry(entryAt, exitAt);
      this.conversions.count(entryAt, next, seq, this.loop.goalEvent, this.tracer);
      this.loop.goalEvent = null;
      entryAt = next;
    }
    bump(counters.messagesPerProfile, Math.min(state.messages, MESSAGE_BUCKETS - 1));
    const trace = this.tracer === null ? null : this.tracer.finish();
    this.tracer = null;
    this.loop.tracer = null;
    return trace;
  }

  /**
   * The next entry after a run that entered at `entryAt` (firing {@link entrySeq}) and ended at
   * `exitAt` (Infinity: still active at the horizon), and the firings in between that the rules
   * refuse, counted by reason (spec §3.1): a run was active, re-entry is `never`, or the cooldown
   * had not passed. Sets the entry's trigger and sequence.
   */
  private nextEntry(entryAt: number, exitAt: number): number {
    const { plan, counters } = this;
    const reopens =
      exitAt === NEVER || plan.reentry === 'never'
        ? NEVER
        : exitAt + (plan.reentry === 'after_cooldown' ? plan.cooldownMs : 0);
    const timeline = this.state.timeline;
    if (reopens === NEVER && this.columnFirings !== null && timeline.source !== null) {
      // Every further firing is refused: count them in one walk of the event columns.
      const refused = this.refused;
      const columns = this.state.columns as ProfileColumns;
      const first = columns.eventStart[this.state.index] as number;
      const last = columns.eventStart[this.state.index + 1] as number;
      const firings = this.columnFirings;
      const seq = this.entrySeq;
      if (!firings.countByName(columns, first, last, seq, plan.end, exitAt, refused))
        firings.count(timeline, entryAt, seq, plan.end, exitAt, refused);
      const r = counters.entriesRefused;
      r[REFUSED_ACTIVE] = (r[REFUSED_ACTIVE] as number) + (refused[0] as number);
      const late = plan.reentry === 'never' ? REFUSED_NEVER : REFUSED_COOLDOWN;
      r[late] = (r[late] as number) + (refused[1] as number);
      return NEVER;
    }
    let at = entryAt;
    let seq = this.entrySeq;
    for (;;) {
      const fired = this.nextFiring(at, seq);
      if (fired === NEVER) return NEVER;
      if (fired >= reopens) {
        this.entryTrigger = this.firedTrigger;
        this.entrySeq = this.firedSeq;
        return fired;
      }
      bump(
        counters.entriesRefused,
        fired < exitAt
          ? REFUSED_ACTIVE
          : plan.reentry === 'never'
            ? REFUSED_NEVER
            : REFUSED_COOLDOWN,
      );
      at = fired;
      seq = this.firedSeq;
    }
  }

  /** Firings refused before and after the exit (see {@link nextEntry}). */
  private readonly refused = new Float64Array(2);

  /** Trigger and sequence of the firing {@link nextFiring} found. */
  private readonly fired: Firing = { trigger: -1, seq: -1 };

  private get firedTrigger(): number {
    return this.fired.trigger;
  }

  private get firedSeq(): number {
    return this.fired.seq;
  }

  /** See the shared {@link sharedNextFiring}; read from the event columns when it can be. */
  private nextFiring(after: number, afterSeq: number): number {
    const timeline = this.state.timeline;
    if (timeline.source === null || this.columnFirings === null)
      return sharedNextFiring(this.plan, this.state, after, afterSeq, this.fired);
    return this.columnFirings.next(timeline, after, afterSeq, this.plan.end, this.fired);
  }

  /** Firings read from event columns, when every trigger fires on the profile's own events. */
  private readonly columnFirings: ColumnFirings | null;

  /** Each run's goal conversion and its revenue. */
  private readonly conversions: GoalConversions;

  /** Completes the counters: call before reading them. */
  settle(): void {
    this.sender.settle();
    this.conversions.settle();
  }
}
