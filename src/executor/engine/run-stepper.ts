import { CHANNELS, type Channel, type ProfileEvent } from '../../domain/index.ts';
import { untilTime, windowOpens } from '../../domain/simulate/calendar-waits.ts';
import { firstAfter } from '../../domain/simulate/event-match.ts';
import { OP, type PlanStep } from '../../domain/simulate/plan-step.ts';
import type { ProfileState } from '../../domain/simulate/profile-state.ts';
import { hashMore } from '../../domain/simulate/seeded.ts';
import { cappedBy, quietHoursEnd } from '../../domain/simulate/send-rules.ts';
import { MAX_STEP_ENTRIES_PER_PROFILE } from '../../domain/simulate/run-loop.ts';
import { applyOperations } from '../../domain/simulate/update-profile.ts';
import { renderContent, STOPPED_SEND_ERROR, type SendIntent } from './send-intent.ts';
import type { RunEnd, RunState } from './state.ts';
import type { Tally } from './tally.ts';
import type { VersionPlan } from './version-plan.ts';
import type { WorkspaceCap } from './workspace-cap.ts';

/** Steps a run of a journey with a loop may take in one instant before it is stopped (spec §3.3). */
const MAX_HOPS_PER_INSTANT = 1_000;

/**
 * Steps a run may enter in all (spec §3.3 leaves the bound to each backend): the simulator's per
 * profile, so a loop through a short wait stops where a simulation said it would, instead of
 * messaging the customer every minute for as long as the executor runs.
 */
export const MAX_STEP_ENTRIES_PER_RUN = MAX_STEP_ENTRIES_PER_PROFILE;

function stepEntries(run: RunState): number {
  let entries = 0;
  for (const n of Object.values(run.visits)) entries += n;
  return entries;
}

/** What one profile's advance needs while stepping a run. */
export interface StepContext {
  vp: VersionPlan;
  state: ProfileState;
  now: number;
  tally: Tally;
  sends: SendIntent[];
  workspace: WorkspaceCap;
  /**
   * The run's version was stopped before this advance (the engine runs behind the clock, so it
   * may still reach sends dated before the stop): every send it makes now is refused.
   */
  stopped: boolean;
}

function end(ctx: StepContext, run: RunState, reason: RunEnd, at: number): void {
  run.end = reason;
  run.endedAt = at;
  ctx.tally.ended(ctx.vp.journeyId, run.version, run.stepId, reason);
}

/**
 * Decides the step the run just arrived at, as the simulator's loop does (spec §5): conditions
 * and splits on arrival, the wake time of waits, the gate of a message. Returns false when the
 * run ended there.
 */
function arrive(ctx: StepContext, run: RunState, step: PlanStep): boolean {
  const { state, vp, tally } = ctx;
  const t = run.arrivedAt;
  const j = vp.journeyId;
  tally.arrived(j, run.version, step.id);
  run.visits[step.id] = (run.visits[step.id] ?? 0) + 1;
  // A run through a journey without a loop enters each step once, however many steps it has.
  if (vp.plan.loops && stepEntries(run) > MAX_STEP_ENTRIES_PER_RUN) {
    run.steps.push({ stepId: step.id, at: t, leftAt: t, branch: null });
    end(ctx, run, 'loop_guard', t);
    return false;
  }
  let branch = 0;
  let wake = t;
  let pending = false;
  switch (step.op) {
    case OP.trigger:
      break;
    case OP.firstMatch: {
      const ctxAt = state.context(t);
      branch = step.predicates.length;
      for (let i = 0; i < step.predicates.length; i++) {
        if ((step.predicates[i] as PlanStep['predicates'][number])(state.view, ctxAt)) {
          branch = i;
          break;
        }
      }
      break;
    }
    case OP.randomSplit: {
      const u = (hashMore(state.hash, step.hashSuffix) % 10_000) / 100;
      while (u >= (step.thresholds[branch] as number)) branch++;
      break;
    }
    case OP.delay:
      wake = t + step.durationMs;
      break;
    case OP.waitUntil: {
      const until = untilTime(step, state, t);
      wake = until > t ? until : t;
      break;
    }
    case OP.timeWindow:
      wake = windowOpens(step, state, t);
      break;
    case OP.waitForEvent:
      // Times out unless a matching event arrives first; `waitFor` looks for it as events come.
      wake = t + step.durationMs;
      branch = 1;
      break;
    case OP.message: {
      const at = gate(ctx, run, step);
      if (at !== null) {
        pending = true;
        wake = at;
      }
      break;
    }
    case OP.updateProfile:
      applyOperations(state, step.operations);
      break;
    case OP.exit:
      run.steps.push({ stepId: step.id, at: t, leftAt: t, branch: null });
      end(ctx, run, 'exit', t);
      return false;
  }
  run.waiting = true;
  run.wakeAt = wake;
  run.branch = branch;
  run.pending = pending;
  tally.waits(j, run.version, step.id, 1);
  return true;
}

