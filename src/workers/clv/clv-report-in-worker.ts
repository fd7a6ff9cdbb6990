import type { ClvReport } from '../../domain/forecast/clv-fit-report.ts';
import { runPool } from '../shared/pool.ts';
import { runClvReport, type ClvReportRequest } from './clv-report-host.ts';

function readReport(data: unknown): ClvReport | null {
  return typeof data === 'object' && data !== null && typeof (data as ClvReport).ok === 'boolean'
    ? (data as ClvReport)
    : null;
}

/**
 * Fits a CLV report in a module worker (in-process where workers do not exist, as under
 * jsdom); aborting terminates the worker.
 */
export function clvReportInWorker(
  request: ClvReportRequest,
  signal?: AbortSignal,
): Promise<ClvReport> {
  if (typeof Worker === 'undefined') return Promise.resolve(runClvReport(request));
  return runPool<ClvReport, ClvReport>({
    requests: [request],
    createWorker: () =>
      new Worker(new URL('./clv-report.worker.ts', import.meta.url), { type: 'module' }),
    name: 'The CLV worker',
    signal,
    abortError: () => new DOMException('The CLV fit was cancelled', 'AbortError'),
    read: readReport,
    onEvent: (report, _partition, control) => control.resolve(report),
  });
}
