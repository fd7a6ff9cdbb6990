import type { Channel, Profile, ProfileEvent } from '../../domain/index.ts';
import { CHANNELS } from '../../domain/index.ts';
import { findEvent } from '../../domain/simulate/event-match.ts';
import { ProfileState } from '../../domain/simulate/profile-state.ts';
import { hashMore, hashText } from '../../domain/simulate/seeded.ts';
import { ZoneRegistry } from '../../domain/simulate/zone-clock.ts';
import type { SendIntent } from './send-intent.ts';
import { stepRun, type StepContext } from './run-stepper.ts';
import { activeRun, type JourneyProfileState, type RunState } from './state.ts';
import type { Tally } from './tally.ts';
import type { JourneyPlans, VersionPlan } from './version-plan.ts';

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
    if (c >= 0 && e.at < (state.unsubscribedAt[c] as number)) state.unsubscribedAt[c] = e.at;
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

/** When the profile may enter next and by which trigger, looking at what is known now. */
function nextEntry(vp: VersionPlan, state: ProfileState, after: number): [number, number] {
  const plan = vp.plan;
  let best = NEVER;
  let trigger = -1;
  for (let i = 0; i < plan.triggers.length; i++) {
    const t = (plan.triggers[i] as (typeof plan.triggers)[number]).nextAt(
      state,
      after,
      -1, // every event at `after` may fire; the executor's entry order is its own (see README)
      plan.start,
      plan.end,
    );
    if (t < best) {
      best = t;
      trigger = i;
    }
  }
  return [best, trigger];
}

/**
 * Advances one profile in one journey to `now`: the run in flight moves on (on the version it
 * entered with), then new runs start as the triggers and re-entry rules allow, each moving as far
 * as `now` allows. The same steps as the simulator's profile loop, taken as time passes instead
 * of all at once, so the executor and a simulation agree run for run.
 */
export function advanceJourney(input: AdvanceInput): AdvanceOutput {
  const { plans, state: js, now, tally, sends } = input;
  let profile = input.profile;
  const journeyId = plans.journeyId;
  let dueAt = NEVER;
  for (;;) {
    const run = activeRun(js);
    if (run !== null) {
      const vp = plans.byVersion.get(run.version);
      if (vp === undefined) throw new Error(`journey ${journeyId} has no version ${run.version}`);
      const state = profileState(vp, profile, js);
      const ctx: StepContext = { vp, state, now, tally, sends };
      const ended = stepRun(ctx, run);
      js.sends = keepRecentSends(state, vp, now);
      profile = state.view;
      if (ended === NEVER) {
        dueAt = run.wakeAt;
        settleConversion(vp, state, run, now, tally);
        break;
      }
    }
    const vp = plans.live;
    if (vp === null) break;
    const plan = vp.plan;
    const last = js.runs[js.runs.length - 1];
    if (last !== undefined && plan.reentry === 'never') break;
    const after =
      last === undefined
        ? plan.start
        : Math.max(
            plan.start,
            (last.endedAt as number) + (plan.reentry === 'after_cooldown' ? plan.cooldownMs : 0),
            last.entryAt + 1,
          );
    const state = profileState(vp, profile, js);
    const [at, trigger] = nextEntry(vp, state, after);
    if (last !== undefined) {
      const lastPlan = plans.byVersion.get(last.version) ?? vp;
      settleConversion(lastPlan, state, last, Math.min(at, now), tally);
    }
    if (at === NEVER) break;
    if (at > now) {
      dueAt = at;
      break;
    }
    const triggerId = plan.triggers[trigger]?.stepId as string;
    const entered: RunState = {
      id: `${journeyId}:${profile.id}:${js.runs.length + 1}`,
      version: vp.version,
      entryAt: at,
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
    js.runs.push(entered);
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
