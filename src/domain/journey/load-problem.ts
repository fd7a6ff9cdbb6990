import type { z } from 'zod';
import { issuePath, zodProblem } from '../validate/zod-problem.ts';

/**
 * Every reason a stored or imported journey cannot be loaded, with the names of its parameters.
 * The app renders `restore.<code>` from its catalogues; `message` stays English for the CLI.
 */
export const LOAD_PROBLEM_PARAMS = {
  'not-an-object': [],
  'no-schema-version': [],
  'newer-schema-version': ['version', 'supported'],
  'missing-migration': ['from', 'to'],
  'invalid-value': ['path', 'problem', 'limit'],
  'read-failed': ['doing', 'why'],
  'json-syntax': ['line', 'column', 'reason'],
  'spec-file': ['file'],
  'storage-unreadable': [],
} as const satisfies Record<string, readonly string[]>;

export type LoadProblemCode = keyof typeof LOAD_PROBLEM_PARAMS;

/** Every load problem code, for the catalogue checks. */
export const LOAD_PROBLEM_CODES = Object.keys(LOAD_PROBLEM_PARAMS) as LoadProblemCode[];

/**
 * A problem found while loading a document: `path` is dotted (`steps.2.config`), '' for the root;
 * `code` and `params` fill its catalogue message, `message` says it in English.
 */
export type LoadProblem = {
  [C in LoadProblemCode]: {
    path: string;
    message: string;
    code: C;
    params: { [P in (typeof LOAD_PROBLEM_PARAMS)[C][number]]: string | number };
  };
}[LoadProblemCode];

/** Zod issues as load problems, each with its path and what is wrong there. */
export function zodLoadProblems(issues: readonly z.core.$ZodIssue[]): LoadProblem[] {
  return issues.map((issue) => {
    const path = issuePath(issue);
    return {
      path,
      message: issue.message,
      code: 'invalid-value',
      params: { path, ...zodProblem(issue) },
    };
  });
}

/** A load that threw (nested past the stack, a getter that throws), from the error's type only. */
export function readFailed(error: unknown, doing: 'reading' | 'checking' | 'writing'): LoadProblem {
  const tooDeep = error instanceof RangeError;
  const what = { reading: 'Reading', checking: 'Checking', writing: 'Writing' }[doing];
  return {
    path: '',
    message: tooDeep
      ? `${what} the journey failed: the journey is nested too deeply to read`
      : `${what} the journey failed unexpectedly`,
    code: 'read-failed',
    params: { doing, why: tooDeep ? 'too_deep' : 'other' },
  };
}

/** A load problem as one English line: `path: message`, or the message alone at the root. */
export function loadProblemLine(p: LoadProblem): string {
  return p.path === '' || p.message.includes(p.path) ? p.message : `${p.path}: ${p.message}`;
}
