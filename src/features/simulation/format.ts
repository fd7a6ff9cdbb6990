import { dateFormat } from '../../i18n/format-locale.ts';
import { formatNumber } from '../../ui/kpi/format-number.ts';
import { formatUtcDay, formatUtcInstant } from '../../ui/kpi/format-day.ts';

/** 12345 → "12,345". */
export const count = (n: number): string => formatNumber(n, 'count');

/** Epoch ms → "2024-03-09" (UTC): for date inputs and files, not for reading. */
export function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Epoch ms → a simulated time in the app's language, at UTC and saying so. */
export const formatInstant = formatUtcInstant;

/** Epoch ms → a simulated day in the app's language, at UTC (Mar 9, 2024; 9 mars 2024). */
export const formatShownDay = formatUtcDay;

/** Epoch ms → a local date and time, for "when was this run". */
export function formatWhen(ms: number): string {
  return dateFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}
