const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

const isJsonSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * Offsets where each element of the arrays at `arrayDepth` (0 for a top-level array) starts, in a
 * text `JSON.parse` accepted. One flat pass over the characters (skipping strings), so an element
 * nested however deep is passed over without recursing: the import's depth limit is for refusing
 * a text, not for placing its rows.
 */
export function arrayElementStarts(text: string, arrayDepth: number): number[] {
  const starts: number[] = [];
  let depth = 0;
  // Whether the container open at `arrayDepth + 1` levels is an array, whose elements count.
  let inArray = false;
  let elementNext = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (elementNext && !isJsonSpace(c)) {
      elementNext = false;
      if (c !== CLOSE_BRACKET) starts.push(i);
    }
    if (c === QUOTE) {
      for (i++; i < text.length && text.charCodeAt(i) !== QUOTE; i++)
        if (text.charCodeAt(i) === BACKSLASH) i++;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth === arrayDepth + 1) {
        inArray = c === OPEN_BRACKET;
        elementNext = inArray;
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
    else if (c === COMMA && inArray && depth === arrayDepth + 1) elementNext = true;
  }
  return starts;
}
