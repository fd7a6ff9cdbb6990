import { z } from 'zod';
import { dedupeProfiles } from '../dedupe';
import { isValidEmail } from '../normalise-email';
import { type Profile, profileAttributesSchema, profileEventSchema } from '../profile';
import { isKnownTimeZone } from './cells';
import { arrayElementStarts } from './element-starts';
import { lineAndColumn, scanJson } from './json-scan';
import { type ImportResult, refusedResult, reject, type Rejection } from './report';
import { findProfileProblem } from './validate-profile';

const importEventSchema = profileEventSchema.extend({
  at: z.union([
    z.number().int(),
    z.string().transform((text, ctx) => {
      const ms = Date.parse(text);
      if (Number.isNaN(ms)) {
        ctx.issues.push({
          code: 'custom',
          message: `"${text}" is not a date or time`,
          input: text,
        });
        return z.NEVER;
      }
      return ms;
    }),
  ]),
});

/** A profile as a file may hold it: ids may be numbers, times may be ISO text, all but the id optional. */
export const profileImportSchema = z.object({
  id: z.union([z.string().trim().min(1), z.number().transform(String)]),
  attributes: profileAttributesSchema.default({ consent: {}, tags: [], custom: {} }),
  events: z.array(importEventSchema).default([]),
});

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'not a profile';
  const path = issue.path.join('.');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}

/** Validates one record; `rowOf` is called only when the record is rejected. */
function toProfile(value: unknown, rowOf: () => number): Profile | Rejection {
  const parsed = profileImportSchema.safeParse(value);
  if (!parsed.success) {
    const row = rowOf();
    const missingId = parsed.error.issues.some((i) => i.path[0] === 'id');
    const hasObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    if (missingId && hasObject)
      return reject(row, 'missing_id', `The profile at line ${row} has no id.`, 'id');
    const field = parsed.error.issues[0]?.path.map(String).join('.');
    return reject(
      row,
      'invalid_profile',
      `The record at line ${row} is not a profile (${describeIssue(parsed.error)}).`,
      field || 'profile',
    );
  }
  const { id, attributes, events } = parsed.data;
  if (attributes.email !== undefined && !isValidEmail(attributes.email)) {
    return reject(
      rowOf(),
      'invalid_email',
      `"${attributes.email}" is not an email address.`,
      'email',
    );
  }
  if (attributes.timeZone !== undefined && !isKnownTimeZone(attributes.timeZone)) {
    return reject(
      rowOf(),
      'invalid_time_zone',
      `"${attributes.timeZone}" is not an IANA time zone.`,
      'timeZone',
    );
  }
  const profile = { id, attributes, events: [...events].sort((a, b) => a.at - b.at) };
  const problem = findProfileProblem(profile);
  if (problem) return reject(rowOf(), problem.reason, problem.message, problem.field);
  return profile;
}

function badJson(text: string, lineOffset = 0): Rejection {
  const scan = scanJson(text);
  const { line, column } = lineAndColumn(text, scan.errorAt ?? text.length);
  const row = line + lineOffset;
  return reject(
    row,
    'bad_json',
    `Bad JSON at line ${row}, column ${column}: ${scan.errorMessage ?? 'cannot be read'}.`,
  );
}

function finish(profiles: Profile[], rejected: Rejection[], rows: number): ImportResult {
  const deduped = dedupeProfiles(profiles);
  rejected.sort((a, b) => a.row - b.row);
  return {
    profiles: deduped.profiles,
    report: { imported: deduped.profiles.length, rows, rejected, merged: deduped.merged },
  };
}

/** Imports the elements of the top-level array, or of the one under the top-level `member`. */
function importArray(text: string, items: unknown[], member?: string): ImportResult {
  const profiles: Profile[] = [];
  const rejected: Rejection[] = [];
  let starts: number[] | undefined;
  // Element lines are only needed for the report, so the text is scanned only if one fails.
  const lineOf = (index: number): number => {
    starts ??= arrayElementStarts(text, member);
    return lineAndColumn(text, starts[index] ?? 0).line;
  };
  items.forEach((item, index) => {
    const result = toProfile(item, () => lineOf(index));
    if ('reason' in result) rejected.push(result);
    else profiles.push(result);
  });
  return finish(profiles, rejected, items.length);
}

function importNdjson(text: string): ImportResult {
  const profiles: Profile[] = [];
  const rejected: Rejection[] = [];
  let rows = 0;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    rows++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      rejected.push(badJson(raw.replace(/\r$/, ''), i));
      return;
    }
    const result = toProfile(value, () => i + 1);
    if ('reason' in result) rejected.push(result);
    else profiles.push(result);
  });
  return finish(profiles, rejected, rows);
}

/**
 * Imports profiles from JSON: an array of profiles, an export of a profile set
 * (`{ profiles: [...] }`), one profile, or NDJSON (one profile per line).
 */
export function importJson(text: string): ImportResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const trimmed = body.trim();
  if (trimmed === '') return finish([], [reject(1, 'empty_file', 'The file is empty.')], 0);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    const lines = trimmed.split('\n').filter((l) => l.trim() !== '');
    if (trimmed.startsWith('{') && lines.length > 1) return importNdjson(body);
    return refusedResult(badJson(body));
  }
  if (Array.isArray(value)) return importArray(body, value);
  if (
    typeof value === 'object' &&
    value !== null &&
    'profiles' in value &&
    Array.isArray(value.profiles)
  ) {
    return importArray(body, value.profiles, 'profiles');
  }
  if (typeof value === 'object' && value !== null) {
    const result = toProfile(value, () => 1);
    return 'reason' in result ? finish([], [result], 1) : finish([result], [], 1);
  }
  return finish(
    [],
    [
      reject(
        1,
        'unrecognised_format',
        'The JSON is neither a profile, a list of profiles nor NDJSON.',
      ),
    ],
    0,
  );
}
