import { useLiveQuery } from 'dexie-react-hooks';

/**
 * Reads IndexedDB and renders again whenever what the read touched changes (in this tab or
 * another); `undefined` while the first read is pending. Storage owns Dexie, so the features'
 * live reads come through here.
 */
export function useLiveRead<T>(
  read: () => Promise<T> | T,
  deps: readonly unknown[],
): T | undefined {
  return useLiveQuery(read, [...deps]);
}
