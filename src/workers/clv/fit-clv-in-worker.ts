import { runClv, type ClvOutcome, type ClvRequest } from './clv-host.ts';
import { workerFailureMessage } from '../shared/worker-failure.ts';

/**
 * Runs a CLV fit in a module worker (in-process where workers do not exist, as under jsdom);
 * aborting terminates the worker.
 */
export function fitClvInWorker(request: ClvRequest, signal?: AbortSignal): Promise<ClvOutcome> {
  if (typeof Worker === 'undefined') return Promise.resolve(runClv(request));
  return new Promise<ClvOutcome>((resolve, reject) => {
    const worker = new Worker(new URL('./clv.worker.ts', import.meta.url), {
      type: 'module',
    });
    const onAbort = (): void => {
      worker.terminate();
      reject(new DOMException('The CLV fit was cancelled', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent) => {
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
      resolve(event.data as ClvOutcome);
    };
    const fail = (event: Event): void => {
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
      reject(new Error(workerFailureMessage('The CLV worker', event)));
    };
    worker.onerror = fail;
    worker.onmessageerror = fail;
    worker.postMessage(request);
  });
}
