import { hostForecast, type ForecastWorkerScope } from './forecast-host.ts';
import type { ForecastWorkerLike } from './run-forecast.ts';

/**
 * A forecast "worker" on the calling thread, for tests, benches and environments without Web
 * Workers: the same host code behind the same message interface, messages delivered on later turns.
 */
export function inProcessForecastWorker(): ForecastWorkerLike {
  let terminated = false;
  const scope: ForecastWorkerScope = {
    onmessage: null,
    onmessageerror: null,
    postMessage(message: unknown) {
      if (terminated) return;
      setTimeout(() => {
        if (!terminated) worker.onmessage?.({ data: message } as MessageEvent);
      }, 0);
    },
  };
  const worker: ForecastWorkerLike = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage(message: unknown) {
      setTimeout(() => scope.onmessage?.({ data: message } as MessageEvent), 0);
    },
    terminate() {
      terminated = true;
      scope.onmessage?.({ data: { type: 'cancel' } } as MessageEvent);
    },
  };
  hostForecast(scope);
  return worker;
}
