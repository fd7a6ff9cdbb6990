import type { z } from 'zod';

/** How a path into the simulation options is named on the command line. */
const OPTION_NAMES: Record<string, string> = {
  start: '--start',
  horizonDays: '--days',
  seed: '--seed',
  traceSample: '--trace',
  traceProfileIds: '--trace-id',
  behaviour: '--behaviour',
};

/** "email.openRate" → "email open rate": a path read as words, never zod's array of keys. */
function pathInWords(path: readonly PropertyKey[]): string {
  return path
    .map((key) =>
      typeof key === 'number'
        ? `item ${key + 1}`
        : String(key)
            .replace(/([a-z])([A-Z])/g, '$1 $2')
            .toLowerCase(),
    )
    .join(' ');
}

/** JSON's names for the types zod expects ("record" is an object to whoever writes the file). */
const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a text',
  boolean: 'true or false',
  array: 'a list ([…])',
  object: 'an object ({…})',
  record: 'an object ({…})',
  null: 'null',
};

/** What a size limit counts: characters of a text, items of a list, else the value itself. */
function unitOf(origin: string): string {
  if (origin === 'string') return ' characters';
  if (origin === 'array' || origin === 'set') return ' items';
  return '';
}

/** Zod's message without its type jargon ("Too big: expected number to be <=1" → "at most 1"). */
function messageInWords(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      return `must be at most ${String(issue.maximum)}${unitOf(issue.origin)}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}${unitOf(issue.origin)}`;
    case 'invalid_type':
      return `must be ${TYPE_NAMES[issue.expected] ?? `a ${issue.expected}`}`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'unrecognized_keys':
      return `has unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${issue.keys.join(', ')}`;
    default:
      return 'is not valid';
  }
}

/**
 * Zod issues as sentences for a person at a terminal: `what` names the input (a file, or the
 * options), the first path key is named as its command-line option when it is one.
 */
export function issuesInWords(issues: readonly z.core.$ZodIssue[], what: string): string {
  return issues
    .map((issue) => {
      const [first, ...rest] = issue.path;
      const option = typeof first === 'string' ? OPTION_NAMES[first] : undefined;
      const where =
        option !== undefined
          ? [option, pathInWords(rest)].filter((s) => s !== '').join(' ')
          : issue.path.length === 0
            ? what
            : `${what}: ${pathInWords(issue.path)}`;
      return `${where} ${messageInWords(issue)}`;
    })
    .join('\n');
}

/** A path as the file spells it: `email.openRate`, `steps[2].id`. */
function pathAsWritten(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/**
 * Zod issues about a file's content, one line each, naming the field as the file spells it so it
 * can be found there ("email.openRate must be at most 1"); the file itself is `the file`.
 */
export function fileIssuesInWords(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map(
    (issue) =>
      `${issue.path.length === 0 ? 'the file' : pathAsWritten(issue.path)} ${messageInWords(issue)}`,
  );
}
