import { failureReasonOf, type FailureReason } from '../../../domain/failure/failure-reason.ts';
import { useEffect, useState } from 'react';
import type { ProfileSetTable } from '../../../storage/profile-set-table.ts';
import type { ProfileSet } from '../../../storage/records.ts';
import { useProfilesServices } from '../profiles-services.tsx';

/**
 * A set's table (see `ProfileSetTable`), read again when the set changes. While a large set is
 * read, the rows read so far are shown as `partial` (from the first stored chunk of 1,000 on),
 * so the page has rows on screen long before the last chunk arrives.
 */
export type SetTable =
  | { state: 'loading' }
  | { state: 'partial'; table: ProfileSetTable; shown: number }
  | { state: 'ready'; table: ProfileSetTable }
  | { state: 'failed'; reason: FailureReason };

/** Rows read before the partial table is drawn again (each chunk would redraw 100 times). */
const REDRAW_EVERY = 10_000;

export function useSetTable(set: ProfileSet | null | undefined): SetTable {
  const { repo } = useProfilesServices();
  const [result, setResult] = useState<SetTable>({ state: 'loading' });
  const setId = set?.id;
  const version = set ? `${set.updatedAt}:${set.count}` : '';
  useEffect(() => {
    if (setId === undefined) return;
    let live = true;
    let complete = false;
    let shown = 0;
    setResult({ state: 'loading' });
    repo
      .readSetTable(setId, (table) => {
        if (!live || complete || (shown > 0 && table.count - shown < REDRAW_EVERY)) return;
        shown = table.count;
        setResult({ state: 'partial', table, shown });
      })
      .then(
        (table) => {
          complete = true;
          if (live) setResult({ state: 'ready', table });
        },
        (error: unknown) => {
          complete = true;
          if (live) setResult({ state: 'failed', reason: failureReasonOf(error) });
        },
      );
    return () => {
      live = false;
    };
  }, [repo, setId, version]);
  return result;
}
