import { CHANNELS } from '../channels.ts';
import type { ConditionGroup, ConditionNode } from '../conditions/condition-schema.ts';
import type { Profile, ProfileEvent } from '../profiles/profile.ts';
import type { EventMatcher } from './event-match.ts';
import type { SimulationPlan } from './plan.ts';
import { entrantProfile } from './column-profile.ts';
import { firstAtOrAbove } from './column-search.ts';
import type { ProfileColumns } from './profile-columns.ts';
import { hashMore, hashText } from './seeded.ts';
import { AFTER_EVENTS } from './trigger-plan.ts';

function conditionChannels(node: ConditionNode | ConditionGroup): number {
  if (node.type === 'group')
    return node.rules.reduce((mask, rule) => mask | conditionChannels(rule), 0);
  return node.type === 'reachable' ? 1 << CHANNELS.indexOf(node.channel) : 0;
}

/**
 * The channels worth knowing each entrant's reachability on, as a bit mask: those the plan's
 * message steps send on and its conditions ask about.
 */
export function reachChannels(plan: SimulationPlan): number {
  let mask = 0;
  for (const step of plan.steps) {
    if (step.message !== null) mask |= 1 << step.message.channel;
    for (const group of step.conditions) mask |= conditionChannels(group);
  }
  return mask;
}

/** A profile's seed-independent start: who it is, when and how it first enters. */
export interface EntrantStart {
  /** Null only for a profile of columns whose object is built when first read. */
  profile: Profile | null;
  /** The FNV-1a hash of its id, the key of every per-profile draw. */
  hash: number;
  /** The first entry time, the index of its trigger and the sequence of its firing. */
  at: number;
  trigger: number;
  seq: number;
  /** Held out in the control group (spec §3.2). */
  control: boolean;
  /** Bit `c` set when reachable on `CHANNELS[c]`, for the channels it is known for. */
  reach: number;
}

/**
 * Finds profiles' first entries from event columns, for plans whose every trigger fires on the
 * profile's own events (see {@link ColumnEntries.for}): only an entrant's profile object is
 * asked for. {@link find} fills this object's {@link EntrantStart} fields for the profile (its
 * reachability is left to be worked out when asked: `reach` stays 0).
 */
export class ColumnEntries implements EntrantStart {
  profile!: Profile;
  hash = 0;
  at = Number.POSITIVE_INFINITY;
  trigger = -1;
  seq = AFTER_EVENTS;
  control = false;
  reach = 0;
  private readonly named: Uint8Array[];
  private readonly filters: (EventMatcher | null)[];

  /** The finder for `plan` over `columns`, or null when a trigger is not an event trigger. */
  static for(plan: SimulationPlan, columns: ProfileColumns): ColumnEntries | null {
    return plan.triggers.every((t) => t.event !== undefined)
      ? new ColumnEntries(plan, columns)
      : null;
  }

  private constructor(
    private readonly plan: SimulationPlan,
    private readonly columns: ProfileColumns,
  ) {
    const names = columns.names;
    this.named = plan.triggers.map((t) =>
      Uint8Array.from(names, (n) => (n === t.event?.name ? 1 : 0)),
    );
    this.filters = plan.triggers.map((t) => t.event?.match ?? null);
  }

  /**
   * Whether profile `i` enters in the period; if so, its start is in this object's fields.
   * The first firing is chosen by time, then sequence, then trigger order, as `nextFiring`.
   * The entrant's object is built now, or with `whenRead` only once it is read.
   */
  find(i: number, whenRead = false): boolean {
    if (!this.scan(i)) return false;
    const profile =
      this.scanned ?? (whenRead ? entrantProfile(this.columns, i) : this.columns.profile(i));
    this.profile = profile;
    const idHash = this.columns.idHash;
    this.hash = idHash === undefined ? hashText(profile.id) : (idHash[i] as number);
    this.control = this.heldOut(this.hash);
    return true;
  }

