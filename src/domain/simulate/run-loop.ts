import { CHANNELS } from '../channels.ts';
import type { ProfileEvent } from '../profiles/profile.ts';
import type { ConditionShortcut } from './condition-shortcuts.ts';
import type { TraceWhy } from './trace.ts';
import { untilTime, windowOpens } from './calendar-waits.ts';
import {
  bump,
  COMPLETED,
  CONTROL_GROUP,
  type Counters,
  DROPPED_EXIT,
  DROPPED_GOAL,
  DROPPED_HORIZON,
  EXIT_CRITERIA,
  EXIT_STEP,
  GOAL,
  LOOP_GUARD,
} from './counters.ts';
import { type MessageSender, SUPPRESSED } from './messages.ts';
import type { SimulationPlan } from './plan.ts';
import { OP, type MessagePlan, type PlanStep } from './plan-step.ts';
import type { ProfileState } from './profile-state.ts';
import { hashMore } from './seeded.ts';
import type { EventTimeline } from './event-timeline.ts';
import { FAST, RUN_AFTER_CHOICE, stepTable, type StepTable } from './step-table.ts';
import type { StepTracer } from './step-tracer.ts';
import { applyOperations } from './update-profile.ts';

const NEVER = Number.POSITIVE_INFINITY;
/** Steps a run of a journey with a loop may take in one instant before it is stopped (spec §3.3). */
const MAX_HOPS_PER_INSTANT = 1_000;
/**
 * Step entries a profile may make in one simulation, over all its runs, before it is stopped
 * (spec §3.3): far above any journey that does not loop, low enough that a loop with a tiny
 * wait ends quickly.
 */
export const MAX_STEP_ENTRIES_PER_PROFILE = 2_000;
/**
 * The step entries a profile of a journey without a loop may make: no bound, as each of its runs
 * enters each step at most once and its entries are as many as its triggers and re-entry allow. A
 * long journey entered often (a dozen steps, a run per purchase) used to be stopped at 2,000.
 */
// 2^29, not Infinity or MAX_SAFE_INTEGER: far more than any profile's runs can make, and a
// small integer, so the count left stays one in V8 (no boxed double in the run loop).
const UNBOUNDED_ENTRIES = 2 ** 29;
const GO_ON = 0;
const STOP_EXIT = 1;
const STOP_GOAL = 2;
const STOP_HORIZON = 3;
/** The deferred-then-dropped reason of each way a wait is stopped. */
const DROP_REASON = [-1, DROPPED_EXIT, DROPPED_GOAL, DROPPED_HORIZON];
/** In {@link RunLoop}'s wait ids: no column id, the timeline is asked by the event's name. */
const BY_NAME = -2;

/**
 * One run of a profile through the steps, from its entry to its exit or the horizon: the loop
 * over the plan's step primitives (spec §3–§5), tallying into the shared {@link Counters}.
 */
export class RunLoop {
  /** The trace of the profile being run, when it is traced. */
  tracer: StepTracer | null = null;
  /** The goal event that ended the last run, for its conversion. */
  goalEvent: ProfileEvent | null = null;
  /** True once the profile was stopped by a runaway guard: it enters no more. */
  stopped = false;
  private readonly table: StepTable;
  /** Whether anything but the horizon ends a wait: exit criteria, or a goal that ends the journey. */
  private readonly mayStop: boolean;
  private runEntry = 0;
  private stopAt = 0;
  private stopEvent: ProfileEvent | null = null;
  /** Step entries a profile may make over all its runs (spec §3.3). */
  private readonly entryLimit: number;

  constructor(
    private readonly plan: SimulationPlan,
    private readonly state: ProfileState,
    private readonly counters: Counters,
    private readonly sender: MessageSender,
  ) {
    const goal = plan.goal;
    this.table = stepTable(plan);
    this.entryLimit = plan.loops ? MAX_STEP_ENTRIES_PER_PROFILE : UNBOUNDED_ENTRIES;
    this.mayStop = plan.exitMatch !== null || (goal !== null && goal.endsJourney);
    this.stopNames = [
      ...plan.exitEvents,
      ...(goal !== null && goal.endsJourney ? [goal.event] : []),
    ];
  }

