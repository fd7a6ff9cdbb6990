import type { CalibrationChoice } from '../../domain/forecast/clv-fit-report.ts';
import type { WayfinderDb } from '../../storage/db.ts';
import { askClvWorker } from './ask-clv-worker.ts';
import { CLV_REPORT_CANCEL } from './clv-report-host.ts';
import { fitStoredSet, type StoredSetFit } from './fit-stored-set.ts';

function readFit(data: unknown): StoredSetFit | null {
  if (typeof data !== 'object' || data === null) return null;
  const { setVersion, report } = data as Partial<StoredSetFit>;
  const versionOk = setVersion === null || typeof setVersion === 'string';
  return versionOk && typeof report?.ok === 'boolean' ? (data as StoredSetFit) : null;
}

/**
 * Fits and caches the CLV report of a set stored in `db`, in a module worker that reads the set
 * itself (in-process where workers do not exist, as under jsdom). Aborting tells the worker to
 * stop and terminates it: the fit stops at its next step (see `runInSlices`) and caches nothing.
 */
export function clvReportInWorker(
  db: WayfinderDb,
  request: { setId: string; calibration: CalibrationChoice },
  signal?: AbortSignal,
): Promise<StoredSetFit> {
  if (typeof Worker === 'undefined')
    return fitStoredSet(db, request.setId, request.calibration, { signal });
  return askClvWorker(
    () => new Worker(new URL('./clv-report.worker.ts', import.meta.url), { type: 'module' }),
    { ...request, dbName: db.name },
    readFit,
    signal,
    CLV_REPORT_CANCEL,
  );
}
