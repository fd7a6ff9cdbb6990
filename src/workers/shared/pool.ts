import { oneOffWorkers, type WorkerLease } from './kept-workers.ts';
import { workerFailureError } from './worker-failure.ts';
import type { WorkerLike } from './worker-scope.ts';

/** Workers to use: the cores reported, at least 1 and at most 4, never more than the items. */
export function workerCount(requested: number | undefined, items: number): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 1;
  const n = Math.max(1, Math.min(4, Math.floor(requested ?? cores ?? 1)));
  return Math.max(1, Math.min(n, items));
}

/** Splits items into `parts` contiguous slices whose sizes differ by at most one. */
export function splitProfiles<T>(items: readonly T[], parts: number): T[][] {
  const out: T[][] = [];
  const size = Math.floor(items.length / parts);
  let extra = items.length % parts;
  let from = 0;
  for (let i = 0; i < parts; i++) {
    const to = from + size + (extra > 0 ? 1 : 0);
    if (extra > 0) extra--;
    out.push(items.slice(from, to));
    from = to;
  }
  return out;
}

/** How a pool's message handler ends the run. */
export interface PoolControl<T> {
  /** Ends the run with a value: every worker is asked to stop and terminated. */
  resolve(value: T): void;
  /** Ends the run with an error, the same way. */
  fail(error: unknown): void;
}

/** One run over a pool of workers. */
export interface PoolOptions<Message, T> {
  /** One message per worker; worker i gets `requests[i]` (its partition). */
  requests: readonly unknown[];
  /** Makes a worker per request, ended with the run; unused when `lease` is given. */
  createWorker?: () => WorkerLike;
  /** Where the workers come from and go back to (kept workers); default one-off workers. */
  lease?: WorkerLease | undefined;
  /** The workers as named in failure messages, e.g. "A forecast worker". */
  name: string;
  /** Aborting terminates every worker and rejects with `abortError()`. */
  signal?: AbortSignal | undefined;
  abortError: () => DOMException;
  /** Sent to every one-off worker before it is terminated, so an in-process one stops too. */
  cancelMessage?: unknown;
  /** Checks a worker's message; null: not one of ours, and the run fails. */
  read: (data: unknown) => Message | null;
  /** Handles a checked message of worker `partition`; ends the run through `control`. */
  onEvent: (event: Message, partition: number, control: PoolControl<T>, worker: WorkerLike) => void;
}

/**
 * Starts one worker per request and hands their checked messages to `onEvent` until it ends the
 * run. A worker that fails (its script did not load, it threw, a message could not be read), an
 * unexpected message or an abort ends the run at once and ends every worker; a run that ends
 * well gives its workers back to the lease (kept workers serve the next run).
 */
export function runPool<Message, T>(options: PoolOptions<Message, T>): Promise<T> {
  const { signal, name } = options;
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(options.abortError());
      return;
    }
    const lease =
      options.lease ??
      oneOffWorkers(
        options.createWorker ??
          (() => {
            throw new Error('runPool needs createWorker or a lease');
          }),
        options.cancelMessage,
      );
    const workers: WorkerLike[] = [];
    let settled = false;
    const stop = (ok: boolean): void => {
      for (const w of workers) {
        if (ok) lease.release(w);
        else lease.discard(w);
      }
      signal?.removeEventListener('abort', onAbort);
    };
    const control: PoolControl<T> = {
      resolve(value) {
        if (settled) return;
        settled = true;
        stop(true);
        resolve(value);
      },
      fail(error) {
        if (settled) return;
        settled = true;
        stop(false);
        reject(error);
      },
    };
    const onAbort = (): void => control.fail(options.abortError());
    signal?.addEventListener('abort', onAbort, { once: true });
    options.requests.forEach((request, partition) => {
      const worker = lease.take(partition);
      workers.push(worker);
      const failed = (event: Event): void => control.fail(workerFailureError(name, event));
      worker.onerror = failed;
      worker.onmessageerror = failed;
      worker.onmessage = (event: MessageEvent) => {
        if (settled) return;
        const message = options.read(event.data);
        if (message === null)
          return control.fail(new Error(`unexpected message from ${name.toLowerCase()}`));
        options.onEvent(message, partition, control, worker);
      };
      worker.postMessage(request);
    });
  });
}
