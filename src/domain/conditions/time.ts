/** Milliseconds in a 24-hour day; delays and day windows count days this way. */
export const DAY_MS = 86_400_000;

/** Epoch ms of a `YYYY-MM-DD` date (UTC midnight) or of an epoch number; NaN when unreadable. */
export function toEpochMs(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value !== '') return Date.parse(value);
  return Number.NaN;
}

/** The UTC day number of an epoch time. */
export function dayNumber(ms: number): number {
  return Math.floor(ms / DAY_MS);
}
