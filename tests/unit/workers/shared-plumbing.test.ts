import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runPool } from '../../../src/workers/shared/pool.ts';
import { serve } from '../../../src/workers/shared/serve.ts';
import type { WorkerLike, WorkerScope } from '../../../src/workers/shared/worker-scope.ts';
import { hostSegmentCount } from '../../../src/workers/profiles/segment-host.ts';

function fakeScope(): WorkerScope & { posted: unknown[] } {
  const posted: unknown[] = [];
  return { onmessage: null, onmessageerror: null, posted, postMessage: (m) => posted.push(m) };
}

describe('serve', () => {
  const schema = z.object({ n: z.number() });

  it('hands a valid request on and answers an invalid one with a failure', () => {
    const scope = fakeScope();
    const handled: unknown[] = [];
    serve(scope, {
      schema,
      handle: (request) => handled.push(request),
      failure: (message) => ({ failed: message }),
      unreadable: 'unreadable',
    });
    scope.onmessage?.({ data: { n: 1 } } as MessageEvent);
    scope.onmessage?.({ data: { n: 'one' } } as MessageEvent);
    expect(handled).toEqual([{ n: 1 }]);
    expect(scope.posted).toEqual([{ failed: expect.stringMatching(/^invalid request: /) }]);
  });

  it('answers a message that could not be deserialised', () => {
    const scope = fakeScope();
    serve(scope, { schema, handle: () => undefined, failure: (m) => m, unreadable: 'lost' });
    scope.onmessageerror?.({} as MessageEvent);
    expect(scope.posted).toEqual(['lost']);
  });

  it('gives the segment worker a checked request: a bad condition is an error, not a crash', () => {
    const scope = fakeScope();
    hostSegmentCount(scope);
    scope.onmessage?.({ data: { id: 1, setId: 's', condition: 'all', now: 0 } } as MessageEvent);
    expect(scope.posted).toEqual([
      { id: -1, ok: false, message: expect.stringMatching(/^invalid request/) },
    ]);
  });
});

function scriptedWorker(log: string[], name: string, reply: unknown): WorkerLike {
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage(message) {
      log.push(`${name} got ${JSON.stringify(message)}`);
      if (message !== 'stop')
        queueMicrotask(() => worker.onmessage?.({ data: reply } as MessageEvent));
    },
    terminate: () => log.push(`${name} terminated`),
  };
  return worker;
}

describe('runPool', () => {
  const base = {
    name: 'A test worker',
    abortError: () => new DOMException('cancelled', 'AbortError'),
    cancelMessage: 'stop',
    read: (data: unknown) => (typeof data === 'number' ? data : null),
  };

  it('sends each worker its request and stops every worker once the run ends', async () => {
    const log: string[] = [];
    let n = 0;
    const sum: number[] = [];
    const result = await runPool<number, number>({
      ...base,
      requests: ['a', 'b'],
      createWorker: () => scriptedWorker(log, `w${n}`, 10 * ++n),
      onEvent(value, partition, control) {
        sum[partition] = value;
        if (sum.filter((v) => v !== undefined).length === 2) control.resolve(sum[0]! + sum[1]!);
      },
    });
    expect(result).toBe(30);
    expect(log).toEqual([
      'w0 got "a"',
      'w1 got "b"',
      'w0 got "stop"',
      'w0 terminated',
      'w1 got "stop"',
      'w1 terminated',
    ]);
  });

  it('fails on a message that is not one of ours, naming the worker', async () => {
    const log: string[] = [];
    const run = runPool<number, number>({
      ...base,
      requests: ['a'],
      createWorker: () => scriptedWorker(log, 'w', 'not a number'),
      onEvent: () => undefined,
    });
    await expect(run).rejects.toThrow('unexpected message from a test worker');
    expect(log).toContain('w terminated');
  });

  it('rejects at once when already aborted, starting no worker', async () => {
    let started = 0;
    const controller = new AbortController();
    controller.abort();
    const run = runPool<number, number>({
      ...base,
      requests: ['a'],
      signal: controller.signal,
      createWorker: () => {
        started++;
        return scriptedWorker([], 'w', 1);
      },
      onEvent: () => undefined,
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(started).toBe(0);
  });
});
