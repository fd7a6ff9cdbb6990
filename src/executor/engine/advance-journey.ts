import type { Channel, Profile, ProfileEvent } from '../../domain/index.ts';
import { CHANNELS } from '../../domain/index.ts';
import { findEvent, firstAfter, firstAtOrAfter } from '../../domain/simulate/event-match.ts';
import { nextFiring as sharedNextFiring, type Firing } from '../../domain/simulate/next-firing.ts';
import { AFTER_EVENTS } from '../../domain/simulate/trigger-plan.ts';
import { ProfileState } from '../../domain/simulate/profile-state.ts';
import { hashMore, hashText } from '../../domain/simulate/seeded.ts';
import { ZoneRegistry } from '../../domain/simulate/zone-clock.ts';
import type { SendIntent } from './send-intent.ts';
import { stepRun, stopRun, type StepContext } from './run-stepper.ts';
import {
  activeRun,
  addRun,
  nextRunNumber,
  type JourneyProfileState,
  type RunState,
} from './state.ts';
import type { Tally } from './tally.ts';
import { stopOf, type JourneyPlans, type VersionPlan } from './version-plan.ts';
import type { WorkspaceCap } from './workspace-cap.ts';

const NEVER = Number.POSITIVE_INFINITY;

const registries = new Map<string, ZoneRegistry>();
function zonesFor(defaultZone: string): ZoneRegistry {
  let r = registries.get(defaultZone);
  if (r === undefined) {
    r = new ZoneRegistry(defaultZone);
    registries.set(defaultZone, r);
  }
  return r;
}

/** The simulator's per-profile state, rebuilt from what the executor stored. */
function profileState(vp: VersionPlan, profile: Profile, js: JourneyProfileState): ProfileState {
  const state = new ProfileState(zonesFor(vp.plan.defaultTimeZone));
  state.reset(profile);
  state.hash = hashText(profile.id);
  state.control =
    vp.plan.controlThreshold > 0 &&
    hashMore(state.hash, vp.plan.controlSuffix) % 10_000 < vp.plan.controlThreshold;
  for (const [at, c] of js.sends) state.recordSend(at, c);
  // An unsubscribe from a message of this journey stops that channel (spec §7.5).
  for (const e of profile.events) {
    if (!e.name.endsWith('_unsubscribed') || e.props?.['journeyId'] !== vp.journeyId) continue;
    const c = CHANNELS.indexOf(e.name.slice(0, -'_unsubscribed'.length) as Channel);
    if (c >= 0) state.unsubscribe(c, e.at);
  }
  return state;
}

export interface AdvanceInput {
  profile: Profile;
  plans: JourneyPlans;
  state: JourneyProfileState;
  now: number;
  tally: Tally;
  sends: SendIntent[];
  /** The profile's messages from every journey, and the cap on them. */
  workspace: WorkspaceCap;
}

export interface AdvanceOutput {
  /** The profile as the journey left it (`update_profile` changes it). */
  profile: Profile;
  /** When this profile must be looked at again for this journey, unless an event comes first. */
  dueAt: number;
}

/** Keeps the sends a frequency cap can still count. */
function keepRecentSends(state: ProfileState, vp: VersionPlan, now: number): [number, number][] {
  const cap = vp.plan.cap;
  let period = cap.periodMs;
  for (const p of cap.channelPeriodMs) period = Math.max(period, p);
  const out: [number, number][] = [];
  for (let i = 0; i < state.sendCount; i++) {
    const at = state.sendAt[i] as number;
    if (at > now - period) out.push([at, state.sendChannel[i] as number]);
  }
  return out;
}

/**
 * Counts the goal conversion of a run (spec §3.4): the first goal event strictly after entry,
 * within the goal window and before the profile's next entry (spec §7.3).
 */
function settleConversion(
  vp: VersionPlan,
  state: ProfileState,
  run: RunState,
  until: number,
  tally: Tally,
): void {
  const goal = vp.plan.goal;
  if (goal === null || run.converted) return;
  const to = Math.min(run.entryAt + goal.windowMs, until);
  const e: ProfileEvent | undefined = findEvent(state.events, run.entryAt, to, goal.match);
  if (e === undefined) return;
  run.converted = true;
  tally.conversion(vp.journeyId, run.version, e.at, run.control);
}

/**
 * A run's entry firing as a position in the profile's events now (spec §3.1). Never past the
 * events still at `entryAt`: once retention prunes the entry event, the first event after that
 * instant is a firing yet to come, not the entry.
 */
function entryPosition(state: ProfileState, run: RunState): number {
  if (run.entryOrdinal < 0) return AFTER_EVENTS;
  const events = state.profile.events;
  return Math.min(
    firstAtOrAfter(events, run.entryAt) + run.entryOrdinal,
    firstAfter(events, run.entryAt) - 1,
  );
}

