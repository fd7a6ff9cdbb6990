import type { WorkerLike } from './worker-scope.ts';

/** Where a pool run gets its workers, and what it does with them after. */
export interface WorkerLease {
  /** The worker for partition `index`. */
  take(index: number): WorkerLike;
  /** The run ended well and the worker is idle: it may serve another run. */
  release(worker: WorkerLike): void;
  /** The run failed or was aborted: the worker may still be busy, so it is ended. */
  discard(worker: WorkerLike): void;
}

/** A worker per run, ended with it: nothing is kept between runs. */
export function oneOffWorkers(create: () => WorkerLike, cancelMessage?: unknown): WorkerLease {
  const end = (worker: WorkerLike): void => {
    if (cancelMessage !== undefined) worker.postMessage(cancelMessage);
    worker.terminate();
  };
  return { take: () => create(), release: end, discard: end };
}

/**
 * Long-lived workers of one kind, one per slot, reused run after run so that what a worker keeps
 * in memory (the decoded profile sets of `set-cache.ts`) serves the next run: partition `i` of a
 * run always goes to slot `i`, whose worker holds that part of the set from the run before. A
 * slot whose worker is still busy (two runs at once) lends a fresh worker for that run only. A
 * worker is ended when its run fails or is aborted (it may be mid-work), and its slot is filled
 * again on next use.
 */
export class KeptWorkers {
  private readonly slots: (WorkerLike | undefined)[] = [];
  private readonly busy = new Set<WorkerLike>();
  /** Where replies to work ahead go: the handler of the last `post` that gave one. */
  private replies: ((data: unknown) => void) | undefined;

  constructor(
    private readonly create: () => WorkerLike,
    private readonly cancelMessage?: unknown,
  ) {}

  /** A lease for one run. */
  lease(): WorkerLease {
    return {
      take: (index) => {
        const worker = this.slot(index);
        if (this.busy.has(worker)) return this.create(); // given back as a stranger: ended
        this.busy.add(worker);
        return worker;
      },
      release: (worker) => {
        if (!this.busy.delete(worker)) {
          this.end(worker);
          return;
        }
        this.idle(worker);
      },
      discard: (worker) => {
        this.busy.delete(worker);
        const index = this.slots.indexOf(worker);
        if (index >= 0) this.slots[index] = undefined;
        this.end(worker);
      },
    };
  }

  /**
   * Posts one message to each of the first `messages.length` slots' workers, busy or not, for
   * work ahead of a run (reading a set ahead). Starts the workers it needs. What an idle worker
   * posts back goes to `onReply` until another `post` with `onReply` replaces it; while a run
   * has the worker, the run's handler gets it and must tell such replies from its own, handing
   * them on with {@link replyAhead} (a worker busy when the page asks replies when it can).
   */
  post(messages: readonly unknown[], onReply?: (data: unknown) => void): void {
    if (onReply !== undefined) this.replies = onReply;
    messages.forEach((message, index) => {
      const worker = this.slot(index);
      worker.postMessage(message);
    });
  }

  /** Hands on a reply to work ahead that a run's handler got (see {@link post}). */
  replyAhead(data: unknown): void {
    this.replies?.(data);
  }

  /** Ends every worker (e.g. in tests, or to free their memory). */
  close(): void {
    for (const worker of this.slots) if (worker !== undefined) this.end(worker);
    this.slots.length = 0;
    this.busy.clear();
  }

  private slot(index: number): WorkerLike {
    let worker = this.slots[index];
    if (worker === undefined) {
      worker = this.create();
      this.slots[index] = worker;
      this.idle(worker);
    }
    return worker;
  }

  /** Between runs a worker's messages are replies to work ahead; if it fails it leaves its slot. */
  private idle(worker: WorkerLike): void {
    worker.onmessage = (event: MessageEvent) => this.replies?.(event.data);
    worker.onmessageerror = null;
    worker.onerror = () => {
      const index = this.slots.indexOf(worker);
      if (index >= 0 && !this.busy.has(worker)) {
        this.slots[index] = undefined;
        this.end(worker);
      }
    };
  }

  private end(worker: WorkerLike): void {
    if (this.cancelMessage !== undefined) worker.postMessage(this.cancelMessage);
    worker.terminate();
  }
}
