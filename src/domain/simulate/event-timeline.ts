import type { ProfileEvent } from '../profiles/profile.ts';
import { findEvent } from './event-match.ts';
import type { ProfileColumns } from './profile-columns.ts';
import { firstAbove } from './column-search.ts';
import { TimelineColumns } from './timeline-columns.ts';

type PropsTest = (props: ProfileEvent['props']) => boolean;

/**
 * One profile's timeline: its real events and the events the simulation adds (deliveries,
 * opens, conversions). Simulated events are kept apart, so the real ones can be read straight
 * from the event columns they came from ({@link TimelineColumns}); {@link events} merges both
 * when a reader needs the list.
 */
export class EventTimeline extends TimelineColumns {
  /**
   * Simulated events, oldest first; at equal times in the order added. The first
   * {@link simulatedCount} are this profile's: the array is kept between profiles (emptying it
   * would give its storage back, to be grown again by the next profile that sends).
   */
  private readonly simulated: ProfileEvent[] = [];
  private simulatedCount = 0;
  private readonly mergedBuffer: ProfileEvent[] = [];
  private merged = false;

  /** Starts on a profile: its own events, read as objects until {@link useColumns}. */
  reset(profile: { readonly events: readonly ProfileEvent[] }): void {
    this.owner = profile;
    this.simulatedCount = 0;
    this.merged = false;
    this.columns = null;
  }

  /** Real and simulated events, oldest first; at equal times real events come first. */
  get events(): readonly ProfileEvent[] {
    const sim = this.simulated;
    const simCount = this.simulatedCount;
    if (simCount === 0) return this.real;
    const out = this.mergedBuffer;
    if (this.merged) return out;
    const real = this.real;
    out.length = 0;
    let i = 0;
    let j = 0;
    while (i < real.length || j < simCount) {
      if (
        j >= simCount ||
        (i < real.length && (real[i] as ProfileEvent).at <= (sim[j] as ProfileEvent).at)
      )
        out.push(real[i++] as ProfileEvent);
      else out.push(sim[j++] as ProfileEvent);
    }
    this.merged = true;
    return out;
  }

  /** Adds a simulated event after every event at or before its time. */
  add(e: ProfileEvent): void {
    const sim = this.simulated;
    let i = this.simulatedCount++;
    if (i === sim.length) sim.push(e);
    while (i > 0 && (sim[i - 1] as ProfileEvent).at > e.at) {
      sim[i] = sim[i - 1] as ProfileEvent;
      i--;
    }
    sim[i] = e;
    this.merged = false;
  }

  /**
   * The first event in `(from, to]` named `name` that `match` accepts, as `findEvent` over
   * {@link events} gives it. `name` must be the only name `match` accepts ('' when unknown).
   */
  find(
    from: number,
    to: number,
    name: string,
    match: (e: ProfileEvent) => boolean,
  ): ProfileEvent | undefined {
    if (name === '' || this.columns === null) return findEvent(this.events, from, to, match);
    return this.findOf(from, to, this.askedIds[this.asked(name)] as number, match);
  }

  /**
   * {@link find} over the columns for the name of column id `id` (-1: no real event has it, as
   * for a message's engagement: then only the simulated ones can match). Columns only.
   */
  findOf(
    from: number,
    to: number,
    id: number,
    match: (e: ProfileEvent) => boolean,
  ): ProfileEvent | undefined {
    let found: ProfileEvent | undefined;
    if (id >= 0) {
      const { eventAt, eventName } = this.columns as ProfileColumns;
      const end = this.to;
      for (let k = firstAbove(eventAt, this.from, end, from); k < end; k++) {
        if ((eventAt[k] as number) > to) break;
        if (eventName[k] !== id) continue;
        const e = this.real[k - this.from] as ProfileEvent;
        if (match(e)) {
          found = e;
          break;
        }
      }
    }
    return this.simulatedBefore(from, to, found?.at ?? Number.POSITIVE_INFINITY, match) ?? found;
  }

