import type { Profile } from '../profiles/profile.ts';
import { reachMask } from '../conditions/reachability.ts';
import { ColumnEntries, reachChannels } from './column-entries.ts';
import type { SimulationPlan } from './plan.ts';
import type { ProfileColumns } from './profile-columns.ts';
import { hashText } from './seeded.ts';
import { ProfileSimulator } from './simulator.ts';

/**
 * What a plan's runs over a set of profiles have in common whatever the seed: who enters, when
 * and by which trigger they first enter, the hash of their ids, the control-group draw and the
 * channels each can be reached on (until the journey changes its attributes). Worked out once
 * by {@link prepareProfiles} or {@link prepareColumns} and shared by every replication of a
 * forecast, so a run skips the profiles that never enter and the first replay of each
 * entrant's own events.
 */
export interface PreparedProfiles {
  /** The profiles the entries were worked out for; a run must be given the same ones. */
  readonly source: readonly Profile[] | ProfileColumns;
  /** The triggers the entries were worked out with; a plan must share them to use this. */
  readonly triggers: SimulationPlan['triggers'];
  /** Indices of the profiles that enter in the period, ascending. */
  readonly entrants: Int32Array;
  /** Per entrant: its profile. */
  readonly entrantProfiles: readonly Profile[];
  /** Per entrant: the FNV-1a hash of its id, the key of every per-profile draw. */
  readonly hash: Uint32Array;
  /** Per entrant: the first entry time, the index of its trigger and whether it is held out. */
  readonly firstEntry: Float64Array;
  readonly firstTrigger: Int32Array;
  /** Per entrant: the sequence of the first entry's firing. */
  readonly firstSeq: Float64Array;
  readonly control: Uint8Array;
  /**
   * Per entrant: bit `c` set when the profile as given is reachable on `CHANNELS[c]`, for the
   * channels of {@link reachChannels}.
   */
  readonly reach: Uint8Array;
  /** The channels `reach` tells about: those a message step sends on or a condition asks about. */
  readonly reachChannels: number;
}

/** FNV-1a hashes of the profiles' ids, the key of every per-profile draw. */
export function hashProfileIds(profiles: readonly Profile[]): Uint32Array {
  const out = new Uint32Array(profiles.length);
  for (let i = 0; i < profiles.length; i++) out[i] = hashText((profiles[i] as Profile).id);
  return out;
}

/** Collects the entrants of a prepare pass. */
class Entrants {
  private k = 0;
  readonly entrants: Int32Array;
  readonly profiles: Profile[] = [];
  readonly hash: Uint32Array;
  readonly firstEntry: Float64Array;
  readonly firstTrigger: Int32Array;
  readonly firstSeq: Float64Array;
  readonly control: Uint8Array;
  readonly reach: Uint8Array;

  constructor(n: number) {
    this.entrants = new Int32Array(n);
    this.hash = new Uint32Array(n);
    this.firstEntry = new Float64Array(n);
    this.firstTrigger = new Int32Array(n);
    this.firstSeq = new Float64Array(n);
    this.control = new Uint8Array(n);
    this.reach = new Uint8Array(n);
  }

  add(
    index: number,
    profile: Profile,
    hash: number,
    at: number,
    trigger: number,
    seq: number,
    control: boolean,
    reach: number,
  ): void {
    const k = this.k++;
    this.entrants[k] = index;
    this.profiles.push(profile);
    this.hash[k] = hash;
    this.firstEntry[k] = at;
    this.firstTrigger[k] = trigger;
    this.firstSeq[k] = seq;
    this.control[k] = control ? 1 : 0;
    this.reach[k] = reach;
  }

  done(
    plan: SimulationPlan,
    source: PreparedProfiles['source'],
    reachChannels: number,
  ): PreparedProfiles {
    const k = this.k;
    return {
      source,
      triggers: plan.triggers,
      entrants: this.entrants.slice(0, k),
      entrantProfiles: this.profiles,
      hash: this.hash.slice(0, k),
      firstEntry: this.firstEntry.slice(0, k),
      firstTrigger: this.firstTrigger.slice(0, k),
      firstSeq: this.firstSeq.slice(0, k),
      control: this.control.slice(0, k),
      reach: this.reach.slice(0, k),
      reachChannels,
    };
  }
}

/** Works out the entries of profiles one object at a time, asking each trigger's `nextAt`. */
function prepareObjects(
  plan: SimulationPlan,
  count: number,
  profileAt: (i: number) => Profile,
  hashAt: (i: number) => number,
  source: PreparedProfiles['source'],
): PreparedProfiles {
  const simulator = new ProfileSimulator(plan);
  const channels = reachChannels(plan);
  const out = new Entrants(count);
  for (let i = 0; i < count; i++) {
    const profile = profileAt(i);
    const hash = hashAt(i);
    const at = simulator.firstEntry(profile, hash);
    if (at === Number.POSITIVE_INFINITY) continue;
    out.add(
      i,
      profile,
      hash,
      at,
      simulator.entryTriggerIndex,
      simulator.entrySequence,
      simulator.heldOut,
      reachMask(profile, channels),
    );
  }
  return out.done(plan, source, channels);
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
  return prepareObjects(
    plan,
    profiles.length,
    (i) => profiles[i] as Profile,
    (i) => idHash[i] as number,
    profiles,
  );
}

/**
 * {@link prepareProfiles} over columns. When every trigger fires on the profile's own events
 * (the `event` kind), entries are found from the event columns and only the entrants' profile
 * objects are asked for; otherwise every profile is asked for and its triggers consulted. Either
 * way the result is the one {@link prepareProfiles} gives for the same profiles.
 *
 * `build` says when an entrant's object is built from the columns: `ahead`, here (the forecast
 * and the panel prepare while the page is idle, so the run after builds nothing), or
 * `when-read`, only once a run reads its attributes or an event's props (see `ColumnProfile`):
 * most entrants of most journeys never are.
 */
export function prepareColumns(
  plan: SimulationPlan,
  columns: ProfileColumns,
  build: 'ahead' | 'when-read' = 'ahead',
): PreparedProfiles {
  if (plan.triggers.some((t) => t.event === undefined))
    return prepareObjects(
      plan,
      columns.count,
      (i) => columns.profile(i),
      (i) =>
        columns.idHash === undefined ? hashText(columns.id(i)) : (columns.idHash[i] as number),
      columns,
    );
  const entries = ColumnEntries.for(plan, columns) as ColumnEntries;
  const channels = reachChannels(plan);
  const known = columns.reach;
  const out = new Entrants(columns.count);
  for (let i = 0; i < columns.count; i++) {
    if (!entries.find(i, build === 'when-read')) continue;
    const e = entries;
    out.add(
      i,
      e.profile,
      e.hash,
      e.at,
      e.trigger,
      e.seq,
      e.control,
      known === undefined ? reachMask(e.profile, channels) : (known[i] as number) & channels,
    );
  }
  return out.done(plan, columns, channels);
}