  /** Runs one entry; returns when it ended, or Infinity when still active at the horizon. */
  run(entryAt: number, trigger: number): number {
    const { plan, state, counters, sender, table } = this;
    const { branchBase, durationMs } = table;
    const steps = plan.steps;
    const tracer = this.tracer;
    // A trace shows every step; untraced, steps that only pass on are passed over, and steps
    // that go on to another skip the end-of-step work (their counts are worked out after).
    const ops = tracer === null ? table.fastOp : table.op;
    const next = tracer === null ? table.nextPassing : table.next;
    const branches = counters.branches;
    const { end } = plan;
    const mayStop = this.mayStop;
    // Untraced, in a journey without a loop (whose step entries count toward no bound), a choice
    // goes on along its branch without the end-of-step work, into a message or a wait it leads to.
    const chainsChoices = tracer === null && !plan.loops;
    const waitIds = this.waitIdsOf(state.timeline);
    let s = plan.triggerSteps[trigger] as number;
    let t = entryAt;
    this.runEntry = entryAt;
    this.goalEvent = null;
    bump(counters.starts, s);
    tracer?.startRun(entryAt, trigger);
    if (state.control) {
      // Held out (spec §3.2): counted as an entry, traverses no step, ends at once.
      counters.exit(s, CONTROL_GROUP);
      tracer?.step(
        steps[s] as PlanStep,
        t,
        t,
        null,
        'control_group',
        'held out in the control group: nothing sent',
        [{ code: 'control' }],
      );
      return t;
    }
    if (tracer === null) s = table.landing[s] as number;
    let hops = 0;
    // Step entries this profile may still make (spec §3.3), kept in a local while the run goes.
    const limit = this.entryLimit;
    let allowed = limit - state.stepEntries;
    for (;;) {
      const arrived = t;
      if (--allowed < 0) {
        state.stepEntries = limit + 1;
        return this.stopRunaway(
          steps[s] as PlanStep,
          t,
          `stopped: more than ${MAX_STEP_ENTRIES_PER_PROFILE} step entries for this profile`,
          { code: 'loopEntries', values: { max: MAX_STEP_ENTRIES_PER_PROFILE } },
        );
      }
      const op = ops[s] as number;
      let branch = 0;
      let wake = t;
      let pending: MessagePlan | null = null;
      // Literal cases (checked against OP): V8 makes a jump table of a switch over small integer
      // literals, but a chain of compares of one over `OP.x` reads.
      switch (op) {
        case 0 satisfies typeof OP.trigger:
          break;
        case 4 satisfies typeof OP.delay:
          wake = t + (durationMs[s] as number);
          break;
        case 11 satisfies typeof FAST.delayOn: {
          const until = t + (durationMs[s] as number);
          if (mayStop || until >= end) {
            wake = until;
            break;
          }
          t = until;
          hops = 0;
          s = next[branchBase[s] as number] as number;
          continue;
        }
        case 2 satisfies typeof OP.randomSplit:
        case 14 satisfies typeof FAST.ifShortcut:
        case 15 satisfies typeof FAST.ifReachable:
        case 7 satisfies typeof OP.message:
        case 10 satisfies typeof FAST.sendOn:
        case 12 satisfies typeof FAST.sendThenDelay:
        case 13 satisfies typeof FAST.sendThenWait:
        case 3 satisfies typeof OP.waitForEvent: {
          // One case for the choices, messages and waits for an event: V8 inlines `gate` once
          // (its inlining budget for `run` is spent on the first calls it meets: a second copy
          // leaves the split's hash out), and a choice then a message, or a message then a wait,
          // run at one dispatch.
          let on: number = op;
          if (op === 2 || op >= 14) {
            if (op === 15) {
              const c = table.reachChannel[s] as number;
              branch = state.reachable(c, CHANNELS[c] ?? 'email') ? 0 : 1;
            } else if (op === 14) {
              branch = this.holds(table.shortcut[s] as ConditionShortcut, t) ? 0 : 1;
            } else {
              const step = steps[s] as PlanStep;
              const u = (hashMore(state.hash, step.hashSuffix) % 10_000) / 100;
              const th = step.thresholds;
              while (u >= (th[branch] as number)) branch++;
            }
            if (!chainsChoices) break;
            // On along the branch chosen, without the end-of-step work (a choice takes no time).
            const b = (branchBase[s] as number) + branch;
            const to = next[b] as number;
            if (to < 0) break;
            branches[b] = (branches[b] as number) + 1;
            s = to;
            on = ops[s] as number;
            if (((1 << on) & RUN_AFTER_CHOICE) === 0) continue;
            branch = 0;
          }
          if (on !== 3) {
            const message = (steps[s] as PlanStep).message;
            if (message !== null) {
              const at = sender.gate(message, t);
              if (at !== SUPPRESSED) {
                if (on !== 7) sender.send(message, t, s, false);
                else {
                  pending = message;
                  wake = at;
                }
              }
            }
            if (on === 7) break;
            s = next[branchBase[s] as number] as number;
            if (on === 10) continue;
            if (on === 12) {
              // The delay the message leads to, at the same dispatch.
              const until = t + (durationMs[s] as number);
              if (mayStop || until >= end) {
                wake = until;
                break;
              }
              t = until;
              hops = 0;
              s = next[branchBase[s] as number] as number;
              continue;
            }
          }
          const step = steps[s] as PlanStep;
          const match = step.waitMatch as NonNullable<PlanStep['waitMatch']>;
          const to = t + step.durationMs;
          const id = waitIds[s] as number;
          // By name, only the event's time is needed: no event object is read.
          const at = step.waitByName
            ? state.timeline.findTime(t, to, step.waitEvent, match)
            : id === BY_NAME
              ? (state.timeline.find(t, to, step.waitEvent, match)?.at ?? NEVER)
              : (state.timeline.findOf(t, to, id, match)?.at ?? NEVER);
          if (at === NEVER) {
            wake = to;
            branch = 1;
          } else wake = at;
          break;
        }
        case 1 satisfies typeof OP.firstMatch:
          branch = this.firstMatch(steps[s] as PlanStep, t);
          break;
        case 5 satisfies typeof OP.waitUntil: {
          const until = untilTime(steps[s] as PlanStep, state, t);
          wake = until > t ? until : t;
          break;
        }
        case 6 satisfies typeof OP.timeWindow:
          wake = windowOpens(steps[s] as PlanStep, state, t);
          break;
        case 8 satisfies typeof OP.updateProfile:
          applyOperations(state, (steps[s] as PlanStep).operations, plan.tagsRead);
          break;
        case 9 satisfies typeof OP.exit:
          state.stepEntries = limit - allowed;
          counters.exit(s, EXIT_STEP);
          tracer?.step(steps[s] as PlanStep, t, t, null, 'exit', sender.reason, sender.why);
          return t;
      }
      if (wake > t) {
        const stop = mayStop ? this.interrupt(t, wake) : wake >= end ? STOP_HORIZON : GO_ON;
        if (stop !== GO_ON) {
          state.stepEntries = limit - allowed;
          // A message deferred by quiet hours and never sent (spec §4, quiet hours).
          if (pending !== null) counters.dropDeferred(pending.channel, DROP_REASON[stop] as number);
          return this.stop(steps[s] as PlanStep, arrived, stop);
        }
        t = wake;
        hops = 0;
      }
      if (pending !== null) sender.send(pending, t, s, wake > arrived);
      const b = (branchBase[s] as number) + branch;
      const to = next[b] as number;
      if (tracer !== null) {
        tracer.step(
          steps[s] as PlanStep,
          arrived,
          t,
          branch,
          to < 0 ? 'completed' : null,
          sender.reason,
          sender.why,
        );
        sender.clearWords();
      }
      if (to < 0) {
        state.stepEntries = limit - allowed;
        counters.exit(s, COMPLETED);
        return t;
      }
      branches[b] = (branches[b] as number) + 1;
      s = to;
      if (++hops > MAX_HOPS_PER_INSTANT && this.plan.loops) {
        state.stepEntries = limit - allowed;
        return this.stopRunaway(
          steps[s] as PlanStep,
          t,
          `stopped: more than ${MAX_HOPS_PER_INSTANT} steps in one instant`,
          { code: 'loopHops', values: { max: MAX_HOPS_PER_INSTANT } },
        );
      }
    }
  }

