import type { z } from 'zod';

/**
 * What is wrong with one value, as a code the screens word: `required`, `at-least` (with a
 * limit), `choice`… Schemas name their own refinements with `params: { problem }`.
 */
export type ZodProblem =
  | 'required'
  | 'whole_number'
  | 'number'
  | 'type'
  | 'at_least'
  | 'more_than'
  | 'at_most'
  | 'less_than'
  | 'min_length'
  | 'max_length'
  | 'min_items'
  | 'max_items'
  | 'choice'
  | 'format'
  | 'multiple_of'
  | 'unknown_key'
  | 'duration_too_long'
  | 'time_zone'
  | 'cooldown_missing'
  | 'choose_event'
  | 'choose_attribute'
  | 'choose_property'
  | 'other';

/** Empty names the condition and goal forms ask to be chosen, by the field they sit in. */
const CHOSEN: Readonly<Record<string, ZodProblem>> = {
  event: 'choose_event',
  attribute: 'choose_attribute',
  property: 'choose_property',
};

const REFINEMENTS: ReadonlySet<string> = new Set([
  'duration_too_long',
  'time_zone',
  'cooldown_missing',
]);

/**
 * A zod issue as a problem code and its limit (0 when it has none), read from the issue's
 * structured fields, never from its English message. Parse with `reportInput: true` so a
 * missing value reads as `required` rather than as the wrong type.
 */
export function zodProblem(issue: z.core.$ZodIssue): { problem: ZodProblem; limit: number } {
  const none = (problem: ZodProblem) => ({ problem, limit: 0 });
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return none('required');
      if (issue.expected === 'int') return none('whole_number');
      if (issue.expected === 'number') return none('number');
      return none('type');
    case 'too_small': {
      const limit = Number(issue.minimum);
      if (issue.origin === 'number' || issue.origin === 'int')
        return { problem: issue.inclusive === false ? 'more_than' : 'at_least', limit };
      if (issue.origin === 'string') {
        if (limit > 1) return { problem: 'min_length', limit };
        const last = issue.path.at(-1);
        return none((typeof last === 'string' && CHOSEN[last]) || 'required');
      }
      if (issue.origin === 'array' || issue.origin === 'set')
        return { problem: 'min_items', limit };
      return none('other');
    }
    case 'too_big': {
      const limit = Number(issue.maximum);
      if (issue.origin === 'number' || issue.origin === 'int')
        return { problem: issue.inclusive === false ? 'less_than' : 'at_most', limit };
      if (issue.origin === 'string') return { problem: 'max_length', limit };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { problem: 'max_items', limit };
      return none('other');
    }
    case 'invalid_value':
    case 'invalid_union':
      return none('choice');
    case 'invalid_format':
      return none('format');
    case 'not_multiple_of':
      return { problem: 'multiple_of', limit: Number(issue.divisor) };
    case 'unrecognized_keys':
      return none('unknown_key');
    case 'custom': {
      const named: unknown = issue.params?.['problem'];
      return typeof named === 'string' && REFINEMENTS.has(named)
        ? none(named as ZodProblem)
        : none('other');
    }
    default:
      return none('other');
  }
}

/** A zod issue's path, dotted: `variants.1.percent`. */
export function issuePath(issue: z.core.$ZodIssue): string {
  return issue.path.map(String).join('.');
}

/** A zod issue's path as keys: numbers for list positions, strings for the rest. */
export function issueKeys(issue: z.core.$ZodIssue): (string | number)[] {
  return issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
}
