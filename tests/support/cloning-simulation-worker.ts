import type { WorkerLike } from '../../src/workers/shared/worker-scope.ts';
import { hostSimulation } from '../../src/workers/simulation/simulation-host.ts';
import type { SetLoader } from '../../src/workers/simulation/set-loader.ts';

/**
 * A simulation worker as the browser gives one, on this thread: every message is structured-
 * cloned and delivered on a later turn, both ways; it reads stored sets through `loader`.
 */
export function cloningSimulationWorker(loader: SetLoader): WorkerLike {
  const scope = {
    onmessage: null as ((event: MessageEvent) => void) | null,
    postMessage: (message: unknown) =>
      setTimeout(() => worker.onmessage?.({ data: structuredClone(message) } as MessageEvent)),
  };
  hostSimulation(scope, loader);
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (message) =>
      setTimeout(() => scope.onmessage?.({ data: structuredClone(message) } as MessageEvent)),
    terminate: () => undefined,
  };
  return worker;
}
