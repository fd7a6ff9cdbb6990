import { useLiveRead } from '../../storage/use-live-read.ts';
import type { ProfileSet } from '../../storage/records.ts';
import { useProfilesServices } from './profiles-services.tsx';

/** Every profile set, most recently changed first; `undefined` while loading. Live. */
export function useProfileSets(): ProfileSet[] | undefined {
  const { repo } = useProfilesServices();
  return useLiveRead(() => repo.listProfileSets(), [repo]);
}

/** One set, live; `null` when it does not exist, `undefined` while loading. */
export function useProfileSet(setId: string): ProfileSet | null | undefined {
  const { repo } = useProfilesServices();
  return useLiveRead(async () => (await repo.getProfileSet(setId)) ?? null, [repo, setId]);
}
