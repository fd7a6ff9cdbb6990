import { createSimulationPlan } from '../domain/simulate/plan.ts';
import { PartitionRun } from '../domain/simulate/simulate.ts';
import {
  forecastWorkerRequestSchema,
  type ForecastWorkerEvent,
} from './forecast-protocol.ts';
import { tallyTraces } from './forecast-tallies.ts';

/** The part of a worker's global scope the host uses (a fake one in tests and benches). */
export interface ForecastWorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
}

/** Profiles per slice: a cancel is noticed between slices. */
const SLICE = 5_000;

const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Serves forecast requests in a worker: keeps its share of the profiles and runs every
 * replication (seed `seed0 + r`) of every variant over it, posting each partial result with the
 * tallies of its traces; `cancel` stops at the next slice.
 */
export function hostForecast(scope: ForecastWorkerScope): void {
  let cancelled = false;
  const post = (event: ForecastWorkerEvent): void => scope.postMessage(event);
  scope.onmessage = (event: MessageEvent) => {
    const parsed = forecastWorkerRequestSchema.safeParse(event.data);
    if (!parsed.success) {
      post({
        type: 'error',
        partition: -1,
        message: `invalid request: ${parsed.error.issues[0]?.message ?? 'unknown'}`,
      });
      return;
    }
    const request = parsed.data;
    if (request.type === 'cancel') {
      cancelled = true;
      return;
    }
    const { partition, profiles, tracing } = request;
    void (async () => {
      try {
        for (let r = 0; r < request.replications; r++) {
          const traced = tracing.sample > 0 && (tracing.every || r === 0);
          for (const [v, variant] of request.variants.entries()) {
            const plan = createSimulationPlan(variant.spec, {
              ...variant.options,
              seed: request.seed0 + r,
              traceSample: traced ? tracing.sample : 0,
              traceProfileIds: [],
            });
            const run = new PartitionRun(plan, profiles, partition);
            while (!run.advance(SLICE)) {
              await nextTurn();
              if (cancelled) return;
            }
            const result = run.result();
            const tallies = traced ? tallyTraces(result, { profiles, cap: tracing.cap }) : null;
            result.traces = [];
            post({ type: 'replication', partition, replication: r, variant: v, result, tallies });
          }
          await nextTurn();
          if (cancelled) return;
        }
        post({ type: 'done', partition });
      } catch (error) {
        post({
          type: 'error',
          partition,
          message: error instanceof Error ? error.message : String(error),
        });
      }
    })();
  };
}
