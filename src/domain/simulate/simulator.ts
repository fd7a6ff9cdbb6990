import type { Profile, ProfileEvent } from '../profiles/profile.ts';
import {
  bump,
  COMPLETED,
  CONTROL_GROUP,
  Counters,
  EXIT_CRITERIA,
  EXIT_STEP,
  GOAL,
  LOOP_GUARD,
  MESSAGE_BUCKETS,
} from './counters.ts';
import { findEvent, firstAfter } from './event-match.ts';
import { MessageSender, SUPPRESSED } from './messages.ts';
import type { SimulationPlan } from './plan.ts';
import { OP, type MessagePlan, type PlanStep } from './plan-step.ts';
import { ProfileState } from './profile-state.ts';
import { ProfileRandom, STREAM, hashMore, hashText } from './seeded.ts';
import { StepTracer } from './step-tracer.ts';
import { untilTime, windowOpens } from './calendar-waits.ts';
import type { ProfileTrace } from './trace.ts';
import { ZoneRegistry } from './zone-clock.ts';
import { applyOperations } from './update-profile.ts';
import type { PreparedProfiles } from './prepared-profiles.ts';

const NEVER = Number.POSITIVE_INFINITY;
const HOUR_MS = 3_600_000;
/** Steps a run may take in one instant before it is stopped (spec §3.3). */
const MAX_HOPS_PER_INSTANT = 1_000;
const GO_ON = 0;
const STOP_EXIT = 1;
const STOP_GOAL = 2;
const STOP_HORIZON = 3;

/**
 * Runs profiles through a plan one at a time, tallying into {@link Counters}. All state lives
 * in fields reused between profiles, so a profile allocates only when it changes its timeline.
 */
export class ProfileSimulator {
  readonly counters: Counters;
  private readonly state: ProfileState;
  private readonly random = new ProfileRandom();
  private readonly sender: MessageSender;
  private tracer: StepTracer | null = null;
  private entryTrigger = -1;
  private runEntry = 0;
  private stopAt = 0;
  private stopEvent: ProfileEvent | null = null;
  private goalEvent: ProfileEvent | null = null;

  constructor(private readonly plan: SimulationPlan) {
    const convertBuckets =
      plan.goal === null ? 1 : Math.min(24 * 366, Math.ceil(plan.goal.windowMs / HOUR_MS)) + 1;
    this.counters = new Counters(
      plan.steps.length,
      plan.branchCount,
      plan.horizonDays,
      convertBuckets,
    );
    this.state = new ProfileState(new ZoneRegistry(plan.defaultTimeZone));
    this.sender = new MessageSender(plan, this.state, this.counters, this.random);
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
    return this.runEntries(profile, entryAt, sampleKey, requested, sampled);
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
    const index = prepared.entrants[k] as number;
    const profile = prepared.profiles[index] as Profile;
    const state = this.state;
    state.reset(profile);
    state.hash = prepared.idHash[index] as number;
    state.control = prepared.control[k] === 1;
    state.reach = prepared.reach[k] as number;
    this.entryTrigger = prepared.firstTrigger[k] as number;
    return this.runEntries(
      profile,
      prepared.firstEntry[k] as number,
      sampleKey,
      requested,
      sampled,
    );
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
    return this.nextEntry(plan.start);
  }

  private runEntries(
    profile: Profile,
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
        ? new StepTracer(plan, state, profile.id, sampleKey, requested, sampled)
        : null;
    this.sender.tracing = this.tracer !== null;
    while (entryAt !== NEVER) {
      if (state.control) counters.controlEntries++;
      else counters.entries++;
      const exitAt = this.run(entryAt);
      let next = NEVER;
      if (exitAt !== NEVER && plan.reentry !== 'never') {
        const rest = plan.reentry === 'after_cooldown' ? plan.cooldownMs : 0;
        next = this.nextEntry(Math.max(exitAt + rest, entryAt + 1));
      }
      this.conversion(entryAt, next);
      entryAt = next;
    }
    bump(counters.messagesPerProfile, Math.min(state.messages, MESSAGE_BUCKETS - 1));
    const trace = this.tracer === null ? null : this.tracer.finish();
    this.tracer = null;
    return trace;
  }

  private nextEntry(after: number): number {
    const { plan, state } = this;
    let best = NEVER;
    for (let i = 0; i < plan.triggers.length; i++) {
      const t = (plan.triggers[i] as SimulationPlan['triggers'][number]).nextAt(
        state,
        after,
        plan.start,
        plan.end,
      );
      if (t < best) {
        best = t;
        this.entryTrigger = i;
      }
    }
    return best;
  }

  private conversion(entryAt: number, nextEntry: number): void {
    const goal = this.plan.goal;
    if (goal === null) return;
    let e = this.goalEvent;
    if (e === null) {
      const to = Math.min(entryAt + goal.windowMs, nextEntry, this.plan.end - 1);
      e = findEvent(this.state.events, entryAt, to, goal.match) ?? null;
    }
    this.goalEvent = null;
    if (e === null) return;
    const c = this.counters;
    const amount = e.props?.['amount'];
    const cents =
      typeof amount === 'number' && Number.isFinite(amount) ? Math.round(amount * 100) : 0;
    if (this.state.control) {
      c.controlConversions++;
      c.controlRevenueCents += cents;
    } else {
      c.conversions++;
      c.revenueCents += cents;
      const bucket = Math.min(c.convertBuckets - 1, Math.floor((e.at - entryAt) / HOUR_MS));
      bump(c.timeToConvert, bucket);
    }
    this.tracer?.converted(e.at, typeof amount === 'number' ? amount : null);
  }

