import type { ProfileEvent } from '../profiles/profile.ts';
import { findEvent } from './event-match.ts';
import type { ProfileColumns } from './profile-columns.ts';
import { firstAbove, firstAtOrAbove } from './column-search.ts';
import { AFTER_EVENTS } from './trigger-plan.ts';

type PropsTest = (props: ProfileEvent['props']) => boolean;

/**
 * One profile's timeline: its real events and the events the simulation adds (deliveries,
 * opens, conversions). Simulated events are kept apart, so the real ones can be read straight
 * from the event columns they came from (time and name as typed arrays, the event object only
 * when a name matches); {@link events} merges both when a reader needs the list.
 */
export class EventTimeline {
  /** Whose real events these are: read only when an event object is needed (see `ColumnProfile`). */
  private owner: { readonly events: readonly ProfileEvent[] } = { events: [] };
  /**
   * Simulated events, oldest first; at equal times in the order added. The first
   * {@link simulatedCount} are this profile's: the array is kept between profiles (emptying it
   * would give its storage back, to be grown again by the next profile that sends).
   */
  private readonly simulated: ProfileEvent[] = [];
  private simulatedCount = 0;
  private readonly mergedBuffer: ProfileEvent[] = [];
  private merged = false;
  private columns: ProfileColumns | null = null;
  private from = 0;
  private to = 0;
  /** The columns' index of each event name asked about (-1: no real event has it). */
  private nameIds = new Map<string, number>();
  private namesOf: readonly string[] | null = null;
  /** Name masks of {@link findAny}, for the current columns. */
  private masks = new Map<readonly string[], Uint8Array>();
  /**
   * The names {@link find} and {@link count} were asked about, with each one's mask and column
   * id, for the current columns: a plan asks about a few names, many times per profile, and a
   * short scan for the same string beats hashing it on every call.
   */
  private askedNames: string[] = [];
  private askedMasks: Uint8Array[] = [];
  private askedIds: number[] = [];
  /** The history index of the event {@link nextReal} found. */
  lastSeq = -1;

  /** Starts on a profile: its own events, read as objects until {@link useColumns}. */
  reset(profile: { readonly events: readonly ProfileEvent[] }): void {
    this.owner = profile;
    this.simulatedCount = 0;
    this.merged = false;
    this.columns = null;
  }

  /** Reads the real events from entries `from` to `to` of `columns` (the same events, in order). */
  useColumns(columns: ProfileColumns, from: number, to: number): void {
    this.columns = columns;
    this.from = from;
    this.to = to;
    if (this.namesOf !== columns.names) {
      this.namesOf = columns.names;
      this.nameIds = new Map(columns.names.map((n, i) => [n, i]));
      this.masks = new Map();
      this.askedNames = [];
      this.askedMasks = [];
      this.askedIds = [];
    }
  }

  /** The profile's own events as objects (built, for a `ColumnProfile`, when first read). */
  get real(): readonly ProfileEvent[] {
    return this.owner.events;
  }

  /** The columns the real events are read from, or null when they are read as objects. */
  get source(): ProfileColumns | null {
    return this.columns;
  }

  /**
   * The first of the profile's own events after position (`after`, `afterSeq`) and before `end`
   * whose column name is marked in `named` and that `match` (when given) accepts: what an event
   * trigger's `nextAt` finds, read from the columns (call only when {@link source} is set).
   * Returns its time, or Infinity; its index in the history is then {@link lastSeq}.
   */
  nextReal(
    named: Uint8Array,
    match: ((e: ProfileEvent) => boolean) | null,
    after: number,
    afterSeq: number,
    end: number,
  ): number {
    const { eventAt, eventName } = this.columns as ProfileColumns;
    const from = this.from;
    const to = this.to;
    for (let k = this.realAfter(after, afterSeq); k < to; k++) {
      const at = eventAt[k] as number;
      if (at >= end) return Number.POSITIVE_INFINITY;
      if (named[eventName[k] as number] !== 1) continue;
      if (match !== null && !match(this.real[k - from] as ProfileEvent)) continue;
      this.lastSeq = k - from;
      return at;
    }
    return Number.POSITIVE_INFINITY;
  }

  /**
   * How many of the profile's own events {@link nextReal} would find one after another from
   * position (`after`, `afterSeq`), for any of the lists `named` (with its `matches`): each event
   * counts once however many lists take it. Those before `split` are written to `out[0]`, the
   * others to `out[1]`. Columns only.
   */
  countReal(
    named: readonly Uint8Array[],
    matches: readonly (((e: ProfileEvent) => boolean) | null)[],
    after: number,
    afterSeq: number,
    end: number,
    split: number,
    out: Float64Array,
  ): void {
    const { eventAt, eventName } = this.columns as ProfileColumns;
    const from = this.from;
    const to = this.to;
    let before = 0;
    let later = 0;
    if (named.length === 1 && (matches[0] ?? null) === null) {
      // One trigger that its name is enough for (the usual journey): no list to walk per event.
      const only = named[0] as Uint8Array;
      for (let k = this.realAfter(after, afterSeq); k < to; k++) {
        const at = eventAt[k] as number;
        if (at >= end) break;
        if (only[eventName[k] as number] !== 1) continue;
        if (at < split) before++;
        else later++;
      }
      out[0] = before;
      out[1] = later;
      return;
    }
    for (let k = this.realAfter(after, afterSeq); k < to; k++) {
      const at = eventAt[k] as number;
      if (at >= end) break;
      const name = eventName[k] as number;
      for (let j = 0; j < named.length; j++) {
        if ((named[j] as Uint8Array)[name] !== 1) continue;
        const match = matches[j] ?? null;
        if (match !== null && !match(this.real[k - from] as ProfileEvent)) continue;
        if (at < split) before++;
        else later++;
        break;
      }
    }
    out[0] = before;
    out[1] = later;
  }

