import type { z } from 'zod';

/** A message to show beside one field; `path` is dotted, e.g. `variants.1.percent`. */
export interface FieldIssue {
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

/** Issues grouped by their dotted path. */
export type IssueMap = ReadonlyMap<string, readonly FieldIssue[]>;

/** A diagnostic-like record from the validator: only `field`, `message` and `severity` matter here. */
export interface FieldDiagnostic {
  severity: 'error' | 'warning';
  message: string;
  field?: string;
}

/** Joins a zod or form path into the dotted form used by diagnostics. */
export function joinPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** `rules.0` + `value` → `rules.0.value`; a root path is `''`. */
export function childPath(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}

/**
 * Friendlier defaults for zod's built-in messages. Messages written in a schema
 * (`z.string().min(1, 'choose an event')`) take precedence over these.
 */
export function friendlyMessage(iss: z.core.$ZodRawIssue): string | undefined {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined || iss.input === null) return 'Required.';
      if (iss.expected === 'int') return 'Enter a whole number.';
      if (iss.expected === 'number') return 'Enter a number.';
      return undefined;
    case 'too_small': {
      const min = Number(iss.minimum);
      if (iss.origin === 'number')
        return iss.inclusive ? `Must be at least ${min}.` : `Must be more than ${min}.`;
      if (iss.origin === 'string')
        return min === 1 ? 'Required.' : `Use at least ${min} characters.`;
      if (iss.origin === 'array') return `Add at least ${min}.`;
      return undefined;
    }
    case 'too_big': {
      const max = Number(iss.maximum);
      if (iss.origin === 'number')
        return iss.inclusive ? `Must be at most ${max}.` : `Must be less than ${max}.`;
      if (iss.origin === 'string') return `Use at most ${max} characters.`;
      if (iss.origin === 'array') return `Use at most ${max}.`;
      return undefined;
    }
    case 'invalid_value':
      return 'Choose one of the options.';
    default:
      return undefined;
  }
}

/** Parses `value` and returns its problems as field issues (empty when valid). */
export function schemaIssues(schema: z.ZodType, value: unknown): FieldIssue[] {
  const result = schema.safeParse(value, { error: friendlyMessage });
  if (result.success) return [];
  return result.error.issues.map((i) => ({
    path: joinPath(i.path),
    message: i.message,
    severity: 'error',
  }));
}

/** Converts diagnostics with a `field` into issues, removing a leading `prefix.` (e.g. `config.`). */
export function diagnosticIssues(
  diagnostics: readonly FieldDiagnostic[],
  prefix?: string,
): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const d of diagnostics) {
    if (d.field === undefined) continue;
    const path =
      prefix !== undefined && d.field.startsWith(`${prefix}.`)
        ? d.field.slice(prefix.length + 1)
        : d.field;
    out.push({ path, message: d.message, severity: d.severity });
  }
  return out;
}

/** Groups issues by path, dropping exact repeats (the form and the validator often agree). */
export function groupIssues(issues: readonly FieldIssue[]): IssueMap {
  const map = new Map<string, FieldIssue[]>();
  for (const issue of issues) {
    const list = map.get(issue.path) ?? [];
    if (!list.some((i) => i.message === issue.message)) list.push(issue);
    map.set(issue.path, list);
  }
  return map;
}

/** Issues under `prefix` with the prefix removed, e.g. for handing a sub-tree to a nested editor. */
export function issuesUnder(issues: IssueMap, prefix: string): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const [path, list] of issues) {
    if (path === prefix) out.push(...list.map((i) => ({ ...i, path: '' })));
    else if (path.startsWith(`${prefix}.`))
      out.push(...list.map((i) => ({ ...i, path: path.slice(prefix.length + 1) })));
  }
  return out;
}