  /**
   * The time of {@link find}'s event (Infinity: none), for a `match` that accepts every event
   * named `name`: real events are read from the columns by name, and no event object is read.
   */
  findTime(from: number, to: number, name: string, match: (e: ProfileEvent) => boolean): number {
    if (this.columns === null)
      return this.find(from, to, name, match)?.at ?? Number.POSITIVE_INFINITY;
    return this.findNamed(from, to, name);
  }

  /** The index among the profile's own events of the event {@link findNamed} found, or -1. */
  foundIndex = -1;
  /** The simulated event {@link findNamed} found, or null. */
  foundSimulated: ProfileEvent | null = null;

  /**
   * {@link findTime} over the columns, telling which event it found: a real one's index in
   * {@link foundIndex} (its object is not read), else the simulated one in {@link foundSimulated}.
   * Any event named `name` is taken: simulated ones are told by name, with no test to call.
   * Columns only.
   */
  findNamed(from: number, to: number, name: string): number {
    const k = this.firstNamed(from, to, this.askedIds[this.asked(name)] as number);
    const realAt =
      k < 0 ? Number.POSITIVE_INFINITY : ((this.columns as ProfileColumns).eventAt[k] as number);
    const simulated = this.simulatedNamed(from, to, realAt, name);
    if (simulated !== undefined) {
      this.foundIndex = -1;
      this.foundSimulated = simulated;
      return simulated.at;
    }
    this.foundIndex = k < 0 ? -1 : k - this.from;
    this.foundSimulated = null;
    return realAt;
  }

  /**
   * The first event in `(from, to]` whose name is one of `names` and that `test` accepts, as
   * `findEvent` over {@link events} gives it. `test` must accept no other name.
   */
  findAny(
    from: number,
    to: number,
    names: readonly string[],
    test: (e: ProfileEvent) => boolean,
  ): ProfileEvent | undefined {
    if (this.columns === null) return findEvent(this.events, from, to, test);
    return this.findMasked(from, to, this.maskOf(names), test);
  }

  /** {@link findAny} over the columns, for the names marked in `named`. */
  private findMasked(
    from: number,
    to: number,
    named: Uint8Array,
    test: (e: ProfileEvent) => boolean,
  ): ProfileEvent | undefined {
    let found: ProfileEvent | undefined;
    const { eventAt, eventName } = this.columns as ProfileColumns;
    const end = this.to;
    for (let k = firstAbove(eventAt, this.from, end, from); k < end; k++) {
      if ((eventAt[k] as number) > to) break;
      if (named[eventName[k] as number] !== 1) continue;
      const e = this.real[k - this.from] as ProfileEvent;
      if (test(e)) {
        found = e;
        break;
      }
    }
    return this.simulatedBefore(from, to, found?.at ?? Number.POSITIVE_INFINITY, test) ?? found;
  }

  /**
   * {@link findAny} for tests that read nothing but an event's name and time: a real event named
   * `names[n]` of the columns is accepted when its time is at most `until[n]` (its object is read
   * only when it is the one found); a simulated one when `test` accepts it. Columns only.
   */
  findUntil(
    from: number,
    to: number,
    until: Float64Array,
    test: (e: ProfileEvent) => boolean,
  ): ProfileEvent | undefined {
    const { eventAt, eventName } = this.columns as ProfileColumns;
    const end = this.to;
    let found: ProfileEvent | undefined;
    for (let k = firstAbove(eventAt, this.from, end, from); k < end; k++) {
      const at = eventAt[k] as number;
      if (at > to) break;
      if (at <= (until[eventName[k] as number] as number)) {
        found = this.real[k - this.from] as ProfileEvent;
        break;
      }
    }
    return this.simulatedBefore(from, to, found?.at ?? Number.POSITIVE_INFINITY, test) ?? found;
  }

