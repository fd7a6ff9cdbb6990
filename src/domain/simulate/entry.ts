import { attributeReader } from '../conditions/attribute-paths.ts';
import { compileCondition, type ConditionPredicate } from '../conditions/compile-condition.ts';
import { DAY_MS } from '../conditions/time.ts';
import type { Spec, SpecStep } from '../compile/spec-schema.ts';
import type { ProfileEvent } from '../profiles/profile.ts';
import { civilFromDays, clampedDate, yearOfLocal } from './calendar.ts';
import { eventMatcher, firstAfter, firstAtOrAfter } from './event-match.ts';
import type { ProfileState } from './profile-state.ts';
import type { ZoneClock } from './zone-clock.ts';

const NONE = Number.POSITIVE_INFINITY;

/** A trigger compiled to "when may this profile enter next, at or after `after`?". */
export interface TriggerPlan {
  stepId: string;
  /** The first entry time in `[after, end)`, or Infinity. */
  nextAt(state: ProfileState, after: number, start: number, end: number): number;
  /** Why the profile entered, for traces. */
  describe(): string;
}

/** Parses `HH:MM` to ms after midnight. */
export function timeOfDayMs(text: string): number {
  const h = Number(text.slice(0, 2));
  const m = Number(text.slice(3, 5));
  return (h * 60 + m) * 60_000;
}

/** Year, month (1–12) and day of a `YYYY-MM-DD` text or an epoch number; null when unreadable. */
export function readDate(value: unknown, out: Int32Array): boolean {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const d = new Date(value);
    out[0] = d.getUTCFullYear();
    out[1] = d.getUTCMonth() + 1;
    out[2] = d.getUTCDate();
    return true;
  }
  if (typeof value !== 'string' || value.length < 10) return false;
  const y = Number(value.slice(0, 4));
  const m = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  if (!(y > 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return false;
  out[0] = y;
  out[1] = m;
  out[2] = d;
  return true;
}

function eventTrigger(step: Extract<SpecStep, { kind: 'event' }>): TriggerPlan {
  const match = eventMatcher(step.event, step.propertyFilters);
  return {
    stepId: step.id,
    nextAt(state, after, _start, end) {
      const events = state.profile.events;
      for (let i = firstAtOrAfter(events, after); i < events.length; i++) {
        const e = events[i] as ProfileEvent;
        if (e.at >= end) return NONE;
        if (match(e)) return e.at;
      }
      return NONE;
    },
    describe: () => `entered on ${step.event}`,
  };
}

function segmentTrigger(step: Extract<SpecStep, { kind: 'segment_entry' }>): TriggerPlan {
  const matches: ConditionPredicate = compileCondition(step.condition);
  return {
    stepId: step.id,
    nextAt(state, after, start, end) {
      // Enters when the condition turns true (spec §5.1): at the start for profiles that already
      // match, then at an event after which it holds while it did not before.
      let was = matches(state.view, state.context(start));
      if (was && after <= start) return start;
      const events = state.events;
      for (let i = firstAfter(events, start); i < events.length; i++) {
        const at = (events[i] as ProfileEvent).at;
        if (at >= end) return NONE;
        if (i + 1 < events.length && (events[i + 1] as ProfileEvent).at === at) continue;
        const now = matches(state.view, state.context(at));
        if (now && !was && at >= after) return at;
        was = now;
      }
      return NONE;
    },
    describe: () => 'started matching the segment',
  };
}

function dateTrigger(step: Extract<SpecStep, { kind: 'date_attribute' }>): TriggerPlan {
  const read = attributeReader(step.attribute);
  const shift = (step.direction === 'before' ? -step.offsetDays : step.offsetDays) * DAY_MS;
  const localMs = timeOfDayMs(step.localTime);
  const parts = new Int32Array(3);
  const scratch = new Int32Array(3);
  return {
    stepId: step.id,
    nextAt(state, after, _start, end) {
      if (!readDate(read(state.view), parts)) return NONE;
      const zone = state.zone();
      const y = parts[0] as number;
      const m = parts[1] as number;
      const d = parts[2] as number;
      if (step.recurrence === 'once') {
        const t = zone.fromLocal(clampedDate(y, m, d) + shift + localMs);
        return t >= after && t < end ? t : NONE;
      }
      const fromYear = yearOfLocal(after, scratch) - 1;
      const toYear = yearOfLocal(end, scratch) + 1;
      for (let year = Math.max(fromYear, y); year <= toYear; year++) {
        const t = zone.fromLocal(clampedDate(year, m, d) + shift + localMs);
        if (t >= end) return NONE;
        if (t >= after) return t;
      }
      return NONE;
    },
    describe: () => `entered on ${step.attribute} (${step.recurrence})`,
  };
}

/**
 * Occurrences of a schedule in `[start, end)` for one zone: the local wall-clock time of `at`,
 * repeated every day, 7 days or month (day clamped to the month's end) in that zone.
 */
export function scheduleTimes(
  at: string,
  recurrence: 'once' | 'daily' | 'weekly' | 'monthly',
  zone: ZoneClock,
  start: number,
  end: number,
): number[] {
  const first = Date.parse(at);
  if (Number.isNaN(first)) return [];
  const local = zone.toLocal(first);
  const day = Math.floor(local / DAY_MS);
  const timeMs = local - day * DAY_MS;
  const parts = new Int32Array(3);
  civilFromDays(day, parts);
  const out: number[] = [];
  for (let k = 0, t = first; t < end && k < 100_000; k++) {
    if (t >= start) out.push(t);
    if (recurrence === 'once') break;
    const nextDay =
      recurrence === 'monthly'
        ? clampedDate(parts[0] as number, (parts[1] as number) + k + 1, parts[2] as number)
        : (day + (k + 1) * (recurrence === 'daily' ? 1 : 7)) * DAY_MS;
    t = zone.fromLocal(nextDay + timeMs);
  }
  return out;
}

function scheduledTrigger(
  step: Extract<SpecStep, { kind: 'scheduled_audience' }>,
  start: number,
  end: number,
): TriggerPlan {
  const audience = compileCondition(step.audience);
  const byZone = new Map<ZoneClock, number[]>();
  return {
    stepId: step.id,
    nextAt(state, after) {
      const zone = state.zone();
      let times = byZone.get(zone);
      if (times === undefined) {
        times = scheduleTimes(step.at, step.recurrence, zone, start, end);
        byZone.set(zone, times);
      }
      for (let i = 0; i < times.length; i++) {
        const t = times[i] as number;
        if (t >= after && audience(state.view, state.context(t))) return t;
      }
      return NONE;
    },
    describe: () => 'entered with the scheduled audience',
  };
}

/** Compiles the spec's triggers, in `spec.entry` order. */
export function compileTriggers(spec: Spec, start: number, end: number): TriggerPlan[] {
  const out: TriggerPlan[] = [];
  for (const id of spec.entry) {
    const step = spec.steps[id];
    if (step === undefined) continue;
    switch (step.kind) {
      case 'event':
        out.push(eventTrigger(step));
        break;
      case 'segment_entry':
        out.push(segmentTrigger(step));
        break;
      case 'date_attribute':
        out.push(dateTrigger(step));
        break;
      case 'scheduled_audience':
        out.push(scheduledTrigger(step, start, end));
        break;
      default:
        break;
    }
  }
  return out;
}
