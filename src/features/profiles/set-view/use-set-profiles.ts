import { useEffect, useState } from 'react';
import type { Profile } from '../../../domain/profiles/profile.ts';
import type { ProfileSet } from '../../../storage/records.ts';
import { useProfilesServices } from '../profiles-services.tsx';

/**
 * A set's profiles read once into memory, again when the set changes. While the whole set is
 * read, the first stored chunk (up to 1,000 profiles) is shown as `partial`, so a large set's
 * page has rows on screen long before the last chunk arrives.
 */
export type SetProfiles =
  | { state: 'loading' }
  | { state: 'partial'; profiles: Profile[] }
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
    let complete = false;
    const started = performance.now();
    setResult({ state: 'loading' });
    repo.sampleProfiles(setId).then(
      (first) => live && !complete && setResult({ state: 'partial', profiles: first }),
      () => undefined, // the whole read below reports the failure
    );
    repo.readProfileSet(setId).then(
      (profiles) => {
        complete = true;
        if (live) setResult({ state: 'ready', profiles, ms: performance.now() - started });
      },
      (error: unknown) => {
        complete = true;
        if (live)
          setResult({
            state: 'failed',
            message: error instanceof Error ? error.message : String(error),
          });
      },
    );
    return () => {
      live = false;
    };
  }, [repo, setId, version]);
  return result;
}
