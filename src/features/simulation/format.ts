import { dateFormat } from '../../i18n/format-locale.ts';
import { formatNumber } from '../../ui/kpi/format-number.ts';

/** 12345 → "12,345". */
export const count = (n: number): string => formatNumber(n, 'count');

/** Epoch ms → "2024-03-09" (UTC). */
export function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Epoch ms → "2024-03-09 14:05 UTC". */
export function formatInstant(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Epoch ms → a local date and time, for "when was this run". */
export function formatWhen(ms: number): string {
  return dateFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}
