import { useEffect, useState } from 'react';
import type { Profile } from '../../../domain/profiles/profile.ts';
import { getAppDb } from '../../../storage/app-storage.ts';
import { createProfileRepo } from '../../../storage/profile-repo.ts';
import { fitClvInWorker } from '../../../workers/clv/fit-clv-in-worker.ts';
import type { ClvOutcome } from '../../../domain/forecast/clv-report.ts';
import { lastEventDay } from './last-event-day.ts';

/** A set's fitted CLV models and the day they were fitted up to. */
export type ClvFit = ClvOutcome & { calibrationEnd: string };

const fits = new Map<string, Promise<ClvFit>>();

async function fitSet(setId: string): Promise<ClvFit> {
  const profiles: Profile[] = await createProfileRepo(getAppDb()).readProfileSet(setId);
  const calibrationEnd = lastEventDay(profiles);
  const outcome = await fitClvInWorker({ profiles, calibrationEnd, horizonWeeks: 52 });
  return { ...outcome, calibrationEnd };
}

/**
 * The CLV models fitted to a profile set (in a worker), cached per set and version so every
 * profile page of the set reuses one fit. `undefined` while fitting.
 */
export function useClvFit(setId: string, version: string): ClvFit | undefined {
  const [fit, setFit] = useState<ClvFit | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const key = `${setId}@${version}`;
    let pending = fits.get(key);
    if (pending === undefined) {
      pending = fitSet(setId);
      fits.set(key, pending);
    }
    pending.then(
      (f) => live && setFit(f),
      (e: unknown) =>
        live &&
        setFit({
          ok: false,
          message: e instanceof Error ? e.message : String(e),
          calibrationEnd: '',
        }),
    );
    return () => {
      live = false;
    };
  }, [setId, version]);
  return fit;
}
