import { runPool } from '../shared/pool.ts';
import type { WorkerLike } from '../shared/worker-scope.ts';

/**
 * Sends one request to a new CLV worker and resolves with its answer, checked by `read`; the
 * worker ends with the answer, a failure or an abort (which rejects with an `AbortError`, and
 * posts the worker `cancelMessage`, if any, before it is terminated).
 */
export function askClvWorker<T>(
  createWorker: () => WorkerLike,
  request: unknown,
  read: (data: unknown) => T | null,
  signal?: AbortSignal,
  cancelMessage?: unknown,
): Promise<T> {
  return runPool<T, T>({
    requests: [request],
    createWorker,
    name: 'The CLV worker',
    signal,
    cancelMessage,
    abortError: () => new DOMException('The CLV fit was cancelled', 'AbortError'),
    read,
    onEvent: (answer, _partition, control) => control.resolve(answer),
  });
}
