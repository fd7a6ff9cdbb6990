/** Milliseconds in a 24-hour day. */
export const DAY_MS = 86_400_000;
/** Milliseconds in an hour. */
export const HOUR_MS = 3_600_000;

/** Formats epoch milliseconds as a UTC calendar date, `YYYY-MM-DD`. */
export function toIsoDate(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let text = isoDateCache.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    // Generators and importers format the same few thousand days again and again.
    if (isoDateCache.size < 100_000) isoDateCache.set(day, text);
  }
  return text;
}
const isoDateCache = new Map<number, string>();

/** Midnight UTC of a calendar date, or undefined if the date does not exist. */
export function utcMidnight(year: number, month: number, day: number): number | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day))
    return undefined;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  // Date.UTC rolls 31 April over to 1 May: a real date survives the round trip.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return undefined;
  }
  return ms;
}