  /** Runs one entry; returns when it ended, or Infinity when still active at the horizon. */
  private run(entryAt: number): number {
    const { plan, state, counters, sender } = this;
    const steps = plan.steps;
    const tracer = this.tracer;
    let s = plan.triggerSteps[this.entryTrigger] as number;
    let t = entryAt;
    this.runEntry = entryAt;
    this.goalEvent = null;
    tracer?.startRun(entryAt, this.entryTrigger);
    if (state.control) {
      // Held out (spec §3.2): counted as an entry, traverses no step, ends at once.
      bump(counters.entered, s);
      counters.exit(s, CONTROL_GROUP);
      tracer?.step(
        steps[s] as PlanStep,
        t,
        t,
        null,
        'control_group',
        'held out in the control group: nothing sent',
      );
      return t;
    }
    let hops = 0;
    for (;;) {
      const step = steps[s] as PlanStep;
      const arrived = t;
      bump(counters.entered, s);
      let branch = 0;
      let wake = t;
      let pending: MessagePlan | null = null;
      switch (step.op) {
        case OP.trigger:
          break;
        case OP.ifElse:
          branch = (step.predicates[0] as PlanStep['predicates'][number])(
            state.view,
            state.context(t),
          )
            ? 0
            : 1;
          break;
        case OP.multiSplit: {
          const preds = step.predicates;
          const ctx = state.context(t);
          branch = preds.length;
          for (let i = 0; i < preds.length; i++) {
            if ((preds[i] as PlanStep['predicates'][number])(state.view, ctx)) {
              branch = i;
              break;
            }
          }
          break;
        }
        case OP.randomSplit: {
          const u = (hashMore(state.hash, step.hashSuffix) % 10_000) / 100;
          const th = step.thresholds;
          while (u >= (th[branch] as number)) branch++;
          break;
        }
        case OP.delay:
          wake = t + step.durationMs;
          break;
        case OP.waitUntil:
          {
            const until = untilTime(step, state, t);
            wake = until > t ? until : t;
          }
          break;
        case OP.timeWindow:
          wake = windowOpens(step, state, t);
          break;
        case OP.waitForEvent: {
          const e = findEvent(
            state.events,
            t,
            t + step.durationMs,
            step.waitMatch as NonNullable<PlanStep['waitMatch']>,
          );
          if (e === undefined) {
            wake = t + step.durationMs;
            branch = 1;
          } else wake = e.at;
          break;
        }
        case OP.message:
          if (step.message !== null) {
            const at = sender.gate(step.message, t);
            if (at !== SUPPRESSED) {
              pending = step.message;
              wake = at;
            }
          }
          break;
        case OP.updateProfile:
          applyOperations(state, step.operations);
          break;
        case OP.exit:
          counters.exit(s, EXIT_STEP);
          tracer?.step(step, t, t, null, 'exit', sender.reason);
          return t;
      }
      if (wake > t) {
        const stop = this.interrupt(t, wake);
        if (stop !== GO_ON) return this.stop(step, arrived, stop);
        t = wake;
        hops = 0;
      }
      if (pending !== null) sender.send(pending, t, s);
      const to = step.next[branch] as number;
      tracer?.step(step, arrived, t, branch, to < 0 ? 'completed' : null, sender.reason);
      sender.reason = '';
      if (to < 0) {
        counters.exit(s, COMPLETED);
        return t;
      }
      bump(counters.branches, step.branchBase + branch);
      s = to;
      if (++hops > MAX_HOPS_PER_INSTANT) {
        bump(counters.entered, s);
        counters.exit(s, LOOP_GUARD);
        tracer?.step(
          steps[s] as PlanStep,
          t,
          t,
          null,
          'loop_guard',
          `stopped: more than ${MAX_HOPS_PER_INSTANT} steps in one instant`,
        );
        return t;
      }
    }
  }

  /** Ends the run at a step that was waiting since `t`. */
  private stop(step: PlanStep, t: number, stop: number): number {
    const { counters, tracer } = this;
    if (stop === STOP_HORIZON) {
      bump(counters.waiting, step.index);
      tracer?.step(step, t, null, null, 'horizon', this.sender.reason);
      this.sender.reason = '';
      return NEVER;
    }
    counters.exit(step.index, stop === STOP_GOAL ? GOAL : EXIT_CRITERIA);
    if (stop === STOP_GOAL) this.goalEvent = this.stopEvent;
    tracer?.step(
      step,
      t,
      this.stopAt,
      null,
      stop === STOP_GOAL ? 'goal' : 'exit_criteria',
      this.stopEvent?.name ?? '',
    );
    this.sender.reason = '';
    return this.stopAt;
  }

  /** What ends a wait in `(from, to]` early: an exit criterion, the goal, or the horizon. */
  private interrupt(from: number, to: number): number {
    const plan = this.plan;
    const goal = plan.goal;
    const goalEnds = goal !== null && goal.endsJourney;
    const exitMatch = plan.exitMatch;
    if (exitMatch !== null || goalEnds) {
      const events = this.state.events;
      const limit = Math.min(to, plan.end - 1);
      const goalLimit = goalEnds ? this.runEntry + goal.windowMs : 0;
      for (let i = firstAfter(events, from); i < events.length; i++) {
        const e = events[i] as ProfileEvent;
        if (e.at > limit) break;
        if (exitMatch !== null && exitMatch(e)) {
          this.stopAt = e.at;
          this.stopEvent = e;
          return STOP_EXIT;
        }
        if (goalEnds && e.at <= goalLimit && goal.match(e)) {
          this.stopAt = e.at;
          this.stopEvent = e;
          return STOP_GOAL;
        }
      }
    }
    return to >= plan.end ? STOP_HORIZON : GO_ON;
  }
}
