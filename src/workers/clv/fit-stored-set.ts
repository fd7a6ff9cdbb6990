import { clvReportSteps, type CalibrationChoice } from '../../domain/forecast/clv-fit-report.ts';
import type { ClvReport } from '../../domain/forecast/clv-fit-report.ts';
import { createClvFitCache } from '../../storage/clv-fit-cache.ts';
import type { WayfinderDb } from '../../storage/db.ts';
import { createProfileRepo } from '../../storage/profile-repo.ts';
import { errorMessage } from '../shared/worker-scope.ts';
import { fitCancelled, runInSlices } from './run-in-slices.ts';

/** A stored set's CLV report and the set version it was fitted on (null: the set is gone). */
export interface StoredSetFit {
  setVersion: string | null;
  report: ClvReport;
}

/** The version a fit is cached under: the set's `updatedAt`, changed by every write to it. */
export const setVersionOf = (set: { updatedAt: number }): string => String(set.updatedAt);

function failed(message: string): ClvReport {
  return { ok: false, message, calibrationEnd: null, warnings: [] };
}

/** How a stored set's fit is run. */
export interface FitStoredSetOptions {
  /** The clock the cache's `savedAt` reads. */
  now?: () => number;
  /** Aborting stops the fit where it is (see `runInSlices`) and caches nothing. */
  signal?: AbortSignal | undefined;
}

/**
 * Reads a stored profile set, fits its CLV report at a calibration choice and caches the report
 * under the set version it read (where the page's profiles live: in a worker, nothing is copied
 * to or from the page but the report). A set that changes while it is read is read again, so a
 * fit is never cached under a version whose profiles it did not see. Throws only an
 * `AbortError`, when `signal` stopped it: anything else that stops the fit is a failed report.
 */
export async function fitStoredSet(
  db: WayfinderDb,
  setId: string,
  calibration: CalibrationChoice,
  { now = Date.now, signal }: FitStoredSetOptions = {},
): Promise<StoredSetFit> {
  const repo = createProfileRepo(db);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      const before = await repo.getProfileSet(setId);
      if (before === undefined) return { setVersion: null, report: failed('the set is gone') };
      const profiles = await repo.readProfileSet(setId);
      const after = await repo.getProfileSet(setId);
      if (after === undefined) return { setVersion: null, report: failed('the set is gone') };
      if (setVersionOf(after) !== setVersionOf(before)) continue;
      const report = await runInSlices(clvReportSteps(profiles, calibration), signal);
      const setVersion = setVersionOf(after);
      // A failed store only costs the next visit a refit: the report is still given back.
      await createClvFitCache(db)
        .put(setId, setVersion, calibration, report, now())
        .catch(() => undefined);
      return { setVersion, report };
    }
    return { setVersion: null, report: failed('the set kept changing while it was read') };
  } catch (error) {
    if (signal?.aborted === true) throw fitCancelled();
    return { setVersion: null, report: failed(errorMessage(error)) };
  }
}