  /**
   * Per step, the column id of the one event name a wait with a property test waits for (-1: no
   * real event has it, as for a message's engagement), for the columns `timeline` reads; else
   * `BY_NAME`. Worked out once per columns: asking by name compares strings on every wait.
   */
  private waitIdsOf(timeline: EventTimeline): Int32Array {
    const names = timeline.names;
    if (this.waitIdsFor !== names) {
      this.waitIdsFor = names;
      this.waitIds = Int32Array.from(this.plan.steps, (step) =>
        names === null || step.waitEvent === '' || step.waitByName
          ? BY_NAME
          : timeline.nameId(step.waitEvent),
      );
    }
    return this.waitIds;
  }

  private waitIds = new Int32Array(0);
  /** The names {@link waitIds} were worked out for (null: event objects); undefined: none yet. */
  private waitIdsFor: readonly string[] | null | undefined = undefined;

  /** first_match: the first branch whose condition holds at `t`, else the one after the last. */
  private firstMatch(step: PlanStep, t: number): number {
    const state = this.state;
    const preds = step.predicates;
    const shortcuts = step.shortcuts;
    for (let i = 0; i < preds.length; i++) {
      const shortcut = shortcuts[i] as ConditionShortcut | null;
      if (
        shortcut === null
          ? (preds[i] as PlanStep['predicates'][number])(state.view, state.context(t))
          : this.holds(shortcut, t)
      )
        return i;
    }
    return preds.length;
  }