  /** The columns' index of the first real event after position (`after`, `afterSeq`). */
  private realAfter(after: number, afterSeq: number): number {
    const { eventAt } = this.columns as ProfileColumns;
    const from = this.from;
    const to = this.to;
    if (afterSeq === AFTER_EVENTS) return firstAbove(eventAt, from, to, after);
    // Usually the event at `afterSeq` is the one at `after` (the firing that made an entry):
    // then none before it is at or above `after`'s first, and no search is needed.
    const at = from + afterSeq;
    if (afterSeq >= 0 && at < to && (eventAt[at] as number) >= after) return at + 1;
    const k = firstAtOrAbove(eventAt, from, to, after);
    return afterSeq >= k - from ? from + afterSeq + 1 : k;
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
    const asked = this.asked(name);
    // No real event has the name (a message's engagement): only the simulated ones can match.
    if ((this.askedIds[asked] as number) < 0)
      return this.simulatedBefore(from, to, Number.POSITIVE_INFINITY, match);
    return this.findMasked(from, to, this.askedMasks[asked] as Uint8Array, match);
  }

  /**
   * The time of {@link find}'s event (Infinity: none), for a `match` that accepts every event
   * named `name`: real events are read from the columns by name, and no event object is read.
   */
  findTime(from: number, to: number, name: string, match: (e: ProfileEvent) => boolean): number {
    if (this.columns === null)
      return this.find(from, to, name, match)?.at ?? Number.POSITIVE_INFINITY;
    return this.findNamed(from, to, name, match);
  }

  /** The index among the profile's own events of the event {@link findNamed} found, or -1. */
  foundIndex = -1;
  /** The simulated event {@link findNamed} found, or null. */
  foundSimulated: ProfileEvent | null = null;

  /**
   * {@link findTime} over the columns, telling which event it found: a real one's index in
   * {@link foundIndex} (its object is not read), else the simulated one in {@link foundSimulated}.
   * Columns only.
   */
  findNamed(from: number, to: number, name: string, match: (e: ProfileEvent) => boolean): number {
    const k = this.firstNamed(from, to, this.askedIds[this.asked(name)] as number);
    const realAt =
      k < 0 ? Number.POSITIVE_INFINITY : ((this.columns as ProfileColumns).eventAt[k] as number);
    const simulated = this.simulatedBefore(from, to, realAt, match);
    if (simulated !== undefined) {
      this.foundIndex = -1;
      this.foundSimulated = simulated;
      return simulated.at;
    }
    this.foundIndex = k < 0 ? -1 : k - this.from;
    this.foundSimulated = null;
    return realAt;
  }

  /** The columns' index of the first real event in `(from, to]` named `names[id]`, or -1. */
  private firstNamed(from: number, to: number, id: number): number {
    if (id < 0) return -1;
    const { eventAt, eventName } = this.columns as ProfileColumns;
    const end = this.to;
    for (let k = firstAbove(eventAt, this.from, end, from); k < end; k++) {
      if ((eventAt[k] as number) > to) return -1;
      if (eventName[k] === id) return k;
    }
    return -1;
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

  /** The columns' index of `name`: -1 when no real event has it or the events are objects. */
  nameId(name: string): number {
    return this.columns === null ? -1 : (this.nameIds.get(name) ?? -1);
  }

  /** The columns' event names, or null when the events are read as objects. */
  get names(): readonly string[] | null {
    return this.columns === null ? null : this.columns.names;
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

  /** The index of `name` in {@link askedNames}, added when first asked (columns only). */
  private asked(name: string): number {
    const names = this.askedNames;
    for (let i = 0; i < names.length; i++) if (names[i] === name) return i;
    names.push(name);
    this.askedMasks.push(this.maskOf([name]));
    this.askedIds.push(this.nameIds.get(name) ?? -1);
    return names.length - 1;
  }

  /** Per column name: 1 when it is one of `names` (made once per list and columns). */
  private maskOf(names: readonly string[]): Uint8Array {
    let mask = this.masks.get(names);
    if (mask === undefined) {
      const wanted = new Set(names);
      mask = Uint8Array.from((this.columns as ProfileColumns).names, (n) =>
        wanted.has(n) ? 1 : 0,
      );
      this.masks.set(names, mask);
    }
    return mask;
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
      const { eventAt, eventName } = columns;
      for (let k = this.to - 1; k >= this.from; k--) {
        const at = eventAt[k] as number;
        if (at > to) continue;
        if (at < from) break;
        if (
          eventName[k] === id &&
          (matches === null || matches((this.real[k - this.from] as ProfileEvent).props))
        ) {
          n++;
          if (n >= stopAt) return n;
        }
      }
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
}
