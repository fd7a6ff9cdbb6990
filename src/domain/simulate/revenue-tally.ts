import type { ProfileEvent } from '../profiles/profile.ts';
import type { Counters } from './counters.ts';
import type { ProfileColumns } from './profile-columns.ts';

/** Conversions held before their amounts are added: enough for their reads to overlap. */
const HELD = 256;

/** A conversion's amount in whole cents: 0 unless it is a finite number. */
export function centsOf(amount: unknown): number {
  return typeof amount === 'number' && Number.isFinite(amount) ? Math.round(amount * 100) : 0;
}

/**
 * Adds conversions' revenue to {@link Counters}, reading the amount of a profile's own goal event
 * later, with others': that event's object is usually the one cold read of a conversion, and read
 * on its own each waits for the memory before the next can start, where a pass over many has
 * them in flight at once. Amounts are added in the order the conversions came, so the sums are
 * the same bit for bit (float addition is exact for whole cents, but not past 2^53). Call
 * {@link settle} before reading the revenue.
 */
export class RevenueTally {
  private count = 0;
  /** Per held conversion: its cents, or for a real event the list and index to read them from. */
  private readonly cents = new Float64Array(HELD);
  private readonly events: (readonly ProfileEvent[] | null)[] = new Array<
    readonly ProfileEvent[] | null
  >(HELD).fill(null);
  private readonly index = new Int32Array(HELD);
  /** Per held conversion of an entrant not built: its columns and profile index, else null. */
  private readonly sources: (ProfileColumns | null)[] = new Array<ProfileColumns | null>(HELD).fill(
    null,
  );
  private readonly profile = new Int32Array(HELD);
  private readonly found: (ProfileEvent | null)[] = new Array<ProfileEvent | null>(HELD).fill(null);
  private readonly control = new Uint8Array(HELD);

  constructor(private readonly counters: Counters) {}

  /** A conversion worth `cents`, of a control-group profile or not. */
  add(cents: number, control: boolean): void {
    const k = this.count;
    this.cents[k] = cents;
    this.events[k] = null;
    this.control[k] = control ? 1 : 0;
    this.held(k);
  }

  /** A conversion on the profile's own event `events[index]`, whose amount is read later. */
  addEvent(events: readonly ProfileEvent[], index: number, control: boolean): void {
    const k = this.count;
    this.events[k] = events;
    this.index[k] = index;
    this.control[k] = control ? 1 : 0;
    this.held(k);
  }

  /**
   * A conversion on event `index` of profile `profile` of `columns`, whose object is not read
   * yet: the profile's events, then the event, are read later with others'.
   */
  addColumnEvent(columns: ProfileColumns, profile: number, index: number, control: boolean): void {
    const k = this.count;
    this.sources[k] = columns;
    this.profile[k] = profile;
    this.index[k] = index;
    this.control[k] = control ? 1 : 0;
    this.held(k);
  }

  private held(k: number): void {
    this.count = k + 1;
    if (this.count === HELD) this.settle();
  }

  /** Reads the held amounts, a pass per read, and adds them to the counters in order. */
  settle(): void {
    const { count: n, cents, events, index, found, control, counters, sources, profile } = this;
    for (let k = 0; k < n; k++) {
      const columns = sources[k] as ProfileColumns | null;
      if (columns !== null) events[k] = columns.profile(profile[k] as number).events;
    }
    for (let k = 0; k < n; k++) {
      const list = events[k] as readonly ProfileEvent[] | null;
      if (list !== null) found[k] = list[index[k] as number] as ProfileEvent;
    }
    for (let k = 0; k < n; k++) {
      const e = found[k] as ProfileEvent | null;
      if (e !== null) cents[k] = centsOf(e.props?.['amount']);
    }
    for (let k = 0; k < n; k++) {
      if (control[k] === 1) counters.controlRevenueCents += cents[k] as number;
      else counters.revenueCents += cents[k] as number;
    }
    events.fill(null, 0, n);
    sources.fill(null, 0, n);
    found.fill(null, 0, n);
    this.count = 0;
  }
}
