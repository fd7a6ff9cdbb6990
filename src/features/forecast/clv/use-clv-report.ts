import { useEffect, useState } from 'react';
import type { CalibrationChoice, ClvReport } from '../../../domain/forecast/clv-fit-report.ts';
import { getAppDb } from '../../../storage/app-storage.ts';
import { createClvFitCache } from '../../../storage/clv-fit-cache.ts';
import { createProfileRepo } from '../../../storage/profile-repo.ts';
import { clvReportInWorker } from '../../../workers/clv/clv-report-in-worker.ts';

/** Where a report came from: the IndexedDB cache, or a fit just made. */
export type ClvReportState =
  | { status: 'loading' }
  | { status: 'fitting' }
  | { status: 'done'; report: ClvReport; cached: boolean }
  | { status: 'failed'; message: string };

/** Fits in flight, so two views of the same set and calibration share one fit. */
const pending = new Map<string, Promise<ClvReport>>();

async function fitAndStore(
  setId: string,
  setVersion: string,
  calibration: CalibrationChoice,
): Promise<ClvReport> {
  const db = getAppDb();
  const profiles = await createProfileRepo(db).readProfileSet(setId);
  const report = await clvReportInWorker({ profiles, calibration });
  // A failed store only costs the next visit a refit: the report is still shown.
  await createClvFitCache(db)
    .put(setId, setVersion, calibration, report, Date.now())
    .catch(() => undefined);
  return report;
}

/**
 * The CLV report of a profile set at a calibration choice: read from the IndexedDB cache when
 * this set version was fitted there before (so a profile page opens at once), else fitted in a
 * worker and stored. `setVersion` changes when the set's profiles change, which refits.
 */
export function useClvReport(
  setId: string | null,
  setVersion: string,
  calibration: CalibrationChoice,
): ClvReportState {
  const [state, setState] = useState<ClvReportState>({ status: 'loading' });
  useEffect(() => {
    if (setId === null) return;
    let live = true;
    setState({ status: 'loading' });
    const key = `${setId}|${setVersion}|${calibration}`;
    void (async () => {
      try {
        const cached = await createClvFitCache(getAppDb()).get(setId, setVersion, calibration);
        if (cached !== undefined) {
          if (live) setState({ status: 'done', report: cached, cached: true });
          return;
        }
        if (live) setState({ status: 'fitting' });
        let fit = pending.get(key);
        if (fit === undefined) {
          fit = fitAndStore(setId, setVersion, calibration).finally(() => pending.delete(key));
          pending.set(key, fit);
        }
        const report = await fit;
        if (live) setState({ status: 'done', report, cached: false });
      } catch (error) {
        if (live) {
          setState({
            status: 'failed',
            message: error instanceof Error ? error.message : String(error),
          });
        }
      }
    })();
    return () => {
      live = false;
    };
  }, [setId, setVersion, calibration]);
  return state;
}
