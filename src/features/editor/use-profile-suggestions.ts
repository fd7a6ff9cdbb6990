import { useQuery } from '@tanstack/react-query';
import type { Suggestions } from '../../ui/condition-builder/suggestions.ts';
import { getAppDb } from '../../storage/app-storage.ts';

/**
 * Attribute and event names seen in the most recent profile set (its first stored chunk),
 * offered as suggestions in the inspector's event and attribute fields.
 */
export function useProfileSuggestions(): Suggestions | undefined {
  const query = useQuery({
    queryKey: ['profile-suggestions'],
    staleTime: 60_000,
    queryFn: async (): Promise<Suggestions> => {
      // The profile store's reader is not needed to draw the journey: fetched after it.
      const { createProfileRepo } = await import('../../storage/profile-repo.ts');
      const repo = createProfileRepo(getAppDb());
      const [set] = await repo.listProfileSets();
      if (!set) return { attributes: [], events: [] };
      const rows = await repo.sampleProfiles(set.id);
      const events = new Set<string>();
      const attributes = new Set<string>();
      for (const profile of rows) {
        for (const event of profile.events) events.add(event.name);
        for (const key of Object.keys(profile.attributes.custom)) attributes.add(`custom.${key}`);
      }
      return { attributes: [...attributes].sort(), events: [...events].sort() };
    },
  });
  return query.data;
}
