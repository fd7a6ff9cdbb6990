import type { ProfileEvent } from '../profiles/profile.ts';
import type { ProfileColumns } from './profile-columns.ts';
import { firstAbove, firstAtOrAbove } from './column-search.ts';
import { AFTER_EVENTS } from './trigger-plan.ts';

/**
 * A profile's own (real) events, read straight from the event columns they came from: time and
 * name as typed arrays, the event object only when a name matches. {@link EventTimeline} adds
 * the simulated events on top; this part never sees them.
 */
export class TimelineColumns {
  /** Whose real events these are: read only when an event object is needed (see `ColumnProfile`). */
  protected owner: { readonly events: readonly ProfileEvent[] } = { events: [] };
  protected columns: ProfileColumns | null = null;
  protected from = 0;
  protected to = 0;
  /** The columns' index of each event name asked about (-1: no real event has it). */
  private nameIds = new Map<string, number>();
  private namesOf: readonly string[] | null = null;
  /** Name masks of `findAny`, for the current columns. */
  private masks = new Map<readonly string[], Uint8Array>();
  /**
   * The names `find` and `count` were asked about, with each one's column id, for the
   * current columns: a plan asks about a few names, many times per profile, and a short scan for
   * the same string beats hashing it on every call.
   */
  private askedNames: string[] = [];
  protected askedIds: number[] = [];
  /** The history index of the event {@link nextReal} found. */
  lastSeq = -1;

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

  /** The columns' index of `name`: -1 when no real event has it or the events are objects. */
  nameId(name: string): number {
    return this.columns === null ? -1 : (this.nameIds.get(name) ?? -1);
  }

  /**
   * The mean numeric `amount` of the profile's own events named `name` (0: none has one), summed
   * in event order as a walk over the event objects sums it. Columns only: only the events of
   * the name are read as objects.
   */
  meanAmount(name: string): number {
    const id = this.askedIds[this.asked(name)] as number;
    let sum = 0;
    let n = 0;
    if (id >= 0) {
      const eventName = (this.columns as ProfileColumns).eventName;
      const real = this.real;
      const from = this.from;
      for (let k = from; k < this.to; k++) {
        if (eventName[k] !== id) continue;
        const amount = (real[k - from] as ProfileEvent).props?.['amount'];
        if (typeof amount === 'number') {
          sum += amount;
          n++;
        }
      }
    }
    return n === 0 ? 0 : sum / n;
  }

  /** The columns' event names, or null when the events are read as objects. */
  get names(): readonly string[] | null {
    return this.columns === null ? null : this.columns.names;
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

  /** The columns' index of the first real event in `(from, to]` named `names[id]`, or -1. */
  protected firstNamed(from: number, to: number, id: number): number {
    if (id < 0) return -1;
    const { eventAt, eventName } = this.columns as ProfileColumns;
    const end = this.to;
    for (let k = firstAbove(eventAt, this.from, end, from); k < end; k++) {
      if ((eventAt[k] as number) > to) return -1;
      if (eventName[k] === id) return k;
    }
    return -1;
  }

  /** The index of `name` in `askedNames`, added when first asked (columns only). */
  protected asked(name: string): number {
    const names = this.askedNames;
    for (let i = 0; i < names.length; i++) if (names[i] === name) return i;
    names.push(name);
    this.askedIds.push(this.nameIds.get(name) ?? -1);
    return names.length - 1;
  }

  /** Per column name: 1 when it is one of `names` (made once per list and columns). */
  protected maskOf(names: readonly string[]): Uint8Array {
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
}