/**
 * The next firing that may start a run (spec §3.1): after the last entry's firing, at or after
 * the time the re-entry rule reopens (Infinity: never). Firings before that are refused.
 */
function nextEntry(
  vp: VersionPlan,
  state: ProfileState,
  last: RunState | undefined,
  fired: Firing,
): number {
  const plan = vp.plan;
  let at = plan.start;
  let seq = -1;
  let reopens = Number.NEGATIVE_INFINITY;
  if (last !== undefined) {
    if (plan.reentry === 'never') return NEVER;
    reopens = (last.endedAt as number) + (plan.reentry === 'after_cooldown' ? plan.cooldownMs : 0);
    // A run from an older version: the live one counts firings from its own publish on.
    if (last.entryAt >= plan.start) {
      at = last.entryAt;
      seq = entryPosition(state, last);
    }
  }
  for (;;) {
    const t = sharedNextFiring(plan, state, at, seq, fired);
    if (t === NEVER || t >= reopens) return t;
    at = t;
    seq = fired.seq;
  }
}

/**
 * Advances one profile in one journey to `now`: the run in flight moves on (on the version it
 * entered with), then new runs start as the triggers and re-entry rules allow, each moving as far
 * as `now` allows. The same steps as the simulator's profile loop, taken as time passes instead
 * of all at once, so the executor and a simulation agree run for run.
 */
export function advanceJourney(input: AdvanceInput): AdvanceOutput {
  const { plans, state: js, now, tally, sends, workspace } = input;
  let profile = input.profile;
  const journeyId = plans.journeyId;
  let dueAt = NEVER;
  for (;;) {
    const run = activeRun(js);
    if (run !== null) {
      const vp = plans.byVersion.get(run.version);
      if (vp === undefined) throw new Error(`journey ${journeyId} has no version ${run.version}`);
      const state = profileState(vp, profile, js);
      // A run of a stopped version moves on only up to the stop, and ends there.
      const stoppedAt = stopOf(plans, run.version);
      const until = stoppedAt === null ? now : Math.min(now, stoppedAt);
      const ctx: StepContext = {
        vp,
        state,
        now: until,
        tally,
        sends,
        workspace,
        stopped: stoppedAt !== null,
      };
      const ended = stepRun(ctx, run);
      if (ended === NEVER && stoppedAt !== null) stopRun(ctx, run, stoppedAt);
      js.sends = keepRecentSends(state, vp, until);
      profile = state.view;
      if (ended === NEVER && run.end === null) {
        dueAt = run.wakeAt;
        settleConversion(vp, state, run, now, tally);
        break;
      }
    }
    const vp = plans.live;
    if (vp === null) break;
    const plan = vp.plan;
    const last = js.runs[js.runs.length - 1];
    const state = profileState(vp, profile, js);
    const fired: Firing = { trigger: -1, seq: -1 };
    const at = nextEntry(vp, state, last, fired);
    if (last !== undefined) {
      const lastPlan = plans.byVersion.get(last.version) ?? vp;
      settleConversion(lastPlan, state, last, Math.min(at, now), tally);
    }
    // From the stop of the newest version, no entries (runs before it are taken and stopped).
    if (at === NEVER || at >= plans.liveUntil) break;
    if (at > now) {
      dueAt = at;
      break;
    }
    const trigger = fired.trigger;
    const entryOrdinal =
      fired.seq === AFTER_EVENTS ? -1 : fired.seq - firstAtOrAfter(state.profile.events, at);
    const triggerId = plan.triggers[trigger]?.stepId as string;
    const entered: RunState = {
      id: `${journeyId}:${profile.id}:${nextRunNumber(js)}`,
      version: vp.version,
      entryAt: at,
      entryOrdinal,
      trigger: triggerId,
      control: state.control,
      stepId: triggerId,
      arrivedAt: at,
      waiting: false,
      wakeAt: at,
      branch: 0,
      pending: false,
      hops: 0,
      visits: {},
      steps: [],
      end: null,
      endedAt: null,
      converted: false,
    };
    addRun(js, entered);
    tally.entry(journeyId, vp.version, at, state.control);
    if (state.control) {
      // Held out (spec §3.2): counted as an entry, traverses no step, ends at once.
      tally.arrived(journeyId, vp.version, triggerId);
      tally.ended(journeyId, vp.version, triggerId, 'control_group');
      entered.steps.push({ stepId: triggerId, at, leftAt: at, branch: null });
      entered.end = 'control_group';
      entered.endedAt = at;
    }
  }
  return { profile, dueAt };
}
