import { SPEC_VERSION } from '../../domain/compile/spec-schema.ts';
import { specSchema } from '../../domain/index.ts';
import type { ErrorDetail } from '../../domain/contract/backend-contract.ts';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The most unknown fields one answer names. */
const MAX_NAMED = 20;

/**
 * Keys of `input` that the parsed spec does not keep: fields this backend does not know. Parsing
 * drops them silently, so a spec written by a newer Wayfinder (a new step option, a new setting)
 * would run without what its author set; docs/spec.schema.json says `additionalProperties: false`.
 */
export function unknownFields(input: unknown, parsed: unknown, path: string[] = []): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, at: string[]) => {
    if (out.length >= MAX_NAMED) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      a.forEach((item, i) => walk(item, b[i], [...at, String(i)]));
      return;
    }
    if (!isRecord(a) || !isRecord(b)) return;
    for (const [key, value] of Object.entries(a)) {
      if (!Object.hasOwn(b, key)) out.push([...at, key].join('.'));
      else walk(value, b[key], [...at, key]);
    }
  };
  walk(input, parsed, path);
  return out;
}

/**
 * What a backend of this spec version refuses before reading a spec's content: a spec of another
 * format version (written by a newer Wayfinder), and, for a spec that parses, fields it does not
 * know. Empty when the spec may be validated as usual.
 */
export function specFormatProblems(input: unknown): ErrorDetail[] {
  if (!isRecord(input)) return [];
  const version = input['specVersion'];
  if (typeof version === 'string' && version !== SPEC_VERSION)
    return [
      {
        field: 'specVersion',
        code: 'spec-version-unsupported',
        message: `The spec is format ${version.slice(0, 20)}; this backend reads format ${SPEC_VERSION}. Compile it with the Wayfinder version this backend supports, or upgrade the backend.`,
      },
    ];
  const parsed = specSchema.safeParse(input);
  if (!parsed.success) return [];
  return unknownFields(input, parsed.data).map((field) => ({
    field,
    ...(field.startsWith('steps.') ? { stepId: field.split('.')[1] as string } : {}),
    code: 'unknown-field',
    message: `${field} is not a field of spec format ${SPEC_VERSION}: this backend would ignore it.`,
  }));
}
