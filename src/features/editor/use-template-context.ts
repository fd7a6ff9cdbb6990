import { useQuery } from '@tanstack/react-query';
import { templateContextFrom, type TemplateContext } from '../../domain/index.ts';
import { getAppDb } from '../../storage/app-storage.ts';

export interface TemplateContextState {
  /** Undefined while loading, when there is no set, or when it could not be read. */
  context: TemplateContext | undefined;
  /** The profile store could not be read (its code failed to load): not the same as no set. */
  unreadable: boolean;
}

/**
 * What the template checks and the message preview know about customers: the first stored chunk
 * of the most recent profile set (fields, event properties, and profiles to preview and to
 * measure missing values over).
 */
export function useTemplateContext(): TemplateContextState {
  const query = useQuery({
    queryKey: ['template-context'],
    staleTime: 60_000,
    queryFn: async (): Promise<TemplateContext | null> => {
      // The profile store's reader is not needed to draw the journey: fetched after it.
      const { createProfileRepo } = await import('../../storage/profile-repo.ts');
      const repo = createProfileRepo(getAppDb());
      const [set] = await repo.listProfileSets();
      if (!set) return null;
      return templateContextFrom(await repo.sampleProfiles(set.id), set.name);
    },
  });
  return { context: query.data ?? undefined, unreadable: query.isError };
}
