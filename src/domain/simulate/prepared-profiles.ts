import { CHANNELS, type Channel } from '../channels.ts';
import { isReachable } from '../conditions/reachability.ts';
import type { Profile } from '../profiles/profile.ts';
import type { SimulationPlan } from './plan.ts';
import { hashText } from './seeded.ts';
import { ProfileSimulator } from './simulator.ts';

/**
 * What a plan's runs over a set of profiles have in common whatever the seed: who enters, when
 * and by which trigger they first enter, the hash of every id, the control-group draw and the
 * channels each profile can be reached on (until the journey changes its attributes). Worked
 * out once by {@link prepareProfiles} and shared by every replication of a forecast, so a run
 * skips the profiles that never enter and the first replay of each entrant's own events.
 */
export interface PreparedProfiles {
  readonly profiles: readonly Profile[];
  /** The triggers the entries were worked out with; a plan must share them to use this. */
  readonly triggers: SimulationPlan['triggers'];
  /** FNV-1a hash of every profile's id, by profile index. */
  readonly idHash: Uint32Array;
  /** Indices of the profiles that enter in the period, ascending. */
  readonly entrants: Int32Array;
  /** Per entrant: the first entry time, the index of its trigger and whether it is held out. */
  readonly firstEntry: Float64Array;
  readonly firstTrigger: Int32Array;
  /** Per entrant: the sequence of the first entry's firing. */
  readonly firstSeq: Float64Array;
  readonly control: Uint8Array;
  /** Per entrant: bit `c` set when the profile as given is reachable on `CHANNELS[c]` (and a message step sends on it). */
  readonly reach: Uint8Array;
}

/** Bit `c` set when the profile is reachable on `CHANNELS[c]`, for the channels in `mask`. */
export function reachMask(profile: Profile, mask: number): number {
  let out = 0;
  for (let c = 0; c < CHANNELS.length; c++)
    if ((mask & (1 << c)) !== 0 && isReachable(profile, CHANNELS[c] as Channel)) out |= 1 << c;
  return out;
}

/** The channels the plan's message steps send on, as a bit mask. */
function sendingChannels(plan: SimulationPlan): number {
  let mask = 0;
  for (const step of plan.steps) if (step.message !== null) mask |= 1 << step.message.channel;
  return mask;
}

/** FNV-1a hashes of the profiles' ids, the key of every per-profile draw. */
export function hashProfileIds(profiles: readonly Profile[]): Uint32Array {
  const out = new Uint32Array(profiles.length);
  for (let i = 0; i < profiles.length; i++) out[i] = hashText((profiles[i] as Profile).id);
  return out;
}

/**
 * Does the seed-independent work of running `plan` over `profiles` once. A plan from
 * {@link reseedPlan} of the same plan (any seed, any traces) can then run the profiles with it,
 * giving bit for bit the result of running without it. `idHash` lets variants share the hashes.
 */
export function prepareProfiles(
  plan: SimulationPlan,
  profiles: readonly Profile[],
  idHash: Uint32Array = hashProfileIds(profiles),
): PreparedProfiles {
  if (idHash.length !== profiles.length) throw new RangeError('one id hash per profile');
  const simulator = new ProfileSimulator(plan);
  const channels = sendingChannels(plan);
  const n = profiles.length;
  const entrants = new Int32Array(n);
  const firstEntry = new Float64Array(n);
  const firstTrigger = new Int32Array(n);
  const firstSeq = new Float64Array(n);
  const control = new Uint8Array(n);
  const reach = new Uint8Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const profile = profiles[i] as Profile;
    const at = simulator.firstEntry(profile, idHash[i] as number);
    if (at === Number.POSITIVE_INFINITY) continue;
    entrants[k] = i;
    firstEntry[k] = at;
    firstTrigger[k] = simulator.entryTriggerIndex;
    firstSeq[k] = simulator.entrySequence;
    control[k] = simulator.heldOut ? 1 : 0;
    reach[k] = reachMask(profile, channels);
    k++;
  }
  return {
    profiles,
    triggers: plan.triggers,
    idHash,
    entrants: entrants.slice(0, k),
    firstEntry: firstEntry.slice(0, k),
    firstTrigger: firstTrigger.slice(0, k),
    firstSeq: firstSeq.slice(0, k),
    control: control.slice(0, k),
    reach: reach.slice(0, k),
  };
}
