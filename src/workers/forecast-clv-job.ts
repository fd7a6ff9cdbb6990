import type { ClvReport } from '../domain/forecast/clv-report.ts';
import {
  runClv,
  runClvReport,
  type ClvOutcome,
  type ClvReportRequest,
  type ClvRequest,
} from './forecast-clv-host.ts';
import { workerFailureMessage } from './forecast-worker-failure.ts';

/**
 * Runs a CLV fit in a module worker (in-process where workers do not exist, as under jsdom);
 * aborting terminates the worker.
 */
export function fitClvInWorker(request: ClvRequest, signal?: AbortSignal): Promise<ClvOutcome> {
  if (typeof Worker === 'undefined') return Promise.resolve(runClv(request));
  return inWorker<ClvOutcome>(request, signal);
}

/** Fits a {@link ClvReport} in a module worker (in-process without workers); aborting terminates it. */
export function clvReportInWorker(
  request: Omit<ClvReportRequest, 'kind'>,
  signal?: AbortSignal,
): Promise<ClvReport> {
  const message: ClvReportRequest = { kind: 'report', ...request };
  if (typeof Worker === 'undefined') return Promise.resolve(runClvReport(message));
  return inWorker<ClvReport>(message, signal);
}

function inWorker<T>(request: unknown, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(new URL('./forecast-clv.worker.ts', import.meta.url), {
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
      resolve(event.data as T);
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