  /**
   * The first simulated event after `from` that `test` accepts and that comes before the first
   * real one found, at `realAt` (a real event comes first at the same time), or without one
   * (Infinity) by `to`; else undefined.
   */
  private simulatedBefore(
    from: number,
    to: number,
    realAt: number,
    test: (e: ProfileEvent) => boolean,
  ): ProfileEvent | undefined {
    const sim = this.simulated;
    const last = realAt === Number.POSITIVE_INFINITY ? to : realAt;
    for (let j = 0; j < this.simulatedCount; j++) {
      const e = sim[j] as ProfileEvent;
      if (e.at <= from) continue;
      if (e.at > last || e.at === realAt) break;
      if (test(e)) return e;
    }
    return undefined;
  }

  /** {@link simulatedBefore} for a test that accepts every event named `name`, and no other. */
  private simulatedNamed(
    from: number,
    to: number,
    realAt: number,
    name: string,
  ): ProfileEvent | undefined {
    const sim = this.simulated;
    const last = realAt === Number.POSITIVE_INFINITY ? to : realAt;
    for (let j = 0; j < this.simulatedCount; j++) {
      const e = sim[j] as ProfileEvent;
      if (e.at <= from) continue;
      if (e.at > last || e.at === realAt) break;
      if (e.name === name) return e;
    }
    return undefined;
  }

  /**
   * How many events in `[from, to]` are named `name` and accepted by `matches` (null: all),
   * counting no further than `stopAt`.
   */
  count(name: string, matches: PropsTest | null, from: number, to: number, stopAt: number): number {
    let n = 0;
    const columns = this.columns;
    if (columns === null) {
      const events = this.events;
      for (let i = events.length - 1; i >= 0; i--) {
        const e = events[i] as ProfileEvent;
        if (e.at > to) continue;
        if (e.at < from) break;
        if (e.name === name && (matches === null || matches(e.props))) {
          n++;
          if (n >= stopAt) return n;
        }
      }
      return n;
    }
    const id = this.askedIds[this.asked(name)] as number;
    if (id >= 0) {
      n =
        matches === null
          ? this.countNamed(id, from, to, stopAt)
          : this.countMatching(id, matches, from, to, stopAt);
      // It stopped at `stopAt` (only a counted event stops it).
      if (n > 0 && n >= stopAt) return n;
    }
    const sim = this.simulated;
    for (let j = this.simulatedCount - 1; j >= 0; j--) {
      const e = sim[j] as ProfileEvent;
      if (e.at > to) continue;
      if (e.at < from) break;
      if (e.name === name && (matches === null || matches(e.props))) {
        n++;
        if (n >= stopAt) return n;
      }
    }
    return n;
  }

  // The two walks of {@link count} over the columns are apart so the by-name one calls nothing:
  // a call in a loop makes V8 check every object's shape and reload every field again on each
  // pass, as the call might have changed them.

  /** How many real events in `[from, to]` are named `names[id]`, up to `stopAt`. Columns only. */
  private countNamed(id: number, from: number, to: number, stopAt: number): number {
    const { eventAt, eventName } = this.columns as ProfileColumns;
    const first = this.from;
    let n = 0;
    for (let k = this.to - 1; k >= first; k--) {
      const at = eventAt[k] as number;
      if (at > to) continue;
      if (at < from) break;
      if (eventName[k] === id && ++n >= stopAt) break;
    }
    return n;
  }

  /** {@link countNamed} of the events `matches` accepts the props of. Columns only. */
  private countMatching(
    id: number,
    matches: PropsTest,
    from: number,
    to: number,
    stopAt: number,
  ): number {
    const { eventAt, eventName } = this.columns as ProfileColumns;
    const first = this.from;
    let n = 0;
    for (let k = this.to - 1; k >= first; k--) {
      const at = eventAt[k] as number;
      if (at > to) continue;
      if (at < from) break;
      if (
        eventName[k] === id &&
        matches((this.real[k - first] as ProfileEvent).props) &&
        ++n >= stopAt
      )
        break;
    }
    return n;
  }
}
