import type { Profile } from '../../domain/index.ts';
import { advanceJourney } from './advance-journey.ts';
import type { SendIntent } from './send-intent.ts';
import type { JourneyProfileState } from './state.ts';
import type { Tally } from './tally.ts';
import type { JourneyPlans } from './version-plan.ts';
import type { WorkspaceCap } from './workspace-cap.ts';

const NEVER = Number.POSITIVE_INFINITY;
/** Instants one advance may step through before it takes the rest in one go. */
const MAX_INSTANTS = 10_000;

export interface ProfileJourney {
  plans: JourneyPlans;
  state: JourneyProfileState;
}

export interface AdvanceProfileInput {
  profile: Profile;
  journeys: readonly ProfileJourney[];
  workspace: WorkspaceCap;
  /** When the profile was last due: nothing before it is left to do. */
  from: number;
  now: number;
  tally: Tally;
  sends: SendIntent[];
}

/**
 * Advances one profile in every journey to `now`. Without a workspace cap the journeys are
 * independent and each moves in one go. With one, a message in one journey can cap a later one in
 * another, so all journeys move together instant by instant (each timer and event in turn) and the
 * cap counts the messages in the order they were sent (spec §4).
 */
export function advanceProfile(input: AdvanceProfileInput): { profile: Profile; dueAt: number } {
  const { journeys, workspace, now, tally, sends } = input;
  let profile = input.profile;
  let dueAt = NEVER;
  const advanceTo = (t: number) => {
    dueAt = NEVER;
    for (const { plans, state } of journeys) {
      const out = advanceJourney({ profile, plans, state, now: t, tally, sends, workspace });
      profile = out.profile;
      dueAt = Math.min(dueAt, out.dueAt);
    }
  };
  if (!workspace.rule.enabled || journeys.length < 2) {
    advanceTo(now);
    return { profile, dueAt };
  }
  let t = Math.min(input.from, now);
  for (let i = 0; i < MAX_INSTANTS && t < now; i++) {
    advanceTo(t);
    const next = Math.min(dueAt, nextEventAfter(profile, t));
    if (next <= t || next >= now) break;
    t = next;
  }
  advanceTo(now);
  return { profile, dueAt };
}

function nextEventAfter(profile: Profile, t: number): number {
  let next = NEVER;
  for (const e of profile.events) if (e.at > t && e.at < next) next = e.at;
  return next;
}
