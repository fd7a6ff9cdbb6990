import type { ConditionContext, ConditionPredicate } from '../../conditions/compile-condition.ts';
import type { ProfileSort, ProfileSortKey } from '../query.ts';
import { searchRows } from './column-search.ts';
import { orderByRanks } from './column-sort.ts';
import type { Slicer } from './slicer.ts';
import type { ProfileTableColumns } from './table-columns.ts';

/** What a profile table shows: a condition's matches, narrowed by a search, in a sort order. */
export interface TableQuery {
  /** A compiled, complete condition; undefined: every profile. */
  filter?: { predicate: ConditionPredicate; context: ConditionContext };
  search: string;
  sort?: ProfileSort;
}

/**
 * The profiles `predicate` accepts, in stored order. Each profile is decoded, tested and let go
 * (short-lived objects cost the garbage collector little; a set's worth held at once cost it
 * long pauses).
 */
export async function filterRows(
  columns: ProfileTableColumns,
  predicate: ConditionPredicate,
  context: ConditionContext,
  slicer: Slicer,
): Promise<Uint32Array> {
  const out = new Uint32Array(columns.count);
  let n = 0;
  for (let i = 0; i < columns.count; i++) {
    if (predicate(columns.profile(i), context)) out[n++] = i;
    if ((i & 63) === 63 && slicer.due()) await slicer.next();
  }
  return out.slice(0, n);
}

/**
 * The rows of a table (indexes into `columns`) for a query, as `queryProfiles` in `query.ts`
 * would order the filtered profiles; undefined when that is every profile in stored order.
 * `ranksOf` gives the ranks of a sort key (see `sortRanks`), usually cached per table.
 */
export async function queryTable(
  columns: ProfileTableColumns,
  query: TableQuery,
  ranksOf: (key: ProfileSortKey) => Promise<Uint32Array>,
  slicer: Slicer,
): Promise<Uint32Array | undefined> {
  let rows = query.filter
    ? await filterRows(columns, query.filter.predicate, query.filter.context, slicer)
    : undefined;
  rows = await searchRows(columns, rows, query.search, slicer);
  if (query.sort === undefined) return rows;
  const ranks = await ranksOf(query.sort.key);
  return orderByRanks(rows, columns.count, ranks, query.sort.direction);
}
