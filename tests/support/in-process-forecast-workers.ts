import { afterAll, vi } from 'vitest';
import { inProcessForecastWorker } from '../../src/workers/forecast/in-process-forecast-worker.ts';

/**
 * For the file's tests, the page's kept forecast workers are made as in a browser, but run
 * in-process: `cores` of them (what `navigator.hardwareConcurrency` reports).
 */
export function keptForecastWorkersInProcess(cores = 2): void {
  vi.stubGlobal(
    'Worker',
    class {
      constructor() {
        return inProcessForecastWorker();
      }
    },
  );
  vi.stubGlobal('navigator', { hardwareConcurrency: cores });
  afterAll(() => vi.unstubAllGlobals());
}
