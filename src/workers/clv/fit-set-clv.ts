import { runClvSteps, type ClvOutcome } from '../../domain/forecast/clv-report.ts';
import { runInSlices } from './run-in-slices.ts';
import type { WayfinderDb } from '../../storage/db.ts';
import { createProfileRepo } from '../../storage/profile-repo.ts';
import { errorMessage } from '../shared/worker-scope.ts';
import { failureReasonOf } from '../../domain/failure/failure-reason.ts';
import { lastEventDay } from './last-event-day.ts';

/** Fit the CLV models to a stored set up to its last event, and value a journey's effect. */
export interface SetClvRequest {
  setId: string;
  /** The horizon valued, in weeks. */
  horizonWeeks: number;
  /** Extra purchases per profile from the forecast; none: fit only. */
  effects?: readonly { id: string; extraPurchases: number; extraRevenue?: number }[] | undefined;
}

/** The fit, and the calibration end it used (null when the set could not be read). */
export interface SetClvFit {
  calibrationEnd: string | null;
  outcome: ClvOutcome;
}

/**
 * Reads a stored profile set and fits the CLV models on all of its history (where the set lives:
 * in a worker, nothing is copied to or from the page but the fit). The fit runs in slices that
 * let the worker's messages in, and stops where it is once `signal` is aborted, rejecting with
 * an `AbortError` (nothing is kept of it). Otherwise never throws: what stops the fit is a
 * failed outcome.
 */
export async function fitSetClv(
  db: WayfinderDb,
  request: SetClvRequest,
  now: () => number = Date.now,
  signal?: AbortSignal,
): Promise<SetClvFit> {
  try {
    const repo = createProfileRepo(db);
    if ((await repo.getProfileSet(request.setId)) === undefined)
      return {
        calibrationEnd: null,
        outcome: { ok: false, message: 'the set is gone', failure: { code: 'setGone' } },
      };
    const profiles = await repo.readProfileSet(request.setId);
    const calibrationEnd = lastEventDay(profiles, now);
    const outcome = await runInSlices(
      runClvSteps({
        profiles,
        calibrationEnd,
        horizonWeeks: request.horizonWeeks,
        ...(request.effects === undefined ? {} : { effects: request.effects }),
      }),
      signal,
    );
    return { calibrationEnd, outcome };
  } catch (error) {
    if (signal?.aborted === true) throw error;
    return {
      calibrationEnd: null,
      outcome: { ok: false, message: errorMessage(error), failure: failureReasonOf(error) },
    };
  }
}
