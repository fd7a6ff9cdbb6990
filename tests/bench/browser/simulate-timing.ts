// What the timed bench worker posts before each result; the bench page takes these messages out
// before the app's worker pool sees the rest.

/**
 * How long one worker took to read and decode its part, and to simulate it; and when (epoch
 * ms, comparable across threads) its module was loaded, its request came, and its first batch
 * was in hand.
 */
export interface PartTiming {
  type: 'bench-timing';
  partition: number;
  readMs: number;
  simulateMs: number;
  loadedAt: number;
  askedAt: number;
  firstBatchAt: number;
}

export function isPartTiming(message: unknown): message is PartTiming {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'bench-timing'
  );
}

/** Now, in epoch ms: comparable between the page and its workers. */
export const epochNow = (): number => performance.timeOrigin + performance.now();