  /** What a condition's {@link ConditionShortcut} says of the profile at `t`. */
  private holds(shortcut: ConditionShortcut, t: number): boolean {
    const state = this.state;
    if (shortcut.kind === 'reachable')
      return state.reachable(shortcut.channel, shortcut.channelName);
    const n = state.timeline.count(shortcut.event, null, t - shortcut.windowMs, t, shortcut.stopAt);
    return n >= shortcut.min && n <= shortcut.max;
  }

  /** Stops a runaway profile at `step` (spec §3.3): the run ends there, and no run follows. */
  private stopRunaway(step: PlanStep, t: number, reason: string, why: TraceWhy): number {
    this.counters.exit(step.index, LOOP_GUARD);
    this.counters.stopProfile(step.index, this.state.profile.id);
    this.tracer?.step(step, t, t, null, 'loop_guard', reason, [why]);
    this.stopped = true;
    return t;
  }

  /** Ends the run at a step that was waiting since `t`. */
  private stop(step: PlanStep, t: number, stop: number): number {
    const { counters, tracer } = this;
    if (stop === STOP_HORIZON) {
      bump(counters.waiting, step.index);
      tracer?.step(step, t, null, null, 'horizon', this.sender.reason, this.sender.why);
      this.sender.clearWords();
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
      [],
    );
    this.sender.clearWords();
    return this.stopAt;
  }

  /** What ends a wait in `(from, to]` early: an exit criterion, the goal, or the horizon. */
  private interrupt(from: number, to: number): number {
    const plan = this.plan;
    const goal = plan.goal;
    const goalEnds = goal !== null && goal.endsJourney;
    const exitMatch = plan.exitMatch;
    if (exitMatch !== null || goalEnds) {
      this.goalLimit = goalEnds ? this.runEntry + goal.windowMs : 0;
      const timeline = this.state.timeline;
      const limit = Math.min(to, plan.end - 1);
      const e =
        plan.stopsByName && timeline.names !== null
          ? timeline.findUntil(from, limit, this.stopsUntil(timeline), this.stops)
          : timeline.findAny(from, limit, this.stopNames, this.stops);
      if (e !== undefined) {
        this.stopAt = e.at;
        this.stopEvent = e;
        return exitMatch !== null && exitMatch(e) ? STOP_EXIT : STOP_GOAL;
      }
    }
    return to >= plan.end ? STOP_HORIZON : GO_ON;
  }

  /**
   * Per column name of the timeline: until when an event of that name ends a wait (Infinity for
   * an exit criterion, the goal's window for the goal, -Infinity for any other name).
   */
  private stopsUntil(timeline: EventTimeline): Float64Array {
    const names = timeline.names as readonly string[];
    if (this.untilFor !== names) {
      this.untilFor = names;
      const exits = new Set(this.plan.exitEvents);
      this.until = Float64Array.from(names, (n) =>
        exits.has(n) ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY,
      );
      const goal = this.plan.goal;
      this.goalId =
        goal !== null && goal.endsJourney && !exits.has(goal.event)
          ? timeline.nameId(goal.event)
          : -1;
    }
    if (this.goalId >= 0) this.until[this.goalId] = this.goalLimit;
    return this.until;
  }

  private until = new Float64Array(0);
  private untilFor: readonly string[] | null = null;
  private goalId = -1;
  /** The last instant the goal ends the current run (see {@link stops}). */
  private goalLimit = 0;
  /** The names of the events that may end a wait: exit criteria, and the goal when it ends the journey. */
  private readonly stopNames: readonly string[];
  /** Whether an event ends a wait: an exit criterion, or the goal within its window. */
  private readonly stops = (e: ProfileEvent): boolean => {
    const { exitMatch, goal } = this.plan;
    if (exitMatch !== null && exitMatch(e)) return true;
    return goal !== null && goal.endsJourney && e.at <= this.goalLimit && goal.match(e);
  };
}
