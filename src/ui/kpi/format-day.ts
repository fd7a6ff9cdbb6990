import { dateFormat } from '../../i18n/format-locale.ts';

/**
 * A calendar day stored as `YYYY-MM-DD`, written in the app's language (Jun 30, 1998;
 * 30 juin 1998). Read at UTC, where the string puts it, so no time zone moves it a day.
 */
export function formatDay(isoDay: string): string {
  return dateFormat({ dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(isoDay));
}

/** Epoch ms → its calendar day at UTC in the app's language (Mar 9, 2024; 9 mars 2024). */
export function formatUtcDay(ms: number): string {
  return dateFormat({ dateStyle: 'medium', timeZone: 'UTC' }).format(ms);
}

/**
 * Epoch ms → a date and time in the app's language, at UTC and saying so ("Mar 9, 2024, 2:05 PM
 * UTC"; "9 mars 2024, 14:05 UTC"): profiles' events and simulated times are kept in UTC,
 * whatever the reader's zone.
 */
export function formatUtcInstant(ms: number): string {
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
