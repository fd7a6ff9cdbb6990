// What the timed bench worker posts before each result; the bench page takes these messages out
// before the app's worker pool sees the rest.

/** How long one worker took to read and decode its part, and to simulate it. */
export interface PartTiming {
  type: 'bench-timing';
  partition: number;
  readMs: number;
  simulateMs: number;
}

export function isPartTiming(message: unknown): message is PartTiming {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'bench-timing'
  );
}
