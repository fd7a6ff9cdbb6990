import { describe, expect, it } from 'vitest';
import { afterForegroundReads, foregroundRead } from '../../../src/storage/foreground-reads';

const turn = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('background work after foreground reads', () => {
  it('waits while a read a person waits for runs, and goes on once it has ended', async () => {
    let finish: () => void = () => undefined;
    const read = foregroundRead(new Promise<void>((resolve) => (finish = resolve)));
    let started = false;
    const background = afterForegroundReads(5).then(() => (started = true));
    await turn(60);
    expect(started).toBe(false);
    finish();
    await read;
    await background;
    expect(started).toBe(true);
  });

  it('waits for every read that runs, not only the first to end', async () => {
    const finish: (() => void)[] = [];
    const reads = [0, 1].map(() =>
      foregroundRead(new Promise<void>((resolve) => finish.push(resolve))),
    );
    let started = false;
    const background = afterForegroundReads(1).then(() => (started = true));
    finish[0]?.();
    await reads[0];
    await turn(30);
    expect(started).toBe(false);
    finish[1]?.();
    await background;
    expect(started).toBe(true);
  });

  it('counts a failed read as ended', async () => {
    const read = foregroundRead(Promise.reject(new Error('damaged')));
    await expect(read).rejects.toThrow('damaged');
    await afterForegroundReads(5);
  });
});
