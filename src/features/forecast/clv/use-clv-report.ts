import { useEffect, useState } from 'react';
import { failureReasonOf, type FailureReason } from '../../../domain/failure/failure-reason.ts';
import type { CalibrationChoice, ClvReport } from '../../../domain/forecast/clv-fit-report.ts';
import { getAppDb } from '../../../storage/app-storage.ts';
import { createClvFitCache } from '../../../storage/clv-fit-cache.ts';
import { fitStoredSetOnce } from './clv-fits.ts';

/** Where a report came from: the IndexedDB cache, or a fit just made. */
export type ClvReportState =
  | { status: 'loading' }
  | { status: 'fitting' }
  | { status: 'done'; report: ClvReport; cached: boolean }
  | { status: 'failed'; reason: FailureReason };

/**
 * The CLV report of a profile set at a calibration choice: read from the IndexedDB cache when
 * this set version was fitted there before (the background fits of `clv-fits.ts` do so as soon
 * as a set changes, so a profile page opens at once), else fitted in a worker and stored, joining
 * a background fit of the same version already running. `setVersion` changes when the set's
 * profiles change, which refits.
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
    void (async () => {
      try {
        const cached = await createClvFitCache(getAppDb()).get(setId, setVersion, calibration);
        if (cached !== undefined) {
          if (live) setState({ status: 'done', report: cached, cached: true });
          return;
        }
        if (live) setState({ status: 'fitting' });
        const { report } = await fitStoredSetOnce(setId, setVersion, calibration);
        if (live) setState({ status: 'done', report, cached: false });
      } catch (error) {
        if (live) {
          setState({ status: 'failed', reason: failureReasonOf(error) });
        }
      }
    })();
    return () => {
      live = false;
    };
  }, [setId, setVersion, calibration]);
  return state;
}
