import { inProcessWorker } from '../shared/in-process-worker.ts';
import type { WorkerLike } from '../shared/worker-scope.ts';
import { hostForecast } from './forecast-host.ts';
import type { ForecastWorkerRequest } from './forecast-protocol.ts';

/**
 * A forecast "worker" on the calling thread, for tests, benches and environments without Web
 * Workers: the same host code behind the same message interface.
 */
export function inProcessForecastWorker(): WorkerLike {
  return inProcessWorker(hostForecast, { type: 'cancel' } satisfies ForecastWorkerRequest);
}
