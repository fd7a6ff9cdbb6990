import type { WorkerLike, WorkerScope } from './worker-scope.ts';

/**
 * A "worker" on the calling thread, for tests, benches and environments without Web Workers:
 * the same host code behind the same message interface, messages delivered on later turns.
 * Terminating it sends the host `cancelMessage`, so work in flight stops as in a real worker.
 */
export function inProcessWorker(
  host: (scope: WorkerScope) => void,
  cancelMessage?: unknown,
): WorkerLike {
  let terminated = false;
  const scope: WorkerScope = {
    onmessage: null,
    onmessageerror: null,
    postMessage(message: unknown) {
      if (terminated) return;
      setTimeout(() => {
        if (!terminated) worker.onmessage?.({ data: message } as MessageEvent);
      }, 0);
    },
  };
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage(message: unknown) {
      setTimeout(() => scope.onmessage?.({ data: message } as MessageEvent), 0);
    },
    terminate() {
      terminated = true;
      if (cancelMessage !== undefined) scope.onmessage?.({ data: cancelMessage } as MessageEvent);
    },
  };
  host(scope);
  return worker;
}
