import { blockSearchable, markMatches } from './search-block.ts';
import type { Slicer } from './slicer.ts';
import type { ProfileTableColumns } from './table-columns.ts';

const SEARCHED = ['id', 'name', 'email', 'phone'] as const;

/**
 * The rows (table indexes, in the order given; undefined: every profile in stored order) whose
 * id, name, email or phone holds the search text in any case: the columns' answer to
 * `matchesSearch` in `query.ts`, which the property tests hold it to.
 */
export async function searchRows(
  columns: ProfileTableColumns,
  rows: Uint32Array | undefined,
  search: string,
  slicer: Slicer,
): Promise<Uint32Array | undefined> {
  const needle = search.trim().toLowerCase();
  if (needle === '') return rows;
  const found = new Uint8Array(columns.count);
  if (blockSearchable(needle)) {
    for (const block of columns.searchBlocks()) {
      markMatches(block, needle, found);
      if (slicer.due()) await slicer.next();
    }
  } else {
    // A needle holding a break character (pasted, never typed): field by field.
    for (let i = 0; i < columns.count; i++) {
      found[i] = SEARCHED.some((f) => columns.text(f, i)?.toLowerCase().includes(needle) === true)
        ? 1
        : 0;
      if ((i & 255) === 255 && slicer.due()) await slicer.next();
    }
  }
  return kept(rows, found, columns.count);
}

/** The rows of `rows` (all when undefined) marked in `found`, in order. */
function kept(rows: Uint32Array | undefined, found: Uint8Array, count: number): Uint32Array {
  const out = new Uint32Array(rows?.length ?? count);
  let n = 0;
  if (rows === undefined) {
    for (let i = 0; i < count; i++) if (found[i] === 1) out[n++] = i;
  } else {
    for (const i of rows) if (found[i] === 1) out[n++] = i;
  }
  return out.slice(0, n);
}
