import { afterEach, describe, expect, it, vi } from 'vitest';
import 'fake-indexeddb/auto';
import { hostClv } from '../../../src/workers/clv/clv-host.ts';
import { fitClvInWorker } from '../../../src/workers/clv/fit-clv-in-worker.ts';
import type { SetClvFit } from '../../../src/workers/clv/fit-set-clv.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { workerFailureMessage } from '../../../src/workers/shared/worker-failure.ts';

/** An `error` event as a browser fires it for an uncaught exception in the worker. */
function errorEvent(fields: Record<string, unknown>): Event {
  return Object.assign(new Event('error'), fields);
}

describe('workerFailureMessage', () => {
  it('gives the message of an uncaught exception and where it was thrown', () => {
    const event = errorEvent({
      message: 'Uncaught RangeError: no repeat buyers',
      filename: 'https://app.example/assets/forecast-clv.worker.js',
      lineno: 12,
    });
    expect(workerFailureMessage('The CLV worker', event)).toBe(
      'The CLV worker failed: Uncaught RangeError: no repeat buyers (https://app.example/assets/forecast-clv.worker.js:12)',
    );
  });

  it('falls back to the error object when the event has no message', () => {
    const event = errorEvent({ message: '', error: new TypeError('x is not a function') });
    expect(workerFailureMessage('The CLV worker', event)).toBe(
      'The CLV worker failed: x is not a function',
    );
  });

  it('says the script did not load for a plain error event, never "undefined"', () => {
    const text = workerFailureMessage('The CLV worker', new Event('error'));
    expect(text).toMatch(/^The CLV worker could not start: its script did not load/);
    expect(text).not.toContain('undefined');
  });

  it('names a message that could not be deserialised', () => {
    expect(workerFailureMessage('A forecast worker', new Event('messageerror'))).toBe(
      'A forecast worker failed: a message between the page and the worker could not be read',
    );
  });
});

/** A stand-in for `Worker` that fails the way a worker whose script did not load does. */
class FailingWorker {
  static last: FailingWorker | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onmessageerror: ((event: Event) => void) | null = null;
  terminated = false;

  constructor() {
    FailingWorker.last = this;
  }

  postMessage(): void {
    queueMicrotask(() => this.onerror?.(new Event('error')));
  }

  terminate(): void {
    this.terminated = true;
  }
}

describe('fitClvInWorker', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('rejects with what failed when the worker script does not load, and stops the worker', async () => {
    vi.stubGlobal('Worker', FailingWorker);
    const fit = fitClvInWorker(openWayfinderDb('clv-failure'), {
      setId: 'a-set',
      horizonWeeks: 52,
    });
    await expect(fit).rejects.toThrow(/^The CLV worker could not start: its script did not load/);
    expect(FailingWorker.last?.terminated).toBe(true);
  });

  it('rejects on a messageerror instead of waiting for ever', async () => {
    class UnreadableReply extends FailingWorker {
      override postMessage(): void {
        queueMicrotask(() => this.onmessageerror?.(new Event('messageerror')));
      }
    }
    vi.stubGlobal('Worker', UnreadableReply);
    const fit = fitClvInWorker(openWayfinderDb('clv-failure'), {
      setId: 'a-set',
      horizonWeeks: 52,
    });
    await expect(fit).rejects.toThrow('could not be read');
  });
});

describe('hostClv', () => {
  it('answers a request it could not deserialise with a failure', () => {
    const posted: unknown[] = [];
    const scope = {
      onmessage: null,
      onmessageerror: null as ((event: MessageEvent) => void) | null,
      postMessage: (message: unknown) => posted.push(message),
    };
    hostClv(scope);
    scope.onmessageerror?.(new MessageEvent('messageerror'));
    const { outcome } = posted[0] as SetClvFit;
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.message).toMatch(/could not read the request/);
  });
});
