import type { CalibrationChoice } from '../../../domain/forecast/clv-fit-report.ts';
import { getAppDb } from '../../../storage/app-storage.ts';
import { createClvFitCache } from '../../../storage/clv-fit-cache.ts';
import { afterForegroundReads, foregroundRead } from '../../../storage/foreground-reads.ts';
import {
  watchProfileSetVersions,
  type ProfileSetVersion,
} from '../../../storage/profile-set-versions.ts';
import { clvReportInWorker } from '../../../workers/clv/clv-report-in-worker.ts';
import type { StoredSetFit } from '../../../workers/clv/fit-stored-set.ts';

/** The calibration a profile page's value thermometer reads: every purchase so far. */
export const PROFILE_PAGE_CALIBRATION: CalibrationChoice = 'all';

/**
 * How long a background fit waits after a change before it starts, and then until no read a
 * person waits for (a set page's table) runs: a page opened meanwhile reads first, and one that
 * needs the fit before then starts it itself (see `use-clv-report.ts`).
 */
const SETTLE_MS = 1_000;

/** A fit in flight, and whether a page waits for it (else only the background does). */
interface FitInFlight {
  fit: Promise<StoredSetFit>;
  stop: AbortController;
  joined: boolean;
}

/** Fits in flight in this tab, so the background fits and the pages share one per version. */
const inFlight = new Map<string, FitInFlight>();

function fitInFlight(
  setId: string,
  setVersion: string,
  calibration: CalibrationChoice,
  joined: boolean,
): FitInFlight {
  const key = `${setId}|${setVersion}|${calibration}`;
  const found = inFlight.get(key);
  if (found !== undefined) {
    found.joined ||= joined;
    return found;
  }
  const stop = new AbortController();
  const fit = clvReportInWorker(getAppDb(), { setId, calibration }, stop.signal).finally(() => {
    if (inFlight.get(key) === entry) inFlight.delete(key);
  });
  const entry: FitInFlight = { fit, stop, joined };
  inFlight.set(key, entry);
  return entry;
}

/**
 * Fits (in a worker that reads the set) and caches the CLV report of a set at a calibration;
 * joins the fit already running for the same set version and calibration, if any.
 */
export function fitStoredSetOnce(
  setId: string,
  setVersion: string,
  calibration: CalibrationChoice,
): Promise<StoredSetFit> {
  return fitInFlight(setId, setVersion, calibration, true).fit;
}

/**
 * Marks `work` as work a person waits for (a forecast, its sensitivity), which needs both cores:
 * background fits start after it, and a background fit no page waits for is stopped now and
 * made again after it. On two cores a fit of a 100,000-profile set, started a second after the
 * set was generated, ran beside the forecast that followed for about a second of a core.
 */
export function aheadOfBackgroundFits<T>(work: Promise<T>): Promise<T> {
  for (const [key, entry] of inFlight)
    if (!entry.joined) {
      inFlight.delete(key);
      entry.stop.abort();
    }
  return foregroundRead(work);
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Keeps the profile pages' CLV fits ready before anyone looks, as Klaviyo and Braze keep their
 * predictions: whenever a set is imported, generated or changed (here, in another tab or in a
 * worker), its new version is fitted in the background, one set at a time, and cached; the fits
 * of deleted sets are dropped. A version is tried once per session, so a fit that cannot be
 * stored is not retried in a loop. Returns a function that stops it.
 */
export function startBackgroundClvFits(): () => void {
  const db = getAppDb();
  const cache = createClvFitCache(db);
  const tried = new Set<string>();
  let sets: ProfileSetVersion[] = [];
  let running = false;
  let again = false;
  let stopped = false;

  const nextMissing = async (): Promise<ProfileSetVersion | undefined> => {
    for (const set of sets) {
      const key = `${set.setId}|${set.version}`;
      if (set.count === 0 || tried.has(key)) continue;
      if (await cache.has(set.setId, set.version, PROFILE_PAGE_CALIBRATION)) continue;
      return set;
    }
    return undefined;
  };

  const pump = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await cache.keepOnlySets(new Set(sets.map((set) => set.setId)));
        for (let set = await nextMissing(); set && !stopped; set = await nextMissing()) {
          await afterForegroundReads(SETTLE_MS);
          if (stopped) break;
          const key = `${set.setId}|${set.version}`;
          tried.add(key);
          try {
            await fitInFlight(set.setId, set.version, PROFILE_PAGE_CALIBRATION, false).fit;
          } catch (error) {
            // Stopped for work a person waits for: tried again once that is done.
            if (!isAbort(error)) throw error;
            tried.delete(key);
          }
        }
      } while (again && !stopped);
    } finally {
      running = false;
    }
  };

  const unwatch = watchProfileSetVersions(db, (latest) => {
    sets = latest;
    if (!stopped) pump().catch(() => undefined); // a failed pass is retried at the next change
  });
  return () => {
    stopped = true;
    unwatch();
  };
}
