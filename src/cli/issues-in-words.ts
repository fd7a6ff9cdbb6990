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

/** Zod's message without its type jargon ("Too big: expected number to be <=1" → "at most 1"). */
function messageInWords(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}`;
    case 'invalid_type':
      return `must be ${issue.expected === 'number' ? 'a number' : `a ${issue.expected}`}`;
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
