import { z } from 'zod';
import { specSchema } from '../compile/spec-schema.ts';

/**
 * The execution backend's wire format, as zod schemas. docs/openapi.json states the same shapes;
 * tests/unit/api/openapi.test.ts keeps the two in step.
 */

/** One problem the backend found, pointing at a step (and a field inside it) when it can. */
export const errorDetailSchema = z.object({
  stepId: z.string().min(1).optional(),
  field: z.string().min(1).optional(),
  code: z.string().min(1),
  message: z.string(),
  /**
   * The values the code's message is built from (step names, fields, counts), when the code is
   * one of the spec validator's: an app renders the message in its user's language from them.
   */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ErrorDetail = z.infer<typeof errorDetailSchema>;

/** The body of every 4xx and 5xx answer. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string().min(1),
    message: z.string(),
    details: z.array(errorDetailSchema).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** A published, immutable version of a journey. */
export const publishedVersionSchema = z.object({
  journeyId: z.string().min(1),
  version: z.number().int().positive(),
  specHash: z.string().min(1),
  publishedAt: z.iso.datetime({ offset: true }),
});
export type PublishedVersion = z.infer<typeof publishedVersionSchema>;

/**
 * What the backend found allowed but probably not meant (an event count looking back further
 * than it keeps events): a publish still accepts the spec. Absent from backends that find none.
 */
const warningsSchema = z.array(errorDetailSchema).optional();

/** The answer of a publish: the version created, with the spec's warnings. */
export const publishResultSchema = publishedVersionSchema.extend({ warnings: warningsSchema });
export type PublishResult = z.infer<typeof publishResultSchema>;

/** A published version with its spec. */
export const versionDetailSchema = publishedVersionSchema.extend({ spec: specSchema });
export type VersionDetail = z.infer<typeof versionDetailSchema>;

/** A journey's versions, oldest first. */
export const versionListSchema = z.object({ versions: z.array(publishedVersionSchema) });
export type VersionList = z.infer<typeof versionListSchema>;

export const JOURNEY_STATES = ['draft', 'live', 'paused', 'stopped'] as const;

/** What the backend is doing with a journey right now. */
export const journeyStatusSchema = z.object({
  journeyId: z.string().min(1),
  state: z.enum(JOURNEY_STATES),
  liveVersion: z.number().int().positive().nullable(),
  activeProfiles: z.number().int().nonnegative(),
  /** Active profiles by the version they entered with (they stay on it until they leave). */
  activeProfilesByVersion: z.record(z.string(), z.number().int().nonnegative()),
  /**
   * When the journey was stopped (POST /journeys/{journeyId}/stop); null while it runs. Absent
   * from backends that cannot stop a journey.
   */
  stoppedAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type JourneyStatus = z.infer<typeof journeyStatusSchema>;

/** The answer of POST /specs/validate. */
export const validationResultSchema = z.object({
  valid: z.boolean(),
  errors: z.array(errorDetailSchema),
  warnings: warningsSchema,
});
export type ValidationResult = z.infer<typeof validationResultSchema>;

/** The body of POST /journeys/{journeyId}/versions and POST /specs/validate. */
export const specRequestSchema = z.object({ spec: specSchema });
export type SpecRequest = z.infer<typeof specRequestSchema>;

/** An answer of the publish endpoint that refuses the spec's version, in the API's error shape. */
export interface VersionRefusal {
  status: 409 | 422;
  code: string;
  message: string;
  details?: ErrorDetail[];
}

/**
 * Why a spec cannot be published as its journey's version `next`, or null when it can: the
 * backend and the mock answer alike. Another number is stale (409: someone published first,
 * reload and publish again); anything but a number was never stamped for publishing (422) — a
 * content hash is what `wayfinder compile` writes without `--version`, and "reload" was the wrong
 * advice for it.
 */
export function nextVersionRefusal(specVersion: string, next: number): VersionRefusal | null {
  if (specVersion === String(next)) return null;
  // Versions are whole numbers below 2^31 (ten digits at most); a 14-character content hash can
  // be all digits too, and is still not a version.
  if (/^[1-9][0-9]{0,9}$/.test(specVersion))
    return {
      status: 409,
      code: 'version-conflict',
      message: `The next version of this journey is ${next}, not ${specVersion}. Reload and publish again.`,
    };
  const message = `journey.version is "${specVersion}", not a version number: compile the spec for publishing as version ${next} (wayfinder compile FILE --version ${next}).`;
  return {
    status: 422,
    code: 'invalid-spec',
    message: 'The spec is not stamped with the version to publish.',
    details: [{ field: 'journey.version', code: 'version-not-a-number', message }],
  };
}
