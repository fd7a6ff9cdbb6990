import { dateFormat, numberFormat } from '../../i18n/format-locale.ts';

/** 12345 → "12,345". */
export function formatCount(n: number): string {
  return numberFormat({}).format(n);
}

/** "1 profile", "12,345 profiles". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** Epoch ms → "2024-03-09 14:05" in UTC. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** Epoch ms → a short local date and time for "updated" columns. */
export function formatWhen(ms: number): string {
  return dateFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}