  /**
   * The column half of {@link find}: whether profile `i` enters, and if so its first entry's
   * time, trigger and sequence in this object's fields; the profile object is read only when a
   * trigger filters on properties (then it is {@link scanned}, else null).
   */
  scan(i: number): boolean {
    const { columns, named, filters } = this;
    const { eventStart, eventName, eventAt } = columns;
    const from = eventStart[i] as number;
    const to = eventStart[i + 1] as number;
    this.scanned = null;
    if (from === to) return false;
    const { start, end } = this.plan;
    const first = firstAtOrAbove(eventAt, from, to, start);
    let best = Number.POSITIVE_INFINITY;
    let bestSeq = AFTER_EVENTS;
    let bestTrigger = -1;
    let profile: Profile | null = null;
    for (let j = 0; j < named.length; j++) {
      const isNamed = named[j] as Uint8Array;
      const match = filters[j] as EventMatcher | null;
      for (let e = first; e < to; e++) {
        const at = eventAt[e] as number;
        if (at >= end) break;
        if (isNamed[eventName[e] as number] !== 1) continue;
        if (match !== null) {
          profile ??= columns.profile(i);
          if (!match(profile.events[e - from] as ProfileEvent)) continue;
        }
        const seq = e - from;
        if (at < best || (at === best && seq < bestSeq)) {
          best = at;
          bestSeq = seq;
          bestTrigger = j;
        }
        break;
      }
    }
    this.scanned = profile;
    if (bestTrigger < 0) return false;
    this.at = best;
    this.trigger = bestTrigger;
    this.seq = bestSeq;
    return true;
  }

  /**
   * {@link scan} over profiles `from` to `to`, writing each entrant's index, entry time, trigger,
   * sequence and (when a filter read it) profile object at the next free place of the arrays;
   * returns how many entered. One event trigger without filters, the common case, is one tight
   * walk of the block's name and time columns, as a hand-written loop would do it.
   */
  scanBlock(
    from: number,
    to: number,
    index: Int32Array,
    at: Float64Array,
    trigger: Int32Array,
    seq: Float64Array,
    profiles: (Profile | null)[],
  ): number {
    let n = 0;
    if (!this.byNameOnly) {
      for (let i = from; i < to; i++) {
        if (!this.scan(i)) continue;
        index[n] = i;
        at[n] = this.at;
        trigger[n] = this.trigger;
        seq[n] = this.seq;
        profiles[n] = this.scanned;
        n++;
      }
      return n;
    }
    const isNamed = this.named[0] as Uint8Array;
    const { eventStart, eventName, eventAt } = this.columns;
    const { start, end } = this.plan;
    let e = eventStart[from] as number;
    for (let i = from; i < to; i++) {
      const last = eventStart[i + 1] as number;
      const first = e;
      while (e < last && (eventAt[e] as number) < start) e++;
      for (; e < last; e++) {
        const t = eventAt[e] as number;
        if (t >= end) break;
        if (isNamed[eventName[e] as number] !== 1) continue;
        index[n] = i;
        at[n] = t;
        trigger[n] = 0;
        seq[n] = e - first;
        profiles[n] = null;
        n++;
        break;
      }
      e = last;
    }
    return n;
  }

  /**
   * One trigger without property filters: {@link scanBlock} reads only the name and time
   * columns, and hands out no profile object.
   */
  get byNameOnly(): boolean {
    return this.named.length === 1 && this.filters[0] === null;
  }

  /** The profile object {@link scan} read to test a trigger's property filters, else null. */
  scanned: Profile | null = null;

  /** Whether the profile whose id hashes to `hash` is held out (spec §3.2). */
  heldOut(hash: number): boolean {
    const { controlThreshold, controlSuffix } = this.plan;
    return controlThreshold > 0 && hashMore(hash, controlSuffix) % 10_000 < controlThreshold;
  }
}
