import { createScanner, printParseErrorCode, visit } from 'jsonc-parser';

/** Deepest nesting of arrays and objects a JSON text may have; deeper texts are refused. */
export const MAX_JSON_DEPTH = 256;

/** Where and why a JSON text is not valid JSON; `line` and `column` count from 1. */
export interface JsonSyntaxProblem {
  line: number;
  column: number;
  /** 0-based character offset into the text. */
  offset: number;
  /** Why, as a code the screens word: jsonc-parser's error name, `empty`, `too_deep` or `invalid`. */
  reason: string;
  /** Why, in English (the CLI prints it). */
  message: string;
}

export type JsonParseResult =
  { ok: true; value: unknown } | { ok: false; problem: JsonSyntaxProblem };

/** 1-based line and column of a character offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** What each of jsonc-parser's error codes means to someone editing the file. */
const REASONS: Readonly<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'not a valid number',
  PropertyNameExpected: 'expected a property name in double quotes (no trailing commas in JSON)',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':' after the property name",
  CommaExpected: "expected ',' between items",
  CloseBraceExpected: "expected '}' to close the object",
  CloseBracketExpected: "expected ']' to close the array",
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'this string is never closed (missing ")',
  UnexpectedEndOfNumber: 'this number is cut off',
  InvalidUnicode: 'bad \\u escape in this string (needs four hex digits)',
  InvalidEscapeCharacter: 'bad escape in this string (use \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u)',
  InvalidCharacter: 'a control character (such as a raw tab or line break) inside this string',
};

function problemAt(
  text: string,
  offset: number,
  reason: string,
  message: string,
): JsonSyntaxProblem {
  return { ...lineAndColumn(text, offset), offset, reason, message };
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/**
 * Finds nesting deeper than `MAX_JSON_DEPTH` with one flat pass over the characters (skipping
 * strings), before anything that recurses (jsonc-parser's parser, zod schemas) sees the text.
 */
function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/**
 * Parses strict JSON (no comments, no trailing commas), reporting the first syntax problem with
 * the line and column where it is. The value comes from `JSON.parse` (which keeps a
 * `"__proto__"` key as an ordinary property); when it refuses, jsonc-parser, which tracks
 * positions, says where. A leading byte order mark is ignored. Shared by the CLI and the app's
 * journey import.
 */
export function parseJson(input: string): JsonParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? ` ${input.slice(1)}` : input;
  if (text.trim() === '') {
    return { ok: false, problem: problemAt(text, text.length, 'empty', 'the file is empty') };
  }
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    return {
      ok: false,
      problem: problemAt(text, deep, 'too_deep', `nested more than ${MAX_JSON_DEPTH} levels deep`),
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // The engine's message is not read: a parser that tracks positions says where and why.
    return { ok: false, problem: firstProblem(text) };
  }
}

// jsonc-parser's SyntaxKind values (a const enum, which isolated modules cannot import).
const TOKEN_OPEN_BRACE = 1;
const TOKEN_CLOSE_BRACE = 2;
const TOKEN_OPEN_BRACKET = 3;
const TOKEN_CLOSE_BRACKET = 4;
const TOKEN_END = 17;

/**
 * Nesting deeper than the limit as jsonc-parser's tokens see it: in a broken text its idea of
 * where strings end can differ from the character scan's, and its parser recurses.
 */
function tooDeepForParserAt(text: string): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== TOKEN_END; token = scanner.scan()) {
    if (token === TOKEN_OPEN_BRACE || token === TOKEN_OPEN_BRACKET) {
      if (++depth > MAX_JSON_DEPTH) return scanner.getTokenOffset();
    } else if (token === TOKEN_CLOSE_BRACE || token === TOKEN_CLOSE_BRACKET) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** The first syntax problem jsonc-parser (strict settings) finds in a text JSON.parse refused. */
function firstProblem(text: string): JsonSyntaxProblem {
  const deep = tooDeepForParserAt(text);
  if (deep !== undefined) {
    return problemAt(text, deep, 'too_deep', `nested more than ${MAX_JSON_DEPTH} levels deep`);
  }
  let first: JsonSyntaxProblem | undefined;
  visit(
    text,
    {
      onError: (code, offset) => {
        const name = printParseErrorCode(code);
        const known = Object.hasOwn(REASONS, name);
        first ??= problemAt(
          text,
          offset,
          known ? name : 'invalid',
          known ? (REASONS[name] as string) : 'not valid JSON',
        );
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  // Both follow RFC 8259; should jsonc-parser still find nothing, say so without a place.
  return first ?? problemAt(text, 0, 'invalid', 'not valid JSON');
}

/** "3:14: expected a value", for one-line reports. */
export function formatJsonProblem(problem: JsonSyntaxProblem): string {
  return `${problem.line}:${problem.column}: ${problem.message}`;
}