/** Spec §7.5 up to quiet hours: null when not sent, else when to send (later when deferred). */
function gate(ctx: StepContext, run: RunState, step: PlanStep): number | null {
  const m = step.message;
  if (m === null) return null;
  const { state, vp, tally } = ctx;
  const t = run.arrivedAt;
  const c = m.channel;
  const channel = CHANNELS[c] as Channel;
  if (!state.reachable(c, channel)) {
    tally.suppressed(vp.journeyId, run.version, step.id, 'unreachable');
    return null;
  }
  if ((state.unsubscribedAt[c] as number) <= t) {
    tally.suppressed(vp.journeyId, run.version, step.id, 'unsubscribed');
    return null;
  }
  const quiet = vp.plan.quiet;
  if (quiet.enabled && m.quiet) {
    const until = quietHoursEnd(quiet, state.zone(), t);
    if (until !== null) {
      // A deferred message counts as deferred once it is sent (spec §4): see `send`.
      if (quiet.drop) tally.suppressed(vp.journeyId, run.version, step.id, 'quiet_hours_dropped');
      return quiet.drop ? null : until;
    }
  }
  return t;
}

/**
 * The outbox entry of a message (spec §4): refused when the journey was stopped, else capped by
 * the journey's frequency cap and the workspace's at the send time, else sent. A refused message
 * reaches nobody, so it is neither counted sent nor charged to a cap; its reason is counted
 * (`suppressed|step|journey_stopped` or `not_rendered`) and carried by its outbox row.
 */
function send(ctx: StepContext, run: RunState, step: PlanStep, t: number): void {
  const m = step.message;
  if (m === null) return;
  const { state, vp, tally, workspace } = ctx;
  const cap = vp.plan.cap;
  if (
    !ctx.stopped &&
    m.capped &&
    ((cap.enabled && cappedBy(cap, state, m.channel, t) >= 0) ||
      (workspace.rule.enabled && cappedBy(workspace.rule, workspace.history, m.channel, t) >= 0))
  ) {
    tally.suppressed(vp.journeyId, run.version, step.id, 'frequency_cap');
    return;
  }
  const content = renderContent(vp.spec, step.id, state.view, t, vp.overBudget.get(step.id));
  // A message that cannot be rendered is refused at delivery (spec §5.5).
  const refusal = ctx.stopped
    ? 'journey_stopped'
    : content['renderErrors'] !== undefined
      ? 'not_rendered'
      : null;
  if (refusal !== null) tally.suppressed(vp.journeyId, run.version, step.id, refusal);
  else {
    if (m.capped) {
      state.recordSend(t, m.channel);
      workspace.history.record(t, m.channel);
    }
    tally.sent(vp.journeyId, run.version, step.id, t);
    if (t > run.arrivedAt)
      tally.suppressed(vp.journeyId, run.version, step.id, 'quiet_hours_deferred');
  }
  ctx.sends.push({
    key: `${run.id}:${step.id}:${run.visits[step.id] ?? 1}`,
    runId: run.id,
    journeyId: vp.journeyId,
    version: run.version,
    profileId: state.profile.id,
    stepId: step.id,
    kind: step.kind,
    channel: CHANNELS[m.channel] as Channel,
    at: t,
    content,
    refused: ctx.stopped ? STOPPED_SEND_ERROR : null,
  });
}

/**
 * While the run waits at a step since `arrivedAt`, events up to `now` may end it or satisfy a
 * wait for an event. As in the simulator, at one instant exit criteria and the goal come first
 * (in event order; exit criteria win on the same event), then the awaited event (spec §3.4, §7.4).
 * Returns the instant the wait resolved by an event, or -1.
 */
