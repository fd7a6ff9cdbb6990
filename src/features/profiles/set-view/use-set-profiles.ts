import { useEffect, useState } from 'react';
import type { Profile } from '../../../domain/profiles/profile.ts';
import type { ProfileSet } from '../../../storage/records.ts';
import { useProfilesServices } from '../profiles-services.tsx';

/** A set's profiles read once into memory, again when the set changes. */
export type SetProfiles =
  | { state: 'loading' }
  | { state: 'ready'; profiles: Profile[]; ms: number }
  | { state: 'failed'; message: string };

export function useSetProfiles(set: ProfileSet | null | undefined): SetProfiles {
  const { repo } = useProfilesServices();
  const [result, setResult] = useState<SetProfiles>({ state: 'loading' });
  const setId = set?.id;
  const version = set ? `${set.updatedAt}:${set.count}` : '';
  useEffect(() => {
    if (setId === undefined) return;
    let live = true;
    const started = performance.now();
    repo.readProfileSet(setId).then(
      (profiles) =>
        live && setResult({ state: 'ready', profiles, ms: performance.now() - started }),
      (error: unknown) =>
        live &&
        setResult({
          state: 'failed',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
    return () => {
      live = false;
    };
  }, [repo, setId, version]);
  return result;
}
