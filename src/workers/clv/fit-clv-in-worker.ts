import { runClv, type ClvOutcome, type ClvRequest } from '../../domain/forecast/clv-report.ts';
import { runPool } from '../shared/pool.ts';

function readOutcome(data: unknown): ClvOutcome | null {
  return typeof data === 'object' && data !== null && typeof (data as ClvOutcome).ok === 'boolean'
    ? (data as ClvOutcome)
    : null;
}

/**
 * Runs a CLV fit in a module worker (in-process where workers do not exist, as under jsdom);
 * aborting terminates the worker.
 */
export function fitClvInWorker(request: ClvRequest, signal?: AbortSignal): Promise<ClvOutcome> {
  if (typeof Worker === 'undefined') return Promise.resolve(runClv(request));
  return runPool<ClvOutcome, ClvOutcome>({
    requests: [request],
    createWorker: () => new Worker(new URL('./clv.worker.ts', import.meta.url), { type: 'module' }),
    name: 'The CLV worker',
    signal,
    abortError: () => new DOMException('The CLV fit was cancelled', 'AbortError'),
    read: readOutcome,
    onEvent: (outcome, _partition, control) => control.resolve(outcome),
  });
}
