import type { WorkerLike } from '../shared/worker-scope.ts';
import type { StoredSetRef } from '../simulation/simulation-protocol.ts';
import type { ForecastWorkerRequest } from './forecast-protocol.ts';

/** Idle workers are ended after this long, so a page left open does not hold their sets. */
const IDLE_MS = 5 * 60_000;

/**
 * The page's forecast workers, kept between runs: each keeps the part of the stored set it read
 * (the workers' set cache), so the next forecast or the sensitivity over the same set starts
 * from memory, and a kept worker has its code loaded already. Worker `i` always reads part `i`,
 * so a set read ahead by {@link KeptForecastWorkers.readAhead} is the one the run needs.
 */
export class KeptForecastWorkers {
  private idle: WorkerLike[] = [];
  /** Workers are out on a run (taken, not yet kept again). */
  private busy = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly create: () => WorkerLike) {}

  /** `n` workers in partition order, kept ones first; they are no longer idle. */
  take(n: number): WorkerLike[] {
    this.stopTimer();
    this.busy = true;
    const taken = this.idle.slice(0, n);
    for (const extra of this.idle.slice(n)) extra.terminate();
    this.idle = [];
    while (taken.length < n) taken.push(this.create());
    return taken;
  }

  /** Workers that finished a run, in partition order, kept for the next. */
  keep(workers: readonly WorkerLike[]): void {
    for (const extra of this.idle) extra.terminate();
    this.idle = [...workers];
    this.busy = false;
    this.stopTimer();
    this.timer = setTimeout(() => this.end(), IDLE_MS);
  }

  /**
   * Has `parts` idle workers read their parts of `set` into their caches, while the strategist
   * is still choosing what to run: a forecast then starts simulating at once. Nothing while a
   * run has the workers (a run that ends without keeping them, cancelled or failed, clears that
   * through {@link ended}).
   */
  readAhead(set: StoredSetRef, parts: number): void {
    if (this.busy) return;
    const workers = this.take(parts);
    workers.forEach((worker, partition) =>
      worker.postMessage({
        type: 'read-ahead',
        set,
        parts,
        partition,
      } satisfies ForecastWorkerRequest),
    );
    this.keep(workers);
  }

  /** A run ended without keeping its workers: they were ended. */
  ended(): void {
    this.busy = false;
  }

  /** Ends every idle worker. */
  end(): void {
    this.stopTimer();
    for (const worker of this.idle) worker.terminate();
    this.idle = [];
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
