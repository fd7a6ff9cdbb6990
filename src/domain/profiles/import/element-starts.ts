const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

const isJsonSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * Offsets where each element of an array starts, in a text `JSON.parse` accepted: the top-level
 * array, or with `member` the array its top-level object holds under that name (the last one
 * named so, which is the one `JSON.parse` keeps; other arrays beside it do not count). One flat
 * pass over the characters (skipping strings), so an element nested however deep is passed over
 * without recursing: the import's depth limit is for refusing a text, not for placing its rows.
 */
export function arrayElementStarts(text: string, member?: string): number[] {
  // The depth of the array whose elements count: 1 for the top level's, 2 for a member's.
  const arrayDepth = member === undefined ? 1 : 2;
  let starts: number[] = [];
  let depth = 0;
  let inArray = false;
  let elementNext = false;
  // In a top-level object, for `member`: whether a member's name comes next, and the last read.
  let inObject = false;
  let nameNext = false;
  let name: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (elementNext && !isJsonSpace(c)) {
      elementNext = false;
      if (c !== CLOSE_BRACKET) starts.push(i);
    }
    if (c === QUOTE) {
      const start = i;
      for (i++; i < text.length && text.charCodeAt(i) !== QUOTE; i++)
        if (text.charCodeAt(i) === BACKSLASH) i++;
      if (nameNext && depth === 1) {
        // Parsed, not sliced: a name may be written with escapes ("pro\u0066iles").
        name = JSON.parse(text.slice(start, i + 1)) as string;
        nameNext = false;
      }
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth === 1) {
        inObject = member !== undefined && c === OPEN_BRACE;
        nameNext = inObject;
      }
      if (depth === arrayDepth) {
        inArray = c === OPEN_BRACKET && (member === undefined || name === member);
        // A member named again replaces the one before, as in `JSON.parse`.
        if (inArray) starts = [];
        elementNext = inArray;
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth === arrayDepth) inArray = false;
      depth--;
    } else if (c === COMMA) {
      if (inArray && depth === arrayDepth) elementNext = true;
      if (depth === 1) nameNext = inObject;
    }
  }
  return starts;
}
