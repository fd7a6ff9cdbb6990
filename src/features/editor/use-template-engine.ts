import { useQuery } from '@tanstack/react-query';
import { loadTemplateEngine } from '../../domain/index.ts';

/**
 * Loads the Liquid engine after the editor has drawn (it is not part of the first download);
 * true once templates can be checked and previewed.
 */
export function useTemplateEngine(): boolean {
  const query = useQuery({
    queryKey: ['template-engine'],
    staleTime: Infinity,
    queryFn: async () => {
      await loadTemplateEngine(() => performance.now());
      return true;
    },
  });
  return query.data === true;
}
