import { createSimulationPlan, reseedPlan } from '../../domain/simulate/plan.ts';
import { hashProfileIds, prepareProfiles } from '../../domain/simulate/prepared-profiles.ts';
import { hashMore } from '../../domain/simulate/seeded.ts';
import { PartitionRun } from '../../domain/simulate/simulate.ts';
import type { Profile } from '../../domain/profiles/profile.ts';
import {
  forecastWorkerRequestSchema,
  type ForecastWorkerEvent,
  type ParsedForecastWorkerRequest as ForecastWorkerRequest,
} from './forecast-protocol.ts';
import { serve } from '../shared/serve.ts';
import { errorMessage, nextTurn, type WorkerScope } from '../shared/worker-scope.ts';
import { tallyTraces } from '../../domain/forecast/trace-tallies.ts';

/** Profiles per slice; between slices the host yields (to notice a cancel) once YIELD_MS have passed. */
const SLICE = 5_000;
const YIELD_MS = 100;

/**
 * The profiles to trace: all when `sample` covers the share, else about `sample` picked by a
 * hash of the id (fixed across replications and unrelated to behaviour). Requested ids cost
 * nothing beyond their own traces, unlike the simulator's running smallest-key sample.
 */
export function tracedProfiles(
  profiles: readonly Profile[],
  sample: number,
  idHash: Uint32Array = hashProfileIds(profiles),
): Profile[] {
  if (sample <= 0) return [];
  if (sample >= profiles.length) return [...profiles];
  const threshold = (sample / profiles.length) * 4294967296;
  return profiles.filter((_, i) => hashMore(idHash[i] as number, ':forecast') < threshold);
}

/**
 * Serves forecast requests in a worker: keeps its share of the profiles and runs every
 * replication (seed `seed0 + r`) of every variant over it, posting each partial result with the
 * tallies of its traces; `cancel` stops at the next slice.
 */
export function hostForecast(scope: WorkerScope): void {
  let cancelled = false;
  const post = (event: ForecastWorkerEvent): void => scope.postMessage(event);
  const forecast = (request: Extract<ForecastWorkerRequest, { type: 'run' }>): void => {
    const { partition, profiles, tracing } = request;
    void (async () => {
      try {
        // Seed-independent work, once per forecast: hashes, each variant's plan, who enters when.
        const idHash = hashProfileIds(profiles);
        const sample = tracedProfiles(profiles, tracing.sample, idHash);
        const ids = sample.map((p) => p.id);
        // The tallies read the order history of the traced profiles only.
        const tally = { profiles: sample, cap: tracing.cap };
        const variants = request.variants.map((variant) => {
          const plan = createSimulationPlan(variant.spec, { ...variant.options, traceSample: 0 });
          return { plan, prepared: prepareProfiles(plan, profiles, idHash) };
        });
        for (let r = 0; r < request.replications; r++) {
          const traced = ids.length > 0 && (tracing.every || r === 0);
          for (const [v, variant] of variants.entries()) {
            const plan = reseedPlan(variant.plan, request.seed0 + r, traced ? ids : []);
            const run = new PartitionRun(plan, profiles, partition, variant.prepared);
            let yielded = performance.now();
            while (!run.advance(SLICE)) {
              if (performance.now() - yielded < YIELD_MS) continue;
              await nextTurn();
              if (cancelled) return;
              yielded = performance.now();
            }
            const result = run.result();
            const tallies = traced ? tallyTraces(result, tally) : null;
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
          message: errorMessage(error),
        });
      }
    })();
  };
  serve(scope, {
    schema: forecastWorkerRequestSchema,
    failure: (message): ForecastWorkerEvent => ({ type: 'error', partition: -1, message }),
    unreadable: 'A forecast worker could not read its request',
    handle(request) {
      if (request.type === 'cancel') cancelled = true;
      else forecast(request);
    },
  });
}
