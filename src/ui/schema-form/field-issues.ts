import type { z } from 'zod';
import { zodProblem, type ZodProblem } from '../../domain/index.ts';

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

/** Words a field's problem (`required`, `at-least` 1…) in the user's language. */
export type DescribeProblem = (problem: { problem: ZodProblem; limit: number }) => string;

/** Parses `value` and returns its problems as field issues (empty when valid). */
export function schemaIssues(
  schema: z.ZodType,
  value: unknown,
  describe: DescribeProblem,
): FieldIssue[] {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return [];
  return result.error.issues.map((i) => ({
    path: joinPath(i.path),
    message: describe(zodProblem(i)),
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
