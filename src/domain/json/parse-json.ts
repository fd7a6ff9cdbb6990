import { createScanner, printParseErrorCode, visit } from 'jsonc-parser';

/** Deepest nesting of arrays and objects a JSON text may have; deeper texts are refused. */
export const MAX_JSON_DEPTH = 256;

/** Where and why a JSON text is not valid JSON; `line` and `column` count from 1. */
export interface JsonSyntaxProblem {
  line: number;
  column: number;
  /** 0-based character offset into the text. */
  offset: number;
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

function problemAt(text: string, offset: number, message: string): JsonSyntaxProblem {
  return { ...lineAndColumn(text, offset), offset, message };
}

// jsonc-parser's SyntaxKind values (a const enum, which isolated modules cannot import).
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const END_OF_TEXT = 17;

/**
 * Finds nesting deeper than `MAX_JSON_DEPTH` with a flat token loop, before anything that
 * recurses (jsonc-parser's parser, zod schemas) sees the text.
 */
function tooDeepAt(text: string): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== END_OF_TEXT; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      depth++;
      if (depth > MAX_JSON_DEPTH) return scanner.getTokenOffset();
    } else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/**
 * Parses strict JSON (no comments, no trailing commas), reporting the first syntax problem with
 * the line and column where it is, as a parser that tracks positions sees it. The value itself
 * comes from `JSON.parse`, which keeps a `"__proto__"` key as an ordinary property. A leading
 * byte order mark is ignored. Shared by the CLI and the app's journey import.
 */
export function parseJson(input: string): JsonParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? ` ${input.slice(1)}` : input;
  if (text.trim() === '') {
    return { ok: false, problem: problemAt(text, text.length, 'the file is empty') };
  }
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    return {
      ok: false,
      problem: problemAt(text, deep, `nested more than ${MAX_JSON_DEPTH} levels deep`),
    };
  }
  let first: JsonSyntaxProblem | undefined;
  visit(
    text,
    {
      onError: (code, offset) => {
        first ??= problemAt(text, offset, REASONS[printParseErrorCode(code)] ?? 'not valid JSON');
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (first !== undefined) return { ok: false, problem: first };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // Both parsers follow RFC 8259; should the engine still refuse, say so without a place
    // rather than guess one from its message.
    return { ok: false, problem: problemAt(text, 0, 'not valid JSON') };
  }
}

/** "3:14: expected a value", for one-line reports. */
export function formatJsonProblem(problem: JsonSyntaxProblem): string {
  return `${problem.line}:${problem.column}: ${problem.message}`;
}
