import type { WayfinderDb } from '../../storage/db.ts';
import { askClvWorker } from './ask-clv-worker.ts';
import { CLV_CANCEL } from './clv-host.ts';
import { fitSetClv, type SetClvFit, type SetClvRequest } from './fit-set-clv.ts';

function readFit(data: unknown): SetClvFit | null {
  if (typeof data !== 'object' || data === null) return null;
  const { calibrationEnd, outcome } = data as Partial<SetClvFit>;
  const endOk = calibrationEnd === null || typeof calibrationEnd === 'string';
  return endOk && typeof outcome?.ok === 'boolean' ? (data as SetClvFit) : null;
}

/**
 * Fits the CLV models to a set stored in `db`, in a module worker that reads the set itself: the
 * page sends its id and never holds its profiles (in-process where workers do not exist, as under
 * jsdom). Aborting tells the worker to stop the fit where it is, then terminates it.
 */
export function fitClvInWorker(
  db: WayfinderDb,
  request: SetClvRequest,
  signal?: AbortSignal,
): Promise<SetClvFit> {
  if (typeof Worker === 'undefined') return fitSetClv(db, request, Date.now, signal);
  return askClvWorker(
    () => new Worker(new URL('./clv.worker.ts', import.meta.url), { type: 'module' }),
    { ...request, dbName: db.name },
    readFit,
    signal,
    CLV_CANCEL,
  );
}