function interrupted(ctx: StepContext, run: RunState, step: PlanStep): number {
  const { plan } = ctx.vp;
  const events = ctx.state.events;
  const goal = plan.goal;
  const goalEnds = goal !== null && goal.endsJourney;
  const waitMatch = step.op === OP.waitForEvent ? step.waitMatch : null;
  if (plan.exitMatch === null && !goalEnds && waitMatch === null) return -1;
  const limit = Math.min(run.wakeAt, ctx.now);
  const goalLimit = goalEnds ? run.entryAt + goal.windowMs : 0;
  let i = firstAfter(events, run.arrivedAt);
  while (i < events.length) {
    const at = (events[i] as ProfileEvent).at;
    if (at > limit) return -1;
    let j = i;
    let awaited = false;
    for (; j < events.length && (events[j] as ProfileEvent).at === at; j++) {
      const e = events[j] as ProfileEvent;
      if (plan.exitMatch !== null && plan.exitMatch(e)) {
        stop(ctx, run, step, 'exit_criteria', at);
        return at;
      }
      if (goalEnds && at <= goalLimit && goal.match(e)) {
        stop(ctx, run, step, 'goal', at);
        return at;
      }
      if (waitMatch !== null && waitMatch(e)) awaited = true;
    }
    if (awaited) {
      run.wakeAt = at;
      run.branch = 0;
      return at;
    }
    i = j;
  }
  return -1;
}

function stop(ctx: StepContext, run: RunState, step: PlanStep, reason: RunEnd, at: number): void {
  ctx.tally.waits(ctx.vp.journeyId, run.version, step.id, -1);
  run.steps.push({ stepId: step.id, at: run.arrivedAt, leftAt: at, branch: null });
  end(ctx, run, reason, at);
}

/**
 * Ends a run that waits at a step because its journey was stopped at `at` (after `stepRun` took
 * it as far as `at`): it leaves the step there, sends nothing more, and is counted `stopped`.
 */
export function stopRun(ctx: StepContext, run: RunState, at: number): void {
  const { plan } = ctx.vp;
  const step = plan.steps[plan.stepIndex.get(run.stepId) as number] as PlanStep;
  ctx.tally.add(ctx.vp.journeyId, run.version, 'stopped');
  stop(ctx, run, step, 'stopped', Math.max(at, run.arrivedAt));
}

/**
 * Moves a run on as far as `ctx.now` allows. Returns when it ended, or Infinity while it waits
 * (then `run.wakeAt` says when it must be looked at again, unless an event comes first).
 */
export function stepRun(ctx: StepContext, run: RunState): number {
  const { plan } = ctx.vp;
  for (;;) {
    const step = plan.steps[plan.stepIndex.get(run.stepId) as number] as PlanStep;
    if (!run.waiting && !arrive(ctx, run, step)) return run.endedAt as number;
    if (run.wakeAt > run.arrivedAt) {
      interrupted(ctx, run, step);
      if (run.end !== null) return run.endedAt as number;
      if (run.wakeAt > ctx.now) return Number.POSITIVE_INFINITY;
      run.hops = 0;
    }
    const t = run.wakeAt;
    if (run.pending) send(ctx, run, step, t);
    leave(ctx, run, step, t);
    if (run.end !== null) return run.endedAt as number;
  }
}

/** Leaves the step by the decided branch at `t`: to the next step, or the end of the journey. */
function leave(ctx: StepContext, run: RunState, step: PlanStep, t: number): void {
  const { vp, tally } = ctx;
  const branch = run.branch;
  const to = step.next[branch] as number;
  const key = step.branchKeys[branch] ?? null;
  tally.waits(vp.journeyId, run.version, step.id, -1);
  run.steps.push({ stepId: step.id, at: run.arrivedAt, leftAt: t, branch: key });
  run.waiting = false;
  run.pending = false;
  if (to < 0) {
    end(ctx, run, 'completed', t);
    return;
  }
  if (key !== null) tally.branch(vp.journeyId, run.version, step.id, key);
  const next = vp.plan.steps[to] as PlanStep;
  run.stepId = next.id;
  run.arrivedAt = t;
  if (++run.hops > MAX_HOPS_PER_INSTANT && vp.plan.loops) {
    tally.arrived(vp.journeyId, run.version, next.id);
    run.steps.push({ stepId: next.id, at: t, leftAt: t, branch: null });
    end(ctx, run, 'loop_guard', t);
  }
}
