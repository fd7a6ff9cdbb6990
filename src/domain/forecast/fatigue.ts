/**
 * Message-fatigue figures from counts: how often profiles hear from us, and how many go over
 * a frequency cap.
 */

const DAY_MS = 86_400_000;

/** Messages per profile per week: messages / profiles / (days / 7). 0 without profiles or time. */
export function messagesPerProfilePerWeek(
  messages: number,
  profiles: number,
  days: number,
): number {
  if (!(profiles > 0) || !(days > 0)) return 0;
  return (messages / profiles) * (7 / days);
}

/** Options for {@link shareOverCap}. */
export interface CapOptions {
  /** The most messages a profile should get per window. */
  cap: number;
}

/**
 * The share of profiles whose message count in a window exceeds the cap (strictly more than
 * `cap`), from one count per profile. 0 for an empty list.
 */
export function shareOverCap(countsPerProfile: readonly number[], options: CapOptions): number {
  if (countsPerProfile.length === 0) return 0;
  let over = 0;
  for (const count of countsPerProfile) if (count > options.cap) over++;
  return over / countsPerProfile.length;
}

/**
 * The most messages any rolling window of `windowDays` holds, from one profile's send times
 * (epoch ms, any order): the figure a frequency cap "at most n per w days" is checked against.
 */
export function maxMessagesInWindow(sendTimes: readonly number[], windowDays: number): number {
  const times = [...sendTimes].sort((a, b) => a - b);
  const width = windowDays * DAY_MS;
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= width) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
