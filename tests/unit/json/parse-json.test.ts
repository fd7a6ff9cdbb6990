import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, lineAndColumn, parseJson } from '../../../src/domain/index.ts';

/** The problem's place and message, or the parsed value. */
function problemOf(text: string) {
  const result = parseJson(text);
  if (result.ok) throw new Error(`expected a syntax problem in ${JSON.stringify(text)}`);
  return result.problem;
}

describe('parseJson', () => {
  it('parses valid JSON and keeps a "__proto__" key as an own property', () => {
    const result = parseJson('{"__proto__": {"polluted": true}, "a": [1, 2]}');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as Record<string, unknown>;
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(value['a']).toEqual([1, 2]);
  });

  it('reports a missing value where it is, not at the end of the file', () => {
    const text = '{\n  "name": "x",\n  "steps": [ , ]\n}\n';
    expect(problemOf(text)).toMatchObject({ line: 3, column: 14, message: 'expected a value' });
  });

  it('reports a trailing comma in an array and in an object', () => {
    expect(problemOf('[\n  1,\n  2,\n]')).toMatchObject({ line: 4, column: 1 });
    expect(problemOf('{\n  "a": 1,\n}')).toMatchObject({
      line: 3,
      column: 1,
      message: expect.stringMatching(/property name/),
    });
  });

  it('reports an unclosed string at its opening quote', () => {
    expect(problemOf('{\n  "name": "Welcome\n}')).toMatchObject({
      line: 2,
      column: 11,
      message: expect.stringMatching(/never closed/),
    });
  });

  it('reports an unclosed object and an unclosed array at the end of the text', () => {
    expect(problemOf('{\n  "a": 1\n')).toMatchObject({
      line: 3,
      column: 1,
      message: "expected '}' to close the object",
    });
    expect(problemOf('[1,\n 2')).toMatchObject({
      line: 2,
      column: 3,
      message: "expected ']' to close the array",
    });
  });

  it('reports a bad token, an unquoted name and a comment', () => {
    expect(problemOf('{\n  "a": tru\n}')).toMatchObject({ line: 2, column: 8 });
    expect(problemOf('{\n  steps: []\n}')).toMatchObject({ line: 2, column: 3 });
    expect(problemOf('// note\n{}')).toMatchObject({
      line: 1,
      column: 1,
      message: 'comments are not allowed in JSON',
    });
  });

  it('reports a missing colon and a missing comma', () => {
    expect(problemOf('{"a" 1}')).toMatchObject({ line: 1, column: 6 });
    expect(problemOf('[\n1\n2]')).toMatchObject({ line: 3, column: 1 });
  });

  it('reports an empty or blank file', () => {
    expect(problemOf('')).toMatchObject({ line: 1, column: 1, message: 'the file is empty' });
    expect(problemOf('\n\n  ')).toMatchObject({ line: 3, column: 3, message: 'the file is empty' });
  });

  it('reports garbage after the end', () => {
    expect(problemOf('{"a": 1}\n}')).toMatchObject({
      line: 2,
      column: 1,
      message: 'unexpected text after the end of the JSON value',
    });
    expect(problemOf('{} x')).toMatchObject({ line: 1, column: 4 });
  });

  it('reports raw control characters and bad escapes inside strings', () => {
    expect(problemOf('{"a": "tab\there"}')).toMatchObject({ line: 1, column: 7 });
    expect(problemOf('["\\x"]')).toMatchObject({ line: 1, column: 2 });
  });

  it('refuses nesting deeper than the limit without overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(problemOf(deep)).toMatchObject({
      line: 1,
      column: MAX_JSON_DEPTH + 1,
      message: expect.stringMatching(/nested more than/),
    });
    const atLimit = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    expect(parseJson(atLimit).ok).toBe(true);
  });

  it('ignores a byte order mark', () => {
    expect(parseJson('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab', 0)).toEqual({ line: 1, column: 1 });
  });
});
