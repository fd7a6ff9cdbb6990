import { DAY_MS } from '../conditions/time.ts';
import { civilFromDays, clampedDate } from './calendar.ts';
import type { ZoneClock } from './zone-clock.ts';

/** Parses `HH:MM` to ms after midnight. */
export function timeOfDayMs(text: string): number {
  const h = Number(text.slice(0, 2));
  const m = Number(text.slice(3, 5));
  return (h * 60 + m) * 60_000;
}

/** Year, month (1–12) and day of a `YYYY-MM-DD` text or an epoch number; false when unreadable. */
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
