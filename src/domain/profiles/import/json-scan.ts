import { lineAndColumn, MAX_JSON_DEPTH } from '../../json/parse-json.ts';
/** Where a JSON text goes wrong, if it does. */
export interface JsonScan {
  /** Offset of the first syntax error, if any. */
  errorAt?: number;
  errorMessage?: string;
}

class JsonSyntaxError extends Error {
  constructor(
    readonly at: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A small JSON syntax scanner. `JSON.parse` does the real parsing; this runs only to say where
 * a text is broken (browsers word and place those errors differently).
 */
export function scanJson(text: string): JsonScan {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text.charAt(i))) i++;
  };
  const fail = (message: string): never => {
    throw new JsonSyntaxError(i, message);
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail('unexpected character');
  };
  const string = (): void => {
    i++;
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const c = text.charAt(i);
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = text.charAt(i + 1);
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad unicode escape');
          i += 6;
        } else if ('"\\/bfnrt'.includes(e) && e !== '') i += 2;
        else fail('bad escape');
      } else if (c.charCodeAt(0) < 0x20) fail('control character in string');
      else i++;
    }
  };
  const number = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail('unexpected character');
    else i += m[0].length;
  };
  // Past the limit the journey import keeps (parseJson's), before the recursion can overflow.
  const open = (depth: number): void => {
    if (depth >= MAX_JSON_DEPTH) fail(`nested more than ${MAX_JSON_DEPTH} levels deep`);
    i++;
  };
  /** A value inside `depth` objects and arrays. */
  const value = (depth: number): void => {
    ws();
    const c = text.charAt(i);
    if (c === '{') {
      open(depth);
      ws();
      if (text.charAt(i) === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text.charAt(i) !== '"') fail('expected a property name in double quotes');
        string();
        ws();
        if (text.charAt(i) !== ':') fail("expected ':'");
        i++;
        value(depth + 1);
        ws();
        const next = text.charAt(i);
        i++;
        if (next === '}') return;
        if (next !== ',') {
          i--;
          fail("expected ',' or '}'");
        }
      }
    }
    if (c === '[') {
      open(depth);
      ws();
      if (text.charAt(i) === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        const next = text.charAt(i);
        i++;
        if (next === ']') return;
        if (next !== ',') {
          i--;
          fail("expected ',' or ']'");
        }
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    fail(i >= text.length ? 'unexpected end of text' : 'unexpected character');
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail('unexpected text after the end');
    return {};
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      return { errorAt: error.at, errorMessage: error.message };
    }
    throw error;
  }
}

export { lineAndColumn };
