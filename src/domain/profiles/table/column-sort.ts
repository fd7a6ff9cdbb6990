import { compareSortValues, type ProfileSort, type ProfileSortKey } from '../query.ts';
import { type Slicer, sortIndexes } from './slicer.ts';
import type { ProfileTableColumns } from './table-columns.ts';

/** The rank of a profile without a value for the sort key: after every other, either way. */
export const ABSENT = 0xffffffff;

/** Profile `i`'s value for `key`, as `sortValue` in `query.ts` reads it from the object. */
function valueOf(
  columns: ProfileTableColumns,
  key: ProfileSortKey,
  i: number,
): string | number | undefined {
  switch (key) {
    case 'id':
      return columns.text('id', i);
    case 'events':
      return columns.eventCount(i);
    case 'lastEventAt':
      return columns.lastEventAt(i);
    case 'name':
    case 'email':
    case 'country':
    case 'plan':
    case 'signupDate':
      return columns.text(key, i)?.toLowerCase();
    default: {
      // Not a column: read from the profile (no table column sorts by a custom attribute yet).
      const value = columns.profile(i).attributes.custom[key.slice('custom:'.length)];
      if (value === null || value === undefined) return undefined;
      return typeof value === 'boolean' ? Number(value) : value;
    }
  }
}

/**
 * Every profile's rank for `key`: equal values (by the table's comparison) share a rank, and
 * profiles without a value get {@link ABSENT}. The distinct values are sorted once, a slice at
 * a time; ordering any rows by the ranks is then a counting sort ({@link orderByRanks}), in
 * either direction, with no comparison at all.
 */
export async function sortRanks(
  columns: ProfileTableColumns,
  key: ProfileSortKey,
  slicer: Slicer,
): Promise<Uint32Array> {
  const distinct: (string | number)[] = [];
  const indexOf = new Map<string | number, number>();
  const valueIndex = new Int32Array(columns.count);
  for (let i = 0; i < columns.count; i++) {
    const value = valueOf(columns, key, i);
    if (value === undefined) valueIndex[i] = -1;
    else {
      let index = indexOf.get(value);
      if (index === undefined) {
        index = distinct.length;
        distinct.push(value);
        indexOf.set(value, index);
      }
      valueIndex[i] = index;
    }
    if ((i & 1023) === 1023 && slicer.due()) await slicer.next();
  }
  indexOf.clear();
  const compare = (a: number, b: number) =>
    compareSortValues(distinct[a] as string | number, distinct[b] as string | number);
  const order = await sortIndexes(distinct.length, compare, slicer);
  const rankOf = new Uint32Array(distinct.length);
  let rank = 0;
  for (let k = 0; k < order.length; k++) {
    if (k > 0 && compare(order[k - 1] as number, order[k] as number) !== 0) rank++;
    rankOf[order[k] as number] = rank;
  }
  const ranks = new Uint32Array(columns.count);
  for (let i = 0; i < columns.count; i++) {
    const index = valueIndex[i] as number;
    ranks[i] = index < 0 ? ABSENT : (rankOf[index] as number);
  }
  return ranks;
}

/**
 * `rows` (every profile when undefined) ordered by their ranks, ascending or descending, ties
 * in the order given and profiles without a value last: a stable counting sort.
 */
export function orderByRanks(
  rows: Uint32Array | undefined,
  count: number,
  ranks: Uint32Array,
  direction: ProfileSort['direction'],
): Uint32Array {
  const n = rows?.length ?? count;
  const row = (k: number) => (rows === undefined ? k : (rows[k] as number));
  let top = 0;
  for (let k = 0; k < n; k++) {
    const rank = ranks[row(k)] as number;
    if (rank !== ABSENT && rank > top) top = rank;
  }
  // Bucket per rank, in the direction asked, then one for the profiles without a value.
  const bucketOf = (rank: number) =>
    rank === ABSENT ? top + 1 : direction === 'asc' ? rank : top - rank;
  const starts = new Uint32Array(top + 3);
  for (let k = 0; k < n; k++) (starts[bucketOf(ranks[row(k)] as number) + 1] as number)++;
  for (let b = 1; b < starts.length; b++)
    starts[b] = (starts[b] as number) + (starts[b - 1] as number);
  const out = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const i = row(k);
    const bucket = bucketOf(ranks[i] as number);
    out[starts[bucket] as number] = i;
    starts[bucket] = (starts[bucket] as number) + 1;
  }
  return out;
}
