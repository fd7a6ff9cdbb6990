import type { TableTextField } from './table-columns.ts';

const FIELDS = ['id', 'name', 'email', 'phone'] as const;

/** Between two fields of one profile, and between two profiles: never in a search's needle. */
const FIELD_BREAK = '\u0001';
const PROFILE_BREAK = '\u0000';

/**
 * The searched text of a run of profiles as one string: each profile's id, name, email and
 * phone lower-cased, fields joined by U+0001 and profiles by U+0000. One `indexOf` over it finds
 * the matches of a run of 1,000 profiles, and a whole set holds a hundred such strings instead
 * of 400,000 lower-cased copies. A needle holding neither break cannot match across two fields.
 */
export interface SearchBlock {
  /** The table index of the block's first profile. */
  first: number;
  text: string;
  /** Where each profile's text ends in `text` (its break follows). */
  ends: Int32Array;
}

/** The search block of `count` profiles from `first`; `field(k, f)` reads the k-th one's field. */
export function searchBlock(
  first: number,
  count: number,
  field: (k: number, f: TableTextField) => string | undefined,
): SearchBlock {
  const parts: string[] = [];
  const ends = new Int32Array(count);
  let length = 0;
  for (let k = 0; k < count; k++) {
    // Lower-cased field by field, as a search of one profile does (case mapping can depend on
    // the neighbouring letters, so the joined string is not lower-cased at once).
    let row = '';
    for (let f = 0; f < FIELDS.length; f++) {
      if (f > 0) row += FIELD_BREAK;
      row += field(k, FIELDS[f] as TableTextField)?.toLowerCase() ?? '';
    }
    parts.push(row);
    length += row.length;
    ends[k] = length;
    length += PROFILE_BREAK.length;
  }
  return { first, text: parts.join(PROFILE_BREAK), ends };
}

/** Whether a needle can be looked for in search blocks (it holds no break character). */
export function blockSearchable(needle: string): boolean {
  return !needle.includes(FIELD_BREAK) && !needle.includes(PROFILE_BREAK);
}

/** Marks in `found` (by table index) every profile of `block` whose text holds `needle`. */
export function markMatches(block: SearchBlock, needle: string, found: Uint8Array): void {
  const { text, ends, first } = block;
  let k = 0;
  let at = text.indexOf(needle);
  while (at >= 0) {
    // The needle holds no break, so the match lies inside one profile's text: the first whose
    // end is not before the match's end (ends only grow).
    while ((ends[k] as number) < at + needle.length) k++;
    found[first + k] = 1;
    const nextProfile = (ends[k] as number) + PROFILE_BREAK.length;
    if (++k >= ends.length) return;
    at = text.indexOf(needle, nextProfile);
  }
}
