import { isValidTimeZone } from '../journey/settings-schema.ts';
import { DAY_MS } from '../conditions/time.ts';

const MINUTE_MS = 60_000;
const WEEK_MS = 7 * DAY_MS;
/** Offsets are worked out a year at a time, then looked up without `Intl`. */
const CHUNK_MS = 366 * DAY_MS;

/**
 * UTC offsets of one IANA zone, learned from `Intl` once per year of simulated time and then read
 * by binary search: `Intl` is far too slow for a hot loop.
 */
export class ZoneClock {
  private readonly format: Intl.DateTimeFormat | null;
  private readonly fixedOffset: number;
  /** Sorted instants from which `offsets[i]` applies. */
  private times: number[] = [];
  private offsets: number[] = [];
  private lo = Number.POSITIVE_INFINITY;
  private hi = Number.NEGATIVE_INFINITY;

  constructor(readonly zone: string) {
    if (zone === 'UTC' || zone === 'Etc/UTC' || zone === 'GMT') {
      this.format = null;
      this.fixedOffset = 0;
    } else {
      this.format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      });
      this.fixedOffset = Number.NaN;
    }
  }

  private intlOffset(t: number): number {
    const format = this.format as Intl.DateTimeFormat;
    const at = Math.floor(t / MINUTE_MS) * MINUTE_MS;
    let y = 0;
    let mo = 0;
    let d = 0;
    let h = 0;
    let mi = 0;
    for (const part of format.formatToParts(at)) {
      if (part.type === 'year') y = Number(part.value);
      else if (part.type === 'month') mo = Number(part.value);
      else if (part.type === 'day') d = Number(part.value);
      else if (part.type === 'hour') h = Number(part.value);
      else if (part.type === 'minute') mi = Number(part.value);
    }
    return Date.UTC(y, mo - 1, d, h, mi) - at;
  }

  private learn(from: number, to: number): void {
    const times: number[] = [];
    const offsets: number[] = [];
    let prev = this.intlOffset(from);
    times.push(from);
    offsets.push(prev);
    for (let t = from + WEEK_MS; t < to + WEEK_MS; t += WEEK_MS) {
      const o = this.intlOffset(t);
      if (o !== prev) {
        // Bisect to the minute of the change.
        let a = t - WEEK_MS;
        let b = t;
        while (b - a > MINUTE_MS) {
          const mid = Math.floor((a + b) / 2 / MINUTE_MS) * MINUTE_MS;
          if (mid <= a || mid >= b) break;
          if (this.intlOffset(mid) === prev) a = mid;
          else b = mid;
        }
        times.push(b);
        offsets.push(o);
        prev = o;
      }
    }
    this.merge(from, to, times, offsets);
  }

  private merge(from: number, to: number, times: number[], offsets: number[]): void {
    const all = new Map<number, number>();
    for (let i = 0; i < this.times.length; i++)
      all.set(this.times[i] as number, this.offsets[i] as number);
    for (let i = 0; i < times.length; i++) all.set(times[i] as number, offsets[i] as number);
    const keys = [...all.keys()].sort((a, b) => a - b);
    this.times = [];
    this.offsets = [];
    for (const k of keys) {
      const o = all.get(k) as number;
      if (this.offsets.length > 0 && this.offsets[this.offsets.length - 1] === o) continue;
      this.times.push(k);
      this.offsets.push(o);
    }
    this.lo = Math.min(this.lo, from);
    this.hi = Math.max(this.hi, to);
  }

  /** Milliseconds to add to a UTC instant to get local wall-clock time. */
  offsetAt(t: number): number {
    if (this.format === null) return this.fixedOffset;
    if (t < this.lo || t >= this.hi) {
      const from = Math.floor(t / CHUNK_MS) * CHUNK_MS;
      this.learn(from, from + CHUNK_MS);
    }
    const times = this.times;
    let lo = 0;
    let hi = times.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((times[mid] as number) <= t) lo = mid;
      else hi = mid - 1;
    }
    return this.offsets[lo] as number;
  }

  /** Local wall-clock time of a UTC instant, as ms since 1970-01-01T00:00 local. */
  toLocal(t: number): number {
    return t + this.offsetAt(t);
  }

  /**
   * The UTC instant of a local wall-clock time (spec §2). A time skipped by a spring-forward
   * change means the first instant after the gap, i.e. the instant of the change itself (02:30 on
   * a New York spring-forward day is 03:00 EDT); a repeated time takes its first occurrence.
   */
  fromLocal(local: number): number {
    const before = local - this.offsetAt(local - DAY_MS);
    const after = local - this.offsetAt(local + DAY_MS);
    const beforeOk = this.toLocal(before) === local;
    const afterOk = this.toLocal(after) === local;
    if (beforeOk && afterOk) return Math.min(before, after);
    if (afterOk) return after;
    if (beforeOk) return before;
    // In a gap the offset grows, so `after` (read with the new offset) lies before the change
    // and `before` after it: the change is the first offset change in (after, before].
    return this.changeIn(after, before);
  }

  /** The first instant in `(from, to]` at which the offset changes (`to` if none is known). */
  private changeIn(from: number, to: number): number {
    this.offsetAt(from);
    this.offsetAt(to);
    const times = this.times;
    for (let i = 1; i < times.length; i++) {
      const t = times[i] as number;
      if (t > from && t <= to && this.offsets[i] !== this.offsets[i - 1]) return t;
    }
    return to;
  }
}

/**
 * Zone clocks by name, shared by every run in this thread: offsets depend only on the zone, so
 * what one run learned from `Intl` serves the next.
 */
const CLOCKS = new Map<string, ZoneClock>();

function clockFor(zone: string): ZoneClock {
  let clock = CLOCKS.get(zone);
  if (clock === undefined) {
    clock = new ZoneClock(zone);
    CLOCKS.set(zone, clock);
  }
  return clock;
}

/** Resolves profiles' zones: their own, else the journey's default, else UTC (spec §2). */
export class ZoneRegistry {
  private readonly known = new Map<string, ZoneClock>();
  readonly fallback: ZoneClock;

  constructor(defaultZone: string) {
    this.fallback = clockFor(isValidTimeZone(defaultZone) ? defaultZone : 'UTC');
  }

  /** The clock of a profile's zone. */
  get(zone: string | undefined): ZoneClock {
    if (zone === undefined || zone === '') return this.fallback;
    let clock = this.known.get(zone);
    if (clock === undefined) {
      clock = isValidTimeZone(zone) ? clockFor(zone) : this.fallback;
      this.known.set(zone, clock);
    }
    return clock;
  }
}

/** Local day number (days since 1970-01-01 local) and the weekday, Monday = 0. */
export function localDay(local: number): number {
  return Math.floor(local / DAY_MS);
}

/** Weekday of a local day number, Monday = 0 … Sunday = 6. */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}
