import { dateFormat, numberFormat } from '../../i18n/format-locale.ts';
import { formatDay } from '../../ui/kpi/format-day.ts';

/** 12345 → "12,345". */
export function formatCount(n: number): string {
  return numberFormat({}).format(n);
}

/** "1 profile", "12,345 profiles". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/**
 * Epoch ms → a date and time in the app's language, at UTC and saying so ("Mar 9, 2024, 2:05 PM
 * UTC"; "9 mars 2024, 14:05 UTC"): a set's events are stored in UTC, whatever the reader's zone.
 */
export function formatDateTime(ms: number): string {
  return dateFormat({
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(ms);
}

/** Epoch ms → a short local date and time for "updated" columns. */
export function formatWhen(ms: number): string {
  return dateFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/**
 * A stored calendar day (`YYYY-MM-DD`) in the app's language (Mar 14, 2026; 14 mars 2026); a
 * value no calendar has (2026-13-01, passed by an older import) is shown as stored, not hidden.
 */
export function formatStoredDay(isoDay: string): string {
  return Number.isNaN(Date.parse(isoDay)) ? isoDay : formatDay(isoDay);
}
